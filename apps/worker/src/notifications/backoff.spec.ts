import { retryAt } from './backoff';

const backoff = { baseMs: 1000, maxDelayMs: 5000, giveUpAfterMs: 20_000 };
const start = new Date('2026-01-01T00:00:00.000Z');
const after = (ms: number) => new Date(start.getTime() + ms);

describe('retryAt', () => {
  it('doubles the wait after each failure, up to the cap', () => {
    expect(retryAt(backoff, 1, start, start)).toEqual(after(1000));
    expect(retryAt(backoff, 2, start, start)).toEqual(after(2000));
    expect(retryAt(backoff, 3, start, start)).toEqual(after(4000));
    expect(retryAt(backoff, 4, start, start)).toEqual(after(5000));
    expect(retryAt(backoff, 30, start, start)).toEqual(after(5000));
  });

  it('gives up once the next try would fall past the window', () => {
    expect(retryAt(backoff, 4, start, after(15_000))).toEqual(after(20_000));
    expect(retryAt(backoff, 4, start, after(15_001))).toBeUndefined();
  });
});
