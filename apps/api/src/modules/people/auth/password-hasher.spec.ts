import { PasswordHasher } from './password-hasher';

// Made by the `argon2` package (0.45.1) that hashed passwords before @node-rs/argon2: stored hashes of
// existing users look like these, with its parameter order (m, p, t).
const OLD_LIBRARY_HASHES = [
  {
    password: 'correct horse battery staple',
    stored:
      '$argon2id$v=19$m=19456,p=1,t=2$8rZYwUP4GS2g4b0kIV++WQ$Te8SEz0638DNCsAjDZiaPAtjwolq0xf/d7ZaVmkoDFw',
  },
  {
    // That library's own defaults (64 MiB, 3 passes, 4 lanes): the parameters come from the string.
    password: 'legacy-defaults',
    stored:
      '$argon2id$v=19$m=65536,p=4,t=3$JyTfe9GVSJgX5mgmGdmGpA$NENWXxeDlkfB0z492Wyded2B8WPSzy5G/WS836dT8Ns',
  },
];

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it.each(OLD_LIBRARY_HASHES)(
    'verifies a hash the previous argon2 library stored',
    async ({ password, stored }) => {
      expect(await hasher.verify(stored, password)).toBe(true);
      expect(await hasher.verify(stored, `${password}!`)).toBe(false);
    },
  );

  it('stores argon2id PHC strings with the OWASP parameters, each with its own salt', async () => {
    const first = await hasher.hash('a-password-1');
    const second = await hasher.hash('a-password-1');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(second).not.toBe(first);
    expect(await hasher.verify(first, 'a-password-1')).toBe(true);
    expect(await hasher.verify(first, 'a-password-2')).toBe(false);
  });

  it('verifies nothing against a missing, password-less or malformed hash', async () => {
    for (const stored of [undefined, PasswordHasher.NO_PASSWORD, '$argon2id$garbage', ''])
      expect(await hasher.verify(stored, 'decoy-password-for-unknown-users')).toBe(false);
  });
});
