import {
  fixed,
  formatLatencyRows,
  formatVerdicts,
  ratio,
  type TargetVerdict,
  type TransferSize,
} from './browser-report';
import { formatTable } from './format-table';
import type { WebMeasurements } from './web.bench';

/** The budget for the inbox's initial JavaScript, gzipped. */
export const INITIAL_JS_BUDGET_BYTES = 300 * 1024;

/** The web app issue's targets, checked against one run's measurements. */
export function checkWebTargets(m: WebMeasurements): TargetVerdict[] {
  const keystrokeRatio = m.keystroke.ours.p95Ms / m.keystroke.rjsf.p95Ms;
  return [
    {
      name: 'inbox initial JS (gzip)',
      measured: `${kilobytes(m.inbox.initialJs.gzipBytes)} kB`,
      target: `<= ${kilobytes(INITIAL_JS_BUDGET_BYTES)} kB`,
      met: m.inbox.initialJs.gzipBytes <= INITIAL_JS_BUDGET_BYTES,
    },
    {
      name: 'keystroke p95 / plain rjsf p95',
      measured: `${fixed(keystrokeRatio, 2)}x`,
      target: '<= 0.5x',
      met: keystrokeRatio <= 0.5,
    },
    {
      name: 'keystroke p95',
      measured: `${fixed(m.keystroke.ours.p95Ms, 0)} ms`,
      target: '< 50 ms',
      met: m.keystroke.ours.p95Ms < 50,
    },
    {
      name: 'live update p99 (recorded → visible)',
      measured: `${fixed(m.live.recordedToVisible.p99Ms, 0)} ms`,
      target: '< 1000 ms',
      met: m.live.recordedToVisible.p99Ms < 1000,
    },
  ];
}

const kilobytes = (bytes: number) => fixed(bytes / 1024, 1);

/** The measurements as tables beside their baselines, then the target verdicts. */
export function formatWebReport(m: WebMeasurements): string {
  const size = (name: string, js: TransferSize, baseline?: TransferSize) => [
    name,
    String(js.files),
    kilobytes(js.rawBytes),
    kilobytes(js.gzipBytes),
    baseline ? ratio(js.gzipBytes, baseline.gzipBytes) : '',
  ];
  const loads = formatTable(
    ['initial load', 'JS files', 'raw kB', 'gzip kB', 'gzip ratio', 'interactive p50 ms', 'ratio'],
    [
      [
        ...size('inbox (signed in, cold cache)', m.inbox.initialJs, m.emptyReact.initialJs),
        fixed(m.inbox.interactive.p50Ms, 0),
        ratio(m.inbox.interactive.p50Ms, m.emptyReact.interactive.p50Ms),
      ],
      [
        ...size('  baseline: empty Vite + React page', m.emptyReact.initialJs),
        fixed(m.emptyReact.interactive.p50Ms, 0),
        '',
      ],
    ],
  );
  const latencies = formatLatencyRows([
    {
      name: 'keystroke, 200 fields: FormRenderer (Event Timing)',
      latency: m.keystroke.ours,
      baseline: m.keystroke.rjsf,
    },
    { name: '  baseline: plain @rjsf/core (Event Timing)', latency: m.keystroke.rjsf },
    {
      name: 'keystroke: FormRenderer (keydown → frame painted)',
      latency: m.keystroke.oursFrame,
      baseline: m.keystroke.rjsfFrame,
    },
    { name: '  baseline: plain @rjsf/core (keydown → frame)', latency: m.keystroke.rjsfFrame },
    {
      name: 'live update: recorded → row painted in inbox',
      latency: m.live.recordedToVisible,
      baseline: m.live.recordedToMessage,
    },
    { name: '  baseline: recorded → stream message received', latency: m.live.recordedToMessage },
    { name: '  POST /api/cycles answered → row painted', latency: m.live.answeredToVisible },
  ]);
  return `${loads}\n\n${latencies}\n\n${formatVerdicts(checkWebTargets(m))}`;
}
