/** The BENCH_SCALE multiplier for how many appends a benchmark makes (default 1). */
export function benchScale(env: NodeJS.ProcessEnv): number {
  const raw = env['BENCH_SCALE'];
  if (raw === undefined || raw.trim() === '') return 1;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale <= 0)
    throw new Error(`BENCH_SCALE must be a positive number, got "${raw}"`);
  return scale;
}

/** A count a benchmark takes from the environment (`name`), else `fallback`: sizes set by env. */
export function envCount(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  const value = raw === undefined || raw.trim() === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}
