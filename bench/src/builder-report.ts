import { fixed, formatLatencyRows, formatVerdicts, type TargetVerdict } from './browser-report';
import type { BuilderMeasurements } from './builder.bench';

/** The builder issue's targets, checked against one run's measurements. */
export function checkBuilderTargets(m: BuilderMeasurements): TargetVerdict[] {
  const previewRatio = m.preview.p95Ms / m.rjsfRender.p95Ms;
  return [
    {
      name: 'property-edit keystroke p95',
      measured: `${fixed(m.propertyEdit.eventTiming.p95Ms, 0)} ms`,
      target: '< 50 ms',
      met: m.propertyEdit.eventTiming.p95Ms < 50,
    },
    {
      name: 'reorder p95',
      measured: `${fixed(m.reorder.eventTiming.p95Ms, 0)} ms`,
      target: '< 50 ms',
      met: m.reorder.eventTiming.p95Ms < 50,
    },
    {
      name: 'preview re-render p95 / plain rjsf render p95',
      measured: `${fixed(previewRatio, 2)}x`,
      target: '<= 1.0x',
      met: previewRatio <= 1,
    },
  ];
}

/** The measurements beside plain @rjsf/core's, then the target verdicts. */
export function formatBuilderReport(m: BuilderMeasurements): string {
  const table = formatLatencyRows([
    {
      name: 'property edit: keystroke (Event Timing)',
      latency: m.propertyEdit.eventTiming,
      baseline: m.rjsfEdit.eventTiming,
    },
    { name: '  baseline: plain @rjsf/core title edit', latency: m.rjsfEdit.eventTiming },
    {
      name: 'property edit: keydown → frame painted',
      latency: m.propertyEdit.frame,
      baseline: m.rjsfEdit.frame,
    },
    { name: '  baseline: plain @rjsf/core title edit', latency: m.rjsfEdit.frame },
    {
      name: 'reorder: Enter on move (Event Timing)',
      latency: m.reorder.eventTiming,
      baseline: m.rjsfReorder.eventTiming,
    },
    { name: '  baseline: plain @rjsf/core ui:order', latency: m.rjsfReorder.eventTiming },
    { name: 'reorder: keydown → frame painted', latency: m.reorder.frame, baseline: m.rjsfReorder.frame },
    { name: '  baseline: plain @rjsf/core ui:order', latency: m.rjsfReorder.frame },
    { name: 'preview: keystroke → new label painted', latency: m.preview, baseline: m.rjsfRender },
    { name: '  baseline: plain @rjsf/core re-render', latency: m.rjsfRender },
  ]);
  return `${table}\n\n${formatVerdicts(checkBuilderTargets(m))}`;
}
