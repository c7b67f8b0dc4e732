import { sampleScheduler } from './scheduler-sampler';

const spinFor = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until) Math.sqrt(Math.random());
};

describe('sampleScheduler', () => {
  it("reads a process's threads' time on a core over a stretch", async () => {
    const sampler = sampleScheduler({ bench: [process.pid] }, 5);
    const from = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    spinFor(150);
    const to = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    sampler.stop();
    const stretch = sampler.between(from, to);
    const times = stretch?.byRole['bench'];
    // The spin ran on a core or waited for one for its whole 150 ms.
    expect((times?.runMs ?? 0) + (times?.waitMs ?? 0)).toBeGreaterThanOrEqual(140);
    expect(stretch?.runnableMax).toBeGreaterThanOrEqual(1);
    // The spin held the event loop that runs the sampler: its timer came late by about as long.
    expect(stretch?.samplerLateMs).toBeGreaterThanOrEqual(100);
  });

  it('answers null for a stretch before its first sample', () => {
    const sampler = sampleScheduler({ bench: [process.pid] });
    sampler.stop();
    expect(sampler.between(0, 1)).toBeNull();
  });
});
