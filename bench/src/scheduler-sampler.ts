import { readdirSync, readFileSync } from 'node:fs';
import type { RolePids } from './process-cpu';

/**
 * What a process's threads did over a stretch of time, from the kernel's scheduler statistics
 * (/proc/<pid>/task/<tid>/schedstat): `runMs` on a core, `waitMs` runnable but waiting for one (summed
 * over the threads, so either can exceed the stretch when several threads ran or waited at once).
 */
export interface SchedulerTimes {
  runMs: number;
  waitMs: number;
}

export interface SchedulerStretch {
  byRole: Record<string, SchedulerTimes>;
  /** The most threads runnable on the whole machine at one sample (/proc/loadavg), this sampler's included. */
  runnableMax: number;
  /**
   * The longest the sampler's own timer came late (ms past its interval): how long the process running it
   * (the bench, with its simulated people) went without its event loop turning.
   */
  samplerLateMs: number;
}

interface Sample {
  atMs: number;
  /** Each role's threads' times so far, by "pid/tid". */
  byRole: Record<string, Map<string, SchedulerTimes>>;
  runnable: number;
}

export interface SchedulerSampler {
  /** What each role's threads did from `fromMs` to `toMs` (epoch ms, widened to the samples around them). */
  between(fromMs: number, toMs: number): SchedulerStretch | null;
  stop(): void;
}

/**
 * Samples the scheduler statistics of each role's processes every `everyMs` while it runs (Linux; without
 * /proc it samples nothing and `between` answers null). Whether a late workflow task's process was running
 * its own work, waiting for a core, or idle (waiting on another process) is read from two samples.
 */
export function sampleScheduler(roles: RolePids, everyMs = 10): SchedulerSampler {
  const samples: Sample[] = [];
  const take = () => {
    const byRole: Record<string, Map<string, SchedulerTimes>> = {};
    for (const [role, pids] of Object.entries(roles)) byRole[role] = new Map(pids.flatMap(threadTimes));
    samples.push({ atMs: Date.now(), byRole, runnable: runnableNow() });
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    between(fromMs, toMs) {
      const first = samples.findLastIndex((sample) => sample.atMs <= fromMs);
      const last = samples.findIndex((sample) => sample.atMs >= toMs);
      if (first < 0 || last < 0) return null;
      const from = samples[first] as Sample;
      const to = samples[last] as Sample;
      const byRole: Record<string, SchedulerTimes> = {};
      // A thread that ended meanwhile (a Postgres backend whose connection closed) is left out; one that
      // started meanwhile counts from zero.
      for (const [role, threads] of Object.entries(to.byRole)) {
        const before = from.byRole[role];
        byRole[role] = sumOf(
          [...threads].map(([thread, times]) => {
            const was = before?.get(thread) ?? { runMs: 0, waitMs: 0 };
            return { runMs: times.runMs - was.runMs, waitMs: times.waitMs - was.waitMs };
          }),
        );
      }
      const stretch = samples.slice(first, last + 1);
      const runnableMax = Math.max(...stretch.map((sample) => sample.runnable));
      const gaps = stretch.slice(1).map((sample, i) => sample.atMs - (stretch[i] as Sample).atMs);
      return { byRole, runnableMax, samplerLateMs: Math.max(0, ...gaps.map((gap) => gap - everyMs)) };
    },
    stop: () => clearInterval(timer),
  };
}

const sumOf = (all: SchedulerTimes[]): SchedulerTimes =>
  all.reduce((sum, times) => ({ runMs: sum.runMs + times.runMs, waitMs: sum.waitMs + times.waitMs }), {
    runMs: 0,
    waitMs: 0,
  });

/** Each of one process's threads' time on a core and waiting for one, so far (ms), by "pid/tid". */
function threadTimes(pid: number): [string, SchedulerTimes][] {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tids.flatMap((tid): [string, SchedulerTimes][] => {
    try {
      // "<ns on a core> <ns runnable, waiting> <timeslices>"
      const [run, wait] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ');
      return [[`${pid}/${tid}`, { runMs: Number(run) / 1e6, waitMs: Number(wait) / 1e6 }]];
    } catch {
      return []; // The thread ended while the list was read.
    }
  });
}

/** Threads runnable on the machine right now: the fourth field of /proc/loadavg is "runnable/total". */
function runnableNow(): number {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[3]?.split('/')[0]);
  } catch {
    return Number.NaN;
  }
}
