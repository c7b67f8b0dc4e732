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

  it('runs the mail catcher in development only', () => {
    expect(loadAppConfig({ ...base, MAIL_CATCHER_PORT: '1025' }).mailCatcherPort).toBe(1025);
    expect(loadAppConfig(base).mailCatcherPort).toBeUndefined();
    expect(() =>
      loadAppConfig({
        ...base,
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(32),
        MAIL_CATCHER_PORT: '1025',
      }),
    ).toThrow(/MAIL_CATCHER_PORT is for development only/);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadAppConfig({})).toThrow(/DATABASE_URL/);
    expect(() => loadAppConfig({ ...base, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadAppConfig({ ...base, JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(() => loadAppConfig({ ...base, TOKEN_TTL_SECONDS: '-5' })).toThrow(/TOKEN_TTL_SECONDS/);
  });

  it('believes no proxy unless TRUST_PROXY names hops or addresses, in production too', () => {
    const production = { ...base, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };
    expect(loadAppConfig(production).trustProxy).toBe(false);
    expect(loadAppConfig({ ...base, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadAppConfig({ ...base, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadAppConfig({ ...base, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1, ::1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
    ]);
    expect(() => loadAppConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadAppConfig({ ...base, TRUST_PROXY: 'proxy.internal' })).toThrow(/TRUST_PROXY/);
  });

  it('turns single sign-on on only with a complete provider configuration', () => {
    expect(loadAppConfig(base).oidc).toBeUndefined();
    expect(() => loadAppConfig({ ...base, OIDC_ISSUER: 'https://idp.test' })).toThrow(/OIDC_CLIENT_ID/);
    const oidc = {
      OIDC_ISSUER: 'https://idp.test',
      OIDC_CLIENT_ID: 'coachflow',
      OIDC_REDIRECT_URI: 'https://app.test/cb',
    };
    expect(loadAppConfig({ ...base, ...oidc }).oidc).toMatchObject({
      clientId: 'coachflow',
      allowInsecure: false,
    });
    expect(() =>
      loadAppConfig({
        ...base,
        ...oidc,
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(40),
        OIDC_ALLOW_INSECURE: 'true',
      }),
    ).toThrow(/OIDC_ALLOW_INSECURE/);
  });

  it('keeps access tokens short and CORS closed unless configured', () => {
    const config = loadAppConfig(base);
    expect(config.tokenTtlSeconds).toBe(900);
    expect(config.corsOrigins).toEqual([]);
    expect(loadAppConfig({ ...base, CORS_ORIGINS: 'https://a.test, https://b.test' }).corsOrigins).toEqual([
      'https://a.test',
      'https://b.test',
    ]);
  });
});
