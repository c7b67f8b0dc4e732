import { loadAppConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://localhost/coachflow' };

describe('loadAppConfig', () => {
  it('runs on port 3000 with sign-up open and the demo seeded in development', () => {
    const config = loadAppConfig(base);
    expect(config.port).toBe(3000);
    expect(config.allowSignup).toBe(true);
    expect(config.seedDemo).toBe(true);
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('demands a signing secret in production and closes sign-up unless allowed', () => {
    expect(() => loadAppConfig({ ...base, NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    const secret = 'x'.repeat(40);
    const config = loadAppConfig({ ...base, NODE_ENV: 'production', JWT_SECRET: secret });
    expect(config.allowSignup).toBe(false);
    expect(config.seedDemo).toBe(false);
    expect(
      loadAppConfig({ ...base, NODE_ENV: 'production', JWT_SECRET: secret, ALLOW_SIGNUP: 'true' })
        .allowSignup,
    ).toBe(true);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadAppConfig({})).toThrow(/DATABASE_URL/);
    expect(() => loadAppConfig({ ...base, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadAppConfig({ ...base, JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });
});
