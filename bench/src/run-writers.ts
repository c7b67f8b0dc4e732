import { performance } from 'node:perf_hooks';

export interface WritersRun {
  /** From the first append's start to the last one's end, all writers together. */
  wallMs: number;
  /** One entry per append, every writer's, in completion order. */
  latenciesMs: number[];
}

/**
 * Runs `writers` concurrent loops that each call `appendOnce(writer, index)` `appendsPerWriter` times, one
 * after another (a writer owns a stream, so its appends cannot overlap), and times every call.
 */
export async function runWriters(
  writers: number,
  appendsPerWriter: number,
  appendOnce: (writer: number, index: number) => Promise<void>,
): Promise<WritersRun> {
  const latenciesMs: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let index = 0; index < appendsPerWriter; index++) {
        const before = performance.now();
        await appendOnce(writer, index);
        latenciesMs.push(performance.now() - before);
      }
    }),
  );
  return { wallMs: performance.now() - started, latenciesMs };
}
