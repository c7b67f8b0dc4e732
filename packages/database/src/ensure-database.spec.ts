import { dropDatabase, ensureDatabase } from './ensure-database';

describe('database names', () => {
  it('refuses names that are not plain identifiers before connecting anywhere', async () => {
    await expect(ensureDatabase('postgres://u@127.0.0.1:1/bad";DROP')).rejects.toThrow(/Refusing/);
    await expect(dropDatabase('postgres://u@127.0.0.1:1/a-b')).rejects.toThrow(/Refusing/);
  });
});
