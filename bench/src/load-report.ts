import { formatTable } from './format-table';
import type { LoadBenchmarkResult, LoadTopologyResult, SteadyPhase } from './load.bench';
import { formatSegments, summarizeSegments } from './round-trip-timeline';
import { formatSlowOperations } from './slow-round-trips';

const ms = (value: number) => value.toFixed(1);
const ratio = (value: number) => `${value.toFixed(2)}x`;
const verdict = (met: boolean) => (met ? 'met' : 'missed');
/** CPU ms of every process together. */
const total = (cpu: Record<string, number>) => Object.values(cpu).reduce((sum, value) => sum + value, 0);

/** The load bench's table: each figure beside its baseline from the same run, the ratio and the target. */
export function formatLoadReport(result: LoadBenchmarkResult): string {
  const rows: string[][] = [];
  for (const topology of result.topologies) {
    const who = `${topology.processes} API + ${topology.processes} worker`;
    const saturation = topology.completions.perSecond / topology.bareUpdates.perSecond;
    rows.push([
      `${who}: completions/s, ${topology.clients} clients`,
      topology.completions.perSecond.toFixed(1),
      `bare Updates/s ${topology.bareUpdates.perSecond.toFixed(1)}`,
      ratio(saturation),
      '>= 0.5x',
      verdict(saturation >= 0.5),
    ]);
    // What recording one event at all costs: the floor against bare, then completions against the floor.
    const floor = topology.floorUpdates.perSecond;
    rows.push([
      `${who}: floor Updates/s (each records one event)`,
      floor.toFixed(1),
      `bare Updates/s ${topology.bareUpdates.perSecond.toFixed(1)}`,
      ratio(floor / topology.bareUpdates.perSecond),
      '',
      '',
    ]);
    rows.push([
      `${who}: completions/s against the floor's`,
      topology.completions.perSecond.toFixed(1),
      `floor Updates/s ${floor.toFixed(1)}`,
      ratio(topology.completions.perSecond / floor),
      '',
      '',
    ]);
    // A rate past saturation queues both sides: reported, judged only at a rate the machine holds.
    for (const [steady, judged] of [
      [topology.steady, topology.steady.perSecond <= topology.completions.perSecond],
      [topology.held, true],
    ] as const) {
      const p99 = steady.roundTrip.p99Ms / steady.floor.p99Ms;
      rows.push([
        `${who}: round trip p50/p99 at ${steady.perSecond}/s${steady.missedTicks > 0 ? ` (${steady.missedTicks} ticks missed)` : ''}`,
        `${ms(steady.roundTrip.p50Ms)} / ${ms(steady.roundTrip.p99Ms)}`,
        `floor ${ms(steady.floor.p50Ms)} / ${ms(steady.floor.p99Ms)}`,
        ratio(p99),
        '<= 2x',
        judged ? verdict(p99 <= 2) : 'past saturation',
      ]);
    }
  }
  rows.push(['scale-out (completions/s, 2 of each / 1 of each)', ratio(result.scaleOut), '', '', '', '']);
  for (const topology of result.topologies) {
    const { completion, bareUpdate, floorUpdate } = topology.cpuMsPer;
    const who = `${topology.processes} API + ${topology.processes} worker`;
    rows.push([
      `${who}: CPU ms per completion`,
      ms(total(completion)),
      `per bare Update ${ms(total(bareUpdate))}`,
      ratio(total(completion) / total(bareUpdate)),
      '',
      '',
    ]);
    rows.push([
      `${who}: CPU ms per completion against the floor's`,
      ms(total(completion)),
      `per floor Update ${ms(total(floorUpdate))}`,
      ratio(total(completion) / total(floorUpdate)),
      '',
      '',
    ]);
    // Each process's share: a completion's, then a bare Update's and a floor Update's.
    for (const role of Object.keys(completion))
      rows.push([
        `  ${role}`,
        ms(completion[role] ?? 0),
        `${ms(bareUpdate[role] ?? 0)} / ${ms(floorUpdate[role] ?? 0)}`,
        '',
        '',
        '',
      ]);
  }
  const check = result.check;
  const live = check.liveUpdates;
  const sound =
    check.duplicatedTasks === 0 &&
    check.streamGaps === 0 &&
    check.inboxMismatches === 0 &&
    live.received === live.stored;
  rows.push([
    'done twice / gaps / inbox off / live updates received of stored',
    `${check.duplicatedTasks} / ${check.streamGaps} / ${check.inboxMismatches} / ${live.received} of ${live.stored}`,
    `streams per API ${live.streamsPerApi.join(', ')}`,
    '',
    '0 / 0 / 0 / all',
    verdict(sound),
  ]);
  const statements = result.projectionStatements;
  rows.push([
    `projections: statements / transactions per completion (replay, ${statements.completions} completions)`,
    `${statements.perCompletion.statements.toFixed(1)} / ${statements.perCompletion.transactions.toFixed(1)}`,
    `daemon JS ${ms(statements.daemonCpuMsPerCompletion)} ms`,
    '',
    '',
    '',
  ]);
  return formatTable(['measure', 'ours', 'baseline', 'ratio', 'target', ''], rows);
}

/**
 * Each topology's held phase in detail: the round trip segment by segment, the slowest 1% of each side
 * beside what every process did meanwhile, and the floor again at the round trips' CPU use.
 */
export function formatHeldPhases(result: LoadBenchmarkResult): string {
  return result.topologies
    .map((topology) => {
      const held = topology.held;
      const who = `${topology.processes} API + ${topology.processes} worker`;
      return [
        `${who}, held at ${held.perSecond}/s after ${(held.atRest.waitedMs / 1000).toFixed(1)} s to come to ` +
          `rest (load average ${held.loadAverage.start.toFixed(1)} → ` +
          `${held.loadAverage.end.toFixed(1)}; cores used: round trips ${held.cores.roundTrip.toFixed(2)}, ` +
          `floor ${held.cores.floor.toFixed(2)})`,
        formatCpuShares(topology),
        formatSegments(summarizeSegments(held.timelines)),
        formatSlowOperations('slowest round trips (ms)', held.slowest.roundTrips),
        formatSlowOperations('slowest floor Updates (ms)', held.slowest.floor),
        sameCpu(held),
      ].join('\n\n');
    })
    .join('\n\n');
}

/**
 * CPU ms per completion and per floor Update by process, at saturation and held at half its rate (which
 * process pays more for a completion when fewer come at once), and what each used idle just before.
 */
function formatCpuShares(topology: LoadTopologyResult): string {
  const saturation = topology.cpuMsPer;
  const held = topology.held.cpuMsPer;
  const roles = [...new Set([...Object.keys(saturation.completion), ...Object.keys(held.completion)])];
  const row = (role: string, pick: (cpu: Record<string, number>) => number) => {
    const [atSaturation, atHeld] = [pick(saturation.completion), pick(held.completion)];
    return [
      role,
      ms(atSaturation),
      ms(atHeld),
      ratio(atHeld / atSaturation),
      ms(pick(saturation.floorUpdate)),
      ms(pick(held.floorUpdate)),
      ms(pick(topology.held.atRest.msPerSecond)),
    ];
  };
  return formatTable(
    [
      'CPU ms by process',
      'per completion, saturation',
      `held ${topology.held.perSecond}/s`,
      'held ÷ saturation',
      'per floor Update, saturation',
      'held',
      'idle before, ms/s',
    ],
    [...roles.map((role) => row(role, (cpu) => cpu[role] ?? 0)), row('all', total)],
  );
}

function sameCpu(held: SteadyPhase): string {
  const control = held.floorAtSameCpu;
  if (!control) return '';
  return [
    `the floor at ${control.perSecond}/s (${control.cores.toFixed(2)} cores, the round trips used ` +
      `${held.cores.roundTrip.toFixed(2)}): p50 ${ms(control.latency.p50Ms)} / p99 ${ms(control.latency.p99Ms)} ms; ` +
      `round trip p99 ÷ this floor's p99 ${ratio(held.roundTrip.p99Ms / control.latency.p99Ms)}`,
    formatSlowOperations(`slowest floor Updates at ${control.perSecond}/s (ms)`, control.slowest),
  ].join('\n\n');
}
