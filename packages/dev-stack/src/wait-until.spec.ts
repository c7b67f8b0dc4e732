import { waitUntil } from './wait-until';

describe('waitUntil', () => {
  it('returns the first defined value', async () => {
    let calls = 0;
    const value = await waitUntil(async () => (++calls >= 3 ? 'ready' : undefined), {
      what: 'x',
      intervalMs: 1,
    });
    expect(value).toBe('ready');
    expect(calls).toBe(3);
  });

  it('names what it waited for and the last error when it times out', async () => {
    const failing = waitUntil(
      async () => {
        throw new Error('connection refused');
      },
      { what: 'the database', timeoutMs: 20, intervalMs: 5 },
    );
    await expect(failing).rejects.toThrow('Timed out waiting for the database: connection refused');
  });
});
