import type { BurstBenchmarkResult } from './burst.bench';
import { formatBurstReport } from './burst-report';
import { rate } from './cycle-report';
import type { HistoryBenchmarkResult } from './history.bench';
import { formatHistoryReport } from './history-report';
import type { LoadBenchmarkResult } from './load.bench';
import { formatHeldPhases, formatLoadReport } from './load-report';
import type { MemoryBenchmarkResult } from './memory.bench';
import { formatMemoryReport } from './memory-report';

const latency = (p50Ms: number, p99Ms: number) => ({ count: 10, p50Ms, p99Ms, maxMs: p99Ms });
const common = {
  startedAt: '2026-11-26T00:00:00.000Z',
  scale: 1,
  machine: { cpus: 2, node: 'v20' },
  postgres: { server: 'embedded' as const, version: '18' },
};
const phase = {
  loadAverage: { start: 1, end: 1 },
  cores: { roundTrip: 0.5, floor: 0.2 },
  cpuMsPer: { completion: { api: 6, worker: 4, clients: 2 }, floorUpdate: { api: 0, worker: 3, clients: 1 } },
  atRest: { msPerSecond: { api: 1, worker: 20, clients: 4 }, cores: 0.025, waitedMs: 2000 },
  slowest: { roundTrips: [], floor: [] },
  timelines: [],
};
const lineOf = (report: string, start: string) => report.split('\n').find((line) => line.startsWith(start));

describe('the load, burst, memory and history reports', () => {
  it('judges completions/s against half the bare Updates/s and the round trip against twice the floor', () => {
    const result: LoadBenchmarkResult = {
      ...common,
      topologies: [
        {
          processes: 1,
          cycles: 10,
          clients: 4,
          completions: rate(60, 3000),
          bareUpdates: rate(100, 1000),
          floorUpdates: rate(40, 1000),
          cpuMsPer: {
            completion: { api: 6, worker: 4, clients: 2 },
            bareUpdate: { api: 0, worker: 2, clients: 1 },
            floorUpdate: { api: 0, worker: 3, clients: 1 },
          },
          steady: {
            ...phase,
            perSecond: 50,
            roundTrip: latency(10, 50),
            floor: latency(5, 20),
            missedTicks: 3,
          },
          held: {
            ...phase,
            cpuMsPer: {
              completion: { api: 9, worker: 4, clients: 2 },
              floorUpdate: { api: 0, worker: 6, clients: 1 },
            },
            perSecond: 10,
            roundTrip: latency(10, 30),
            floor: latency(5, 20),
            missedTicks: 0,
          },
        },
      ],
      scaleOut: 1.5,
      check: {
        duplicatedTasks: 0,
        streamGaps: 0,
        inboxMismatches: 0,
        liveUpdates: { stored: 3, received: 2, streamsPerApi: [1, 0] },
      },
      projectionStatements: {
        completions: 200,
        statements: 3000,
        transactions: 500,
        perCompletion: { statements: 15, transactions: 2.5 },
        daemonCpuMsPerCompletion: 1.25,
      },
    };
    const report = formatLoadReport(result);
    expect(lineOf(report, '1 API + 1 worker: completions/s')).toMatch(/0\.20x .* missed$/);
    // 50/s is past this run's 20 completions/s: reported, not judged; half the saturation rate is judged.
    expect(lineOf(report, '1 API + 1 worker: round trip p50/p99 at 50/s (3 ticks missed)')).toMatch(
      /2\.50x .* past saturation$/,
    );
    expect(lineOf(report, '1 API + 1 worker: round trip p50/p99 at 10/s')).toMatch(/1\.50x .* met$/);
    // One live update stored but never received is a failure of "nothing lost".
    expect(lineOf(report, 'done twice')).toMatch(/2 of 3 .* missed$/);
    // Where a completion's CPU goes, beside a bare Update's.
    expect(lineOf(report, '1 API + 1 worker: CPU ms per completion')).toMatch(
      /12\.0 +per bare Update 3\.0 +4\.00x$/,
    );
    expect(lineOf(report, '  worker')).toMatch(/4\.0 +2\.0 \/ 3\.0$/);
    // The floor (an Update recording one event) beside bare Updates, and completions beside the floor.
    expect(lineOf(report, '1 API + 1 worker: floor Updates/s')).toMatch(
      /40\.0 +bare Updates\/s 100\.0 +0\.40x/,
    );
    expect(lineOf(report, "1 API + 1 worker: completions/s against the floor's")).toMatch(/20\.0 .* 0\.50x/);
    expect(lineOf(report, "1 API + 1 worker: CPU ms per completion against the floor's")).toMatch(
      /12\.0 +per floor Update 4\.0 +3\.00x/,
    );
    expect(lineOf(report, 'projections: statements / transactions per completion')).toMatch(
      /15\.0 \/ 2\.5 +daemon JS 1\.3 ms/,
    );
    // Held at half the saturation rate: each process's CPU per completion beside its share at saturation.
    const held = formatHeldPhases(result);
    expect(lineOf(held, 'api ')).toMatch(/^api +6\.0 +9\.0 +1\.50x +0\.0 +0\.0 +1\.0$/);
    expect(lineOf(held, 'worker ')).toMatch(/^worker +4\.0 +4\.0 +1\.00x +3\.0 +6\.0 +20\.0$/);
    expect(lineOf(held, 'all ')).toMatch(/^all +12\.0 +15\.0 +1\.25x +4\.0 +7\.0 +25\.0$/);
    expect(held).toContain('held at 10/s after 2.0 s to come to rest');
  });

  it('judges each burst against 1.5 times the bare timers', () => {
    const result: BurstBenchmarkResult = {
      ...common,
      commitments: 10,
      cycles: 10,
      perCycle: 1,
      graceSeconds: 5,
      checkIns: { count: 10, allDoneMs: 1400, lateness: latency(500, 1400) },
      checkInsStored: { count: 10, allDoneMs: 1300, lateness: latency(450, 1300) },
      storedToInbox: latency(50, 100),
      escalations: { count: 10, allDoneMs: 1600, lateness: latency(500, 1600) },
      escalationsDecided: { count: 10, allDoneMs: 1200, lateness: latency(300, 1200) },
      decidedToStored: latency(200, 400),
      chainReads: {
        workflows: 10,
        readAhead: 10,
        completed: 9,
        timedOut: 1,
        scheduledAfterDeadline: 0,
        readAgainAtDeadline: 1,
        scheduleToStart: latency(100, 900),
        startToClose: latency(5, 20),
        wokeFromDeadline: latency(-1000, 300),
        deadlineFiredFromDeadline: latency(2, 10),
      },
      slowestEscalation: { workflowId: 'coaching-cycle-x', timeline: ['+2 ms TIMER_FIRED'] },
      bareTimers: { count: 10, allDoneMs: 1000, lateness: latency(400, 1000) },
      scheduler: {
        escalations: { byRole: { worker: { runMs: 1500, waitMs: 700 } }, runnableMax: 6, samplerLateMs: 0 },
        bareTimers: null,
      },
      loadAverages: [{ at: 'commitments due', loadAverage: 0.5 }],
    };
    const report = formatBurstReport(result);
    expect(lineOf(report, 'commitments due')).toMatch(/1\.40x .* met$/);
    expect(lineOf(report, 'grace over → escalation stored')).toMatch(/1\.60x .* missed$/);
    // Where the check-ins' and the escalations' time went is shown, not judged.
    expect(lineOf(report, 'of which: due')).toMatch(/1\.30x\s*$/);
    expect(lineOf(report, 'of which: grace over')).toMatch(/1\.20x\s*$/);
    expect(lineOf(report, 'check-in TaskOpened stored → inbox')).toContain('p99 0.10 s');
    expect(lineOf(report, 'EscalationRaised decided → stored')).toContain('p50 0.20 s');
    expect(lineOf(report, 'reads of the chain ahead')).toContain('9 completed, 1 timed out; 0 started');
    expect(lineOf(report, '  the deadline → the completion')).toContain('p50 -1.00 s');
    expect(lineOf(report, "  from the grace's last step")).toContain('worker 1500 / 700; at most 6');
    expect(lineOf(report, 'load average')).toContain('0.50 (commitments due)');
  });

  it('compares memory per 1,000 workflows and states what 10,000 cycles need', () => {
    const result: MemoryBenchmarkResult = {
      ...common,
      workflowCacheSize: 1100,
      cycles: { count: 1000, idleRssMiB: 200, loadedRssMiB: 500, perThousandMiB: 300 },
      bare: { count: 1000, idleRssMiB: 200, loadedRssMiB: 300, perThousandMiB: 100 },
    };
    expect(formatMemoryReport(result)).toContain('ratio 3.00x (target <= 2x: missed)');
    expect(formatMemoryReport(result)).toContain('about 3000 MiB');
  });

  it('judges query p99s against 50 ms and rebuilds against half the bare loop', () => {
    const result: HistoryBenchmarkResult = {
      ...common,
      reps: 10,
      managers: 1,
      cycles: 10,
      events: 100,
      append: rate(100, 1000),
      queries: {
        inboxOpen: latency(1, 49),
        inboxAll: latency(1, 51),
        cycleSummary: latency(1, 2),
        cycleTimeline: latency(1, 2),
      },
      rebuilds: [
        {
          projection: 'tasks',
          rebuild: rate(100, 1000),
          bare: rate(100, 400),
          cpuMsPerThousand: { rebuild: 40, bare: 60 },
        },
      ],
    };
    const report = formatHistoryReport(result);
    expect(lineOf(report, 'inbox page (open tasks)')).toMatch(/met$/);
    expect(lineOf(report, 'inbox page (every status)')).toMatch(/missed$/);
    expect(lineOf(report, 'full rebuild of tasks')).toMatch(/0\.40x .* missed$/);
    // By CPU the rebuild is the cheaper one: bare ÷ ours
    expect(lineOf(report, '  CPU ms per 1,000 events')).toMatch(/40 +bare 60 +1\.50x/);
  });
});
