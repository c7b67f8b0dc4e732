import type { temporal } from '@temporalio/proto';
import { DEADLINE_KINDS, type DeadlineKind } from './deadline-shapes-report';
import { eventMs, type TimerPath, typeOf } from './deadline-timer-path';
import { formatTable } from './format-table';
import type { SchedulerSampler, SchedulerStretch } from './scheduler-sampler';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** A workflow task of some workflow, from its start to its completion, and whether it ran a local activity. */
interface TaskSpan {
  workflowId: string;
  fromMs: number;
  toMs: number;
  localActivity: boolean;
}

/** What else was going on while one part of a timer's path (its start, or its dispatch) took its time. */
export interface PartContext {
  ms: number;
  /** Other workflows' tasks in flight meanwhile (these runs' histories), and how many ran a local activity. */
  otherTasks: number;
  otherTasksWithLocalActivity: number;
  scheduler: SchedulerStretch | null;
}

export interface SlowTimerRow {
  kind: DeadlineKind;
  of: 'ours' | 'bare';
  workflowId: string;
  totalMs: number;
  start: PartContext;
  fireDelayMs: number;
  dispatch: PartContext;
}

export interface TimedPath {
  kind: DeadlineKind;
  of: 'ours' | 'bare';
  workflowId: string;
  path: TimerPath;
}

/**
 * The `perKind` slowest timer paths of each kind, ours and bare (start + fire + dispatch), each part beside
 * what else ran meanwhile: other workflows' tasks (from `histories`, every workflow of the shapes part) and
 * each process's time on a core and waiting for one (the sampler).
 */
export function slowestTimers(
  paths: readonly TimedPath[],
  histories: ReadonlyMap<string, readonly HistoryEvent[]>,
  sampler: SchedulerSampler,
  perKind = 3,
): SlowTimerRow[] {
  const spans = [...histories].flatMap(([workflowId, events]) => taskSpans(workflowId, events));
  const context = (workflowId: string, fromMs: number, toMs: number): PartContext => {
    const others = spans.filter(
      (span) => span.workflowId !== workflowId && span.fromMs < toMs && span.toMs > fromMs,
    );
    return {
      ms: toMs - fromMs,
      otherTasks: others.length,
      otherTasksWithLocalActivity: others.filter((span) => span.localActivity).length,
      scheduler: sampler.between(fromMs, toMs),
    };
  };
  const total = ({ path }: TimedPath) => path.startDelayMs + path.fireDelayMs + path.dispatchMs;
  // Decisions woken by the same timer (two check-ins of one cycle, deadlines decided together) count once.
  const timer = ({ workflowId, path }: TimedPath) => `${workflowId} ${path.at.timerStarted}`;
  const once = (timed: TimedPath, i: number, all: TimedPath[]) =>
    all.findIndex((other) => timer(other) === timer(timed)) === i;
  return DEADLINE_KINDS.flatMap((kind) =>
    (['ours', 'bare'] as const).flatMap((of) =>
      paths
        .filter((timed) => timed.kind === kind && timed.of === of)
        .filter(once)
        .sort((a, b) => total(b) - total(a))
        .slice(0, perKind)
        .map((timed) => ({
          kind,
          of,
          workflowId: timed.workflowId,
          totalMs: total(timed),
          start: context(timed.workflowId, timed.path.at.aimingTaskStarted, timed.path.at.timerStarted),
          fireDelayMs: timed.path.fireDelayMs,
          dispatch: context(timed.workflowId, timed.path.at.timerFired, timed.path.at.decidingTaskStarted),
        })),
    ),
  );
}

/** Each workflow task's span in one history: started → completed (or failed, timed out). */
function taskSpans(workflowId: string, events: readonly HistoryEvent[]): TaskSpan[] {
  const spans: TaskSpan[] = [];
  let open: { fromMs: number; index: number } | null = null;
  for (const [index, event] of events.entries()) {
    const type = typeOf(event);
    if (type === 'EVENT_TYPE_WORKFLOW_TASK_STARTED') open = { fromMs: eventMs(event), index };
    else if (open && /^EVENT_TYPE_WORKFLOW_TASK_(COMPLETED|FAILED|TIMED_OUT)$/.test(type)) {
      // A local activity's marker is among the commands recorded after the completion of the task that ran it.
      const next = events.findIndex(
        (later, i) => i > index && /^EVENT_TYPE_WORKFLOW_TASK_/.test(typeOf(later)),
      );
      const commands = events.slice(index + 1, next < 0 ? undefined : next);
      spans.push({
        workflowId,
        fromMs: open.fromMs,
        toMs: eventMs(event),
        localActivity: commands.some((command) => typeOf(command) === 'EVENT_TYPE_MARKER_RECORDED'),
      });
      open = null;
    }
  }
  return spans;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '-');

/** "run / wait" of a role's threads over a part, or "-" without samples. */
const role = (part: PartContext, name: string) => {
  const times = part.scheduler?.byRole[name];
  return times ? `${ms(times.runMs)} / ${ms(times.waitMs)}` : '-';
};

export function formatSlowTimers(rows: readonly SlowTimerRow[]): string {
  const part = (label: string, context: PartContext) => [
    `${label} ${ms(context.ms)}`,
    `${context.otherTasks} (${context.otherTasksWithLocalActivity} LA)`,
    role(context, 'worker'),
    role(context, 'temporal'),
    role(context, 'api'),
    ms(context.scheduler?.runnableMax ?? Number.NaN),
  ];
  return formatTable(
    [
      'slowest timers (ms)',
      'of',
      'total',
      'part',
      'other tasks',
      'worker run / wait',
      'dev server run / wait',
      'api run / wait',
      'runnable max',
    ],
    rows.flatMap((row) => [
      [row.kind, row.of, ms(row.totalMs), ...part('start', row.start)],
      ['', '', `fire ${ms(row.fireDelayMs)}`, ...part('dispatch', row.dispatch)],
    ]),
  );
}
