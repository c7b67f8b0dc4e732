import { summarizeBrowserLatencies } from './browser-report';
import type { BuilderMeasurements } from './builder.bench';
import { checkBuilderTargets, formatBuilderReport } from './builder-report';

const latency = (...samples: number[]) => summarizeBrowserLatencies(samples);
const keys = (...samples: number[]) => ({ eventTiming: latency(...samples), frame: latency(...samples) });

const measurements = (overrides: Partial<BuilderMeasurements> = {}): BuilderMeasurements => ({
  propertyEdit: keys(20, 40),
  reorder: keys(16, 30),
  preview: latency(20, 45),
  rjsfEdit: keys(30, 60),
  rjsfReorder: keys(30, 60),
  rjsfRender: latency(30, 60),
  ...overrides,
});

describe('builder benchmark report', () => {
  it('checks the two latency targets and the preview against plain rjsf', () => {
    expect(checkBuilderTargets(measurements()).map((v) => [v.name, v.measured, v.met])).toEqual([
      ['property-edit keystroke p95', '40 ms', true],
      ['reorder p95', '30 ms', true],
      ['preview re-render p95 / plain rjsf render p95', '0.75x', true],
    ]);
    const slow = checkBuilderTargets(
      measurements({
        propertyEdit: keys(50),
        reorder: keys(80),
        preview: latency(61),
        rjsfRender: latency(60),
      }),
    );
    expect(slow.map((v) => v.met)).toEqual([false, false, false]);
  });

  it('prints every figure beside its plain rjsf baseline', () => {
    const report = formatBuilderReport(measurements());
    expect(report).toMatch(
      /preview: keystroke → new label painted\s+2\s+20\.0\s+45\.0\s+45\.0\s+45\.0\s+0\.67x\s+0\.75x/,
    );
    expect(report).toContain('baseline: plain @rjsf/core ui:order');
    expect(report).toContain('preview re-render p95 / plain rjsf render p95');
  });
});
