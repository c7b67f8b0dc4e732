/** The BENCH_SCALE multiplier for how many appends a benchmark makes (default 1). */
export function benchScale(env: NodeJS.ProcessEnv): number {
  const raw = env['BENCH_SCALE'];
  if (raw === undefined || raw.trim() === '') return 1;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale <= 0)
    throw new Error(`BENCH_SCALE must be a positive number, got "${raw}"`);
  return scale;
}
