import { loadAppConfig } from '#api/config/app-config';
import { TokenService } from './token.service';

const config = loadAppConfig({
  DATABASE_URL: 'postgres://localhost/coachflow',
  JWT_SECRET: 's'.repeat(40),
  TOKEN_TTL_SECONDS: '60',
});
const claims = { sub: 'user-1', org: 'org-1', role: 'rep' as const, sid: 'session-1' };

describe('TokenService', () => {
  afterEach(() => jest.useRealTimers());

  it('verifies its own tokens, again from what it remembers, until they expire', async () => {
    const tokens = new TokenService(config);
    const token = await tokens.sign(claims);
    expect(tokens.verify(token)).toMatchObject(claims);
    expect(tokens.verify(token)).toMatchObject(claims);
    jest.useFakeTimers({ now: Date.now() + 61_000 });
    expect(tokens.verify(token)).toBeNull();
  });

  it('refuses a token of another secret, a changed one and one without a session', async () => {
    const tokens = new TokenService(config);
    const other = new TokenService({ ...config, jwtSecret: 't'.repeat(40) });
    const token = await tokens.sign(claims);
    expect(tokens.verify(await other.sign(claims))).toBeNull();
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'user-2', exp: 4e9 })).toString('base64url');
    expect(tokens.verify(`${header}.${forged}.${signature}`)).toBeNull();
    const { sid: _sid, ...sessionless } = claims;
    expect(tokens.verify(await tokens.sign(sessionless as typeof claims))).toBeNull();
  });
});
