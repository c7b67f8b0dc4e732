import { eventually } from './eventually';

describe('eventually', () => {
  it('returns once the assertion passes', async () => {
    let attempts = 0;
    const result = await eventually(
      async () => {
        attempts += 1;
        if (attempts < 3) throw new Error('not yet');
        return attempts;
      },
      1000,
      1,
    );
    expect(result).toBe(3);
  });

  it('rethrows the last failure after the timeout', async () => {
    await expect(eventually(async () => Promise.reject(new Error('still failing')), 20, 5)).rejects.toThrow(
      'still failing',
    );
  });
});
