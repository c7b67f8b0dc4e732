import type { AppendScenarioResult } from './append.bench';
import { APPEND_SIDES } from './append-target';
import { APPEND_TARGETS, checkAppendTargets } from './append-targets';
import { formatTable } from './format-table';

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
const ratio = (value: number) => `${fixed(value, 2)}x`;

/** The append results as one table (ratios on our rows) followed by the target verdicts. */
export function formatAppendReport(results: readonly AppendScenarioResult[]): string {
  const rows = results.flatMap(({ scenario, sides, ratios }) =>
    APPEND_SIDES.map((side) => {
      const run = sides[side];
      const ours = side === 'coachflow';
      return [
        String(scenario.writers),
        String(scenario.eventsPerAppend),
        side,
        String(run.appends),
        fixed(run.appendsPerSec, 0),
        fixed(run.eventsPerSec, 0),
        fixed(run.p50Ms, 2),
        fixed(run.p99Ms, 2),
        ours ? ratio(ratios.coachflowToRawPg) : '',
        ours ? ratio(ratios.coachflowToEmmett) : '',
      ];
    }),
  );
  const table = formatTable(
    [
      'writers',
      'events/append',
      'side',
      'appends',
      'appends/s',
      'events/s',
      'p50 ms',
      'p99 ms',
      'ours/raw',
      'ours/emmett',
    ],
    rows,
  );
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  const targets = checkAppendTargets(results).map(
    (check) =>
      `  ${check.writers} writers, ${check.eventsPerAppend} event(s)/append: ` +
      `ours/raw ${ratio(check.coachflowToRawPg)} (${verdict(check.meetsRawPg)}), ` +
      `ours/emmett ${ratio(check.coachflowToEmmett)} (${verdict(check.meetsEmmett)})`,
  );
  return [
    table,
    '',
    `Targets at ${APPEND_TARGETS.writers} writers (throughput): ours >= ${APPEND_TARGETS.minToRawPg}x raw pg, ours >= ${APPEND_TARGETS.minToEmmett}x Emmett`,
    ...targets,
  ].join('\n');
}
