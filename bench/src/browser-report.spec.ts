import { gunzipSync, gzipSync } from 'node:zlib';
import {
  EVENT_TIMING_FLOOR_MS,
  formatLatencyRows,
  keystrokeLatenciesFromEventTiming,
  summarizeBrowserLatencies,
  transferSize,
} from './browser-report';

describe('browser benchmark report', () => {
  it('summarizes latencies by nearest rank, with p95', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarizeBrowserLatencies(samples)).toEqual({
      count: 100,
      p50Ms: 50,
      p95Ms: 95,
      p99Ms: 99,
      maxMs: 100,
    });
    expect(summarizeBrowserLatencies([]).p95Ms).toBeNaN();
  });

  it('takes the longest keyboard entry of each interaction since the warm-up and counts unreported keys at the floor', () => {
    const entries = [
      { name: 'keydown', startTime: 5, duration: 200, interactionId: 1 }, // warm-up, before 10
      { name: 'keydown', startTime: 10, duration: 40, interactionId: 2 },
      { name: 'keyup', startTime: 30, duration: 56, interactionId: 2 },
      { name: 'pointerdown', startTime: 40, duration: 300, interactionId: 3 }, // not a keystroke
      { name: 'input', startTime: 60, duration: 500, interactionId: 0 }, // no interaction of its own
      { name: 'keydown', startTime: 70, duration: 24, interactionId: 4 },
    ];
    expect(keystrokeLatenciesFromEventTiming(entries, 3, 10)).toEqual([56, 24, EVENT_TIMING_FLOOR_MS]);
    expect(keystrokeLatenciesFromEventTiming(entries, 2, 10)).toEqual([56, 24]);
    expect(keystrokeLatenciesFromEventTiming([], 2, 0)).toEqual([
      EVENT_TIMING_FLOOR_MS,
      EVENT_TIMING_FLOOR_MS,
    ]);
    expect(() => keystrokeLatenciesFromEventTiming(entries, 1, 10)).toThrow(/2 keyboard interactions/);
  });

  it('sizes responses raw and gzipped, each file compressed on its own', () => {
    const text = Buffer.from('const a = 1;\n'.repeat(1000));
    const size = transferSize([text, text]);
    expect(size.files).toBe(2);
    expect(size.rawBytes).toBe(text.length * 2);
    expect(size.gzipBytes).toBeGreaterThan(0);
    expect(size.gzipBytes).toBeLessThan(size.rawBytes / 10);
    expect(gunzipSync(gzipSync(text)).equals(text)).toBe(true);
  });

  it('puts each series beside its baseline as ratios', () => {
    const table = formatLatencyRows([
      {
        name: 'ours',
        latency: summarizeBrowserLatencies([10, 20]),
        baseline: summarizeBrowserLatencies([20, 40]),
      },
      { name: 'baseline', latency: summarizeBrowserLatencies([20, 40]) },
    ]);
    expect(table.split('\n')[2]).toMatch(/^ours\s+2\s+10\.0\s+20\.0\s+20\.0\s+20\.0\s+0\.50x\s+0\.50x$/);
    expect(table.split('\n')[3]).toMatch(/^baseline\s+2\s+20\.0\s+40\.0\s+40\.0\s+40\.0$/);
  });
});
