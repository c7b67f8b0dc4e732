import { runWriters } from './run-writers';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('runWriters', () => {
  it('calls every writer the given number of times, in order per writer', async () => {
    const calls: string[] = [];
    const run = await runWriters(3, 4, async (writer, index) => {
      calls.push(`${writer}:${index}`);
      await sleep(0);
    });
    expect(run.latenciesMs).toHaveLength(12);
    for (let writer = 0; writer < 3; writer++) {
      expect(calls.filter((call) => call.startsWith(`${writer}:`))).toEqual(
        ['0', '1', '2', '3'].map((i) => `${writer}:${i}`),
      );
    }
  });

  it('runs writers concurrently but each writer sequentially', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const perWriter = new Map<number, number>();
    await runWriters(4, 3, async (writer) => {
      inFlight++;
      perWriter.set(writer, (perWriter.get(writer) ?? 0) + 1);
      expect(perWriter.get(writer)).toBe(1);
      maxInFlight = Math.max(maxInFlight, inFlight);
      await sleep(5);
      perWriter.set(writer, (perWriter.get(writer) ?? 1) - 1);
      inFlight--;
    });
    expect(maxInFlight).toBe(4);
  });

  it('measures each call and the whole run', async () => {
    const run = await runWriters(2, 2, () => sleep(20));
    for (const latency of run.latenciesMs) expect(latency).toBeGreaterThanOrEqual(15);
    expect(run.wallMs).toBeGreaterThanOrEqual(35);
    expect(run.wallMs).toBeLessThan(1_000);
  });

  it('fails when an append fails', async () => {
    await expect(runWriters(2, 2, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});
