import { summarizeBrowserLatencies, transferSize } from './browser-report';
import type { WebMeasurements } from './web.bench';
import { checkWebTargets, formatWebReport, INITIAL_JS_BUDGET_BYTES } from './web-report';

const latency = (...samples: number[]) => summarizeBrowserLatencies(samples);
const js = (gzipBytes: number) => ({ files: 3, rawBytes: gzipBytes * 3, gzipBytes });

const measurements = (overrides: Partial<WebMeasurements> = {}): WebMeasurements => ({
  inbox: { interactive: latency(600), initialJs: js(200 * 1024) },
  emptyReact: { interactive: latency(150), initialJs: js(60 * 1024) },
  keystroke: {
    ours: latency(20, 30),
    rjsf: latency(100, 200),
    oursFrame: latency(22, 32),
    rjsfFrame: latency(110, 210),
  },
  live: {
    recordedToVisible: latency(150, 400),
    recordedToMessage: latency(40, 90),
    answeredToVisible: latency(160, 420),
  },
  ...overrides,
});

describe('web benchmark report', () => {
  it('checks the budget and every target', () => {
    expect(checkWebTargets(measurements()).map((v) => [v.name, v.measured, v.met])).toEqual([
      ['inbox initial JS (gzip)', '200.0 kB', true],
      ['keystroke p95 / plain rjsf p95', '0.15x', true],
      ['keystroke p95', '30 ms', true],
      ['live update p99 (recorded → visible)', '400 ms', true],
    ]);
  });

  it('misses when over the budget, slower than half of rjsf, or live updates take a second', () => {
    const missed = checkWebTargets(
      measurements({
        inbox: { interactive: latency(600), initialJs: js(INITIAL_JS_BUDGET_BYTES + 1) },
        keystroke: { ours: latency(60), rjsf: latency(100), oursFrame: latency(60), rjsfFrame: latency(100) },
        live: {
          recordedToVisible: latency(1000),
          recordedToMessage: latency(50),
          answeredToVisible: latency(900),
        },
      }),
    );
    expect(missed.map((v) => v.met)).toEqual([false, false, false, false]);
  });

  it('prints sizes and latencies beside their baselines', () => {
    const report = formatWebReport(measurements());
    expect(report).toMatch(/inbox \(signed in, cold cache\)\s+3\s+600\.0\s+200\.0\s+3\.33x\s+600\s+4\.00x/);
    expect(report).toContain('baseline: plain @rjsf/core (Event Timing)');
    expect(report).toContain('baseline: recorded → stream message received');
    expect(transferSize([]).gzipBytes).toBe(0);
  });
});
