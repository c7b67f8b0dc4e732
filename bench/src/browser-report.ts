import { gzipSync } from 'node:zlib';
import { formatTable } from './format-table';
import { percentile } from './percentile';

/** Latency percentiles of one series measured in a browser, in milliseconds. */
export interface BrowserLatency {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function summarizeBrowserLatencies(samplesMs: readonly number[]): BrowserLatency {
  return {
    count: samplesMs.length,
    p50Ms: percentile(samplesMs, 50),
    p95Ms: percentile(samplesMs, 95),
    p99Ms: percentile(samplesMs, 99),
    maxMs: samplesMs.length === 0 ? Number.NaN : Math.max(...samplesMs),
  };
}

/** An Event Timing entry as a benchmark page reports it (bench/web-pages/src/latency-probe.ts). */
export interface EventTimingEntry {
  name: string;
  /** The event's timestamp (page clock, ms). */
  startTime: number;
  duration: number;
  interactionId: number;
}

/**
 * The least duration Event Timing reports (`durationThreshold` cannot go below 16 ms): a keystroke without
 * an entry took less, and counts as this, an upper bound.
 */
export const EVENT_TIMING_FLOOR_MS = 16;

/**
 * One latency per keystroke from Event Timing entries: the longest entry of each keyboard interaction
 * (keydown, keypress and keyup of one key share an interactionId) whose events came at or after `sinceMs`
 * (page clock; warm-up keys come before), and EVENT_TIMING_FLOOR_MS for each of the `keystrokes` pressed
 * since then that had no entry.
 */
export function keystrokeLatenciesFromEventTiming(
  entries: readonly EventTimingEntry[],
  keystrokes: number,
  sinceMs: number,
): number[] {
  const longest = new Map<number, number>();
  for (const entry of entries) {
    if (entry.interactionId === 0 || entry.startTime < sinceMs || !/^key(down|press|up)$/.test(entry.name))
      continue;
    longest.set(entry.interactionId, Math.max(longest.get(entry.interactionId) ?? 0, entry.duration));
  }
  const reported = [...longest.values()];
  if (reported.length > keystrokes)
    throw new Error(`${reported.length} keyboard interactions reported for ${keystrokes} keystrokes`);
  return [...reported, ...Array.from({ length: keystrokes - reported.length }, () => EVENT_TIMING_FLOOR_MS)];
}

/** Bytes of a set of responses: as sent (uncompressed) and gzipped at the default level, as a server would. */
export interface TransferSize {
  files: number;
  rawBytes: number;
  gzipBytes: number;
}

export function transferSize(bodies: readonly Buffer[]): TransferSize {
  return {
    files: bodies.length,
    rawBytes: bodies.reduce((sum, body) => sum + body.length, 0),
    gzipBytes: bodies.reduce((sum, body) => sum + gzipSync(body).length, 0),
  };
}

export interface TargetVerdict {
  name: string;
  measured: string;
  target: string;
  met: boolean;
}

export const fixed = (value: number, digits: number) =>
  Number.isFinite(value) ? value.toFixed(digits) : '-';

export const ratio = (value: number, baseline: number) => `${fixed(value / baseline, 2)}x`;

/** A latency table: one row per series, each beside its baseline's p50 and p95 ratios when it has one. */
export function formatLatencyRows(
  rows: readonly { name: string; latency: BrowserLatency; baseline?: BrowserLatency }[],
): string {
  return formatTable(
    ['latency (ms)', 'n', 'p50', 'p95', 'p99', 'max', 'p50 ratio', 'p95 ratio'],
    rows.map(({ name, latency, baseline }) => [
      name,
      String(latency.count),
      fixed(latency.p50Ms, 1),
      fixed(latency.p95Ms, 1),
      fixed(latency.p99Ms, 1),
      fixed(latency.maxMs, 1),
      baseline ? ratio(latency.p50Ms, baseline.p50Ms) : '',
      baseline ? ratio(latency.p95Ms, baseline.p95Ms) : '',
    ]),
  );
}

export function formatVerdicts(verdicts: readonly TargetVerdict[]): string {
  return formatTable(
    ['target', 'measured', 'wanted', 'met'],
    verdicts.map((v) => [v.name, v.measured, v.target, v.met ? 'yes' : 'NO']),
  );
}
