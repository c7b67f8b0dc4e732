import { type CycleState, initialCycleState, needsReportingChain, nextDeadline } from '@coachflow/domain';
import {
  allHandlersFinished,
  CancellationScope,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { CoachingCycleActivities } from './activities';
import { ChainAhead, readsAheadAt } from './chain-ahead';
import type { CoachingCycleInput } from './coaching-cycle.input';
import { CommandQueue } from './command-queue';
import { completionRecord } from './completion-record';
import { registerCycleHandlers } from './cycle-handlers';
import { CycleRecorder } from './cycle-recorder';
import { DeadlineAlarm } from './deadline-alarm';
import { waitWithFreshTimer } from './pre-patch';
import { notRunning, toFailure } from './refusals';

export { REGISTRY_IN_RECORD_PATCH } from './cycle-recorder';

// Long or far-reaching work (starting the next cycle): an ordinary activity.
const activities = proxyActivities<CoachingCycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

// The reporting chain read ahead of a deadline, at the alarm's last step: an ordinary activity, so the task
// that starts the deadline's timer completes at once instead of after a local activity. Not retried: a chain
// not back in time is read at the deadline, as without a read ahead.
const chainAheadActivities = proxyActivities<Pick<CoachingCycleActivities, 'reportingChain'>>({
  scheduleToCloseTimeout: '5 seconds',
  retry: { maximumAttempts: 1 },
});

const DEFAULT_CONTINUE_AS_NEW_AFTER = 10_000;

/** Since this patch one timer waits for the next deadline until it moves (DeadlineAlarm). */
export const DEADLINE_ALARM_PATCH = 'deadline-alarm';
/** Since this patch deadlines already due are decided before a queued command (see `dueFirst`). */
export const DUE_FIRST_PATCH = 'due-first';
/** Since this patch the reporting chain of an escalating deadline is read before it comes (ChainAhead). */
export const CHAIN_AHEAD_PATCH = 'chain-ahead';
/** Since this patch neither the wait for that read nor the wait after it is shorter than a timer keeps. */
export const CHAIN_AHEAD_LONG_TIMERS_PATCH = 'chain-ahead-long-timers';
/**
 * Since this patch a far deadline's last timer starts from a wake-up of its own, where the chain is read by
 * an ordinary activity (DeadlineAlarm's lastStep).
 */
export const DEADLINE_LAST_STEP_PATCH = 'deadline-last-step';

/** Since this patch the Tick after a command adds no promise when it decides nothing (tickIfDecides). */
export const QUIET_TICK_PATCH = 'quiet-tick';
/**
 * Since this patch a last step that wakes less than LAST_STEP_READ_MIN_LEAD_MS before its deadline starts no
 * read ahead: in a burst of deadlines most last steps wake that late, and their reads came back after the
 * deadline had read the chain itself, each an activity task and a workflow task more in the burst's queue.
 */
export const CHAIN_AHEAD_ON_TIME_PATCH = 'chain-ahead-on-time';

/** What a run hands the next one at continue-as-new. */
interface CycleResume {
  state: CycleState;
  lastTickAt: string | null;
}

const now = () => new Date().toISOString();

/**
 * One coaching cycle, as orchestration: updates and timers become commands, which the recorder decides
 * with the domain's decider and records (CycleRecorder); the loop waits for the next command or deadline,
 * decides a Tick after each, and continues as new before the history grows large. The awaits below are
 * placed as recorded histories expect them: moving one into a helper reorders commands on replay.
 */
export async function coachingCycle(input: CoachingCycleInput): Promise<void> {
  const resume = input.resume as CycleResume | undefined;
  let lastTickAt: string | null = resume?.lastTickAt ?? null;
  const queue = new CommandQueue();
  // Since this patch, deadlines already due are decided before a queued command, and a completion of a task
  // not open yet is accepted while one is due: the tick may open it (a worker that died mid workflow task
  // may have stored its TaskOpened, and Temporal hands the workflow the update before the timer).
  const dueFirst = patched(DUE_FIRST_PATCH);
  // Since this patch, the reporting chain a deadline's escalation needs is read shortly before it.
  const chainAheadOn = patched(CHAIN_AHEAD_PATCH);
  // Since this patch the read comes early enough that the deadline's own timer after it is over a second:
  // the server fires a shorter one about a second after it started (ChainAhead's MIN_TIMER_MS).
  const chainAhead = new ChainAhead(chainAheadOn && patched(CHAIN_AHEAD_LONG_TIMERS_PATCH));
  // Since this patch the deadline's timer is started from a wake-up LAST_STEP_MS before it, which also
  // starts the chain's read ahead (instead of a wake-up of the read's own).
  const lastStep = patched(DEADLINE_LAST_STEP_PATCH);
  // Since this patch the Tick after a command that decides nothing takes no async step (CycleRecorder).
  const quietTick = patched(QUIET_TICK_PATCH);
  // Since this patch a last step that wakes late (a burst, a busy machine) leaves the read to the deadline.
  const readAheadOnTime = patched(CHAIN_AHEAD_ON_TIME_PATCH);
  const recorder = new CycleRecorder(input.cycleId, resume?.state ?? initialCycleState(), chainAhead);
  const deadlineDue = () => {
    const deadline = nextDeadline(recorder.state, lastTickAt);
    return deadline !== null && Date.parse(deadline) <= Date.now();
  };
  const tick = async (): Promise<void> => {
    const tickAt = now();
    await recorder.execute({ type: 'Tick', data: { now: tickAt } });
    lastTickAt = tickAt;
  };

  // Handlers first: an update or query may be waiting in the very first workflow task.
  registerCycleHandlers({
    recorder,
    queue,
    startingManagerId: input.managerId,
    mayOpenByDueTick: () => dueFirst && deadlineDue(),
  });

  if (recorder.state.status === 'not-started') await recorder.execute(startCommand(input));

  const readChainAhead = (deadline: string) => {
    if (!needsReportingChain({ type: 'Tick', data: { now: deadline } }, recorder.state, deadline)) return;
    if (readAheadOnTime && !readsAheadAt(deadline, now())) return;
    const hold = chainAhead.reading(deadline);
    // Not in the alarm's scope: a deadline that moves meanwhile need not cancel a read this short.
    void CancellationScope.nonCancellable(() =>
      chainAheadActivities.reportingChain({
        organisationId: recorder.state.organisationId,
        repId: recorder.state.repId,
      }),
    ).then(
      (chain) => hold(now(), chain),
      () => undefined, // Not read ahead: the deadline's Tick reads it.
    );
  };
  const alarm = new DeadlineAlarm({ lastStep, onLastStep: readChainAhead });
  while (recorder.state.status === 'running') {
    if (queue.empty) {
      const deadline = nextDeadline(recorder.state, lastTickAt);
      if (patched(DEADLINE_ALARM_PATCH)) {
        const readChainAt =
          chainAheadOn && !lastStep
            ? chainAhead.readAt(deadline, now(), (at) =>
                needsReportingChain({ type: 'Tick', data: { now: at } }, recorder.state, at),
              )
            : null;
        alarm.set(readChainAt ?? deadline);
        await condition(() => !queue.empty || alarm.rang);
        if (readChainAt && deadline && queue.empty) {
          chainAhead.hold(deadline, now(), await recorder.readChain());
          continue;
        }
      } else {
        const waiting = waitWithFreshTimer(deadline, () => !queue.empty);
        if (waiting) await waiting;
      }
    }
    const item = queue.take();
    if (item) {
      try {
        if (dueFirst && deadlineDue()) await tick();
        const recorded = await recorder.execute(item.command);
        const { command } = item;
        item.settle(
          null,
          command.type === 'CompleteTask' ? completionRecord(command.data, recorded) : undefined,
        );
      } catch (error) {
        item.settle(toFailure(error));
      } finally {
        queue.done();
      }
    }
    // After every command too: a completion can make a deadline due at once (the plan's end, say). Inline, not
    // through tick(): one more async step here would reorder commands against recorded histories.
    const tickAt = now();
    if (quietTick) {
      const recording = recorder.tickIfDecides(tickAt);
      if (recording) await recording;
    } else await recorder.execute({ type: 'Tick', data: { now: tickAt } });
    lastTickAt = tickAt;

    if (recorder.state.status === 'running' && queue.empty && historyTooLong(input)) {
      await condition(() => allHandlersFinished() || !queue.empty);
      if (queue.empty)
        await continueAsNew<typeof coachingCycle>({
          ...input,
          resume: { state: recorder.state, lastTickAt } satisfies CycleResume,
        });
    }
  }

  // The cycle ended: no deadline of it can come any more, and commands not decided are refused now.
  alarm.set(null);
  queue.refuseAll(notRunning());
  if (recorder.state.renewalDue) await renew(recorder);
  await condition(allHandlersFinished);
}

/** The first command of a new cycle: everything it needs is pinned in the input. */
function startCommand(input: CoachingCycleInput) {
  return {
    type: 'StartCycle' as const,
    data: {
      cycleId: input.cycleId,
      organisationId: input.organisationId,
      repId: input.repId,
      managerId: input.managerId,
      configuration: input.configuration,
      ...(input.previousCycleId ? { previousCycleId: input.previousCycleId } : {}),
    },
  };
}

/**
 * autoRenew: tries to start the next cycle first, then records what happened, so CycleRenewed always names
 * a cycle that runs. The completion's update has already resolved; the registry row is already freed.
 */
async function renew(recorder: CycleRecorder): Promise<void> {
  const { state } = recorder;
  if (!state.configuration) return;
  const nextCycleId = uuid4();
  const outcome = await activities.renewCycle({
    previousCycleId: state.cycleId,
    nextCycleId,
    organisationId: state.organisationId,
    repId: state.repId,
    managerId: state.managerId,
    playbookId: state.configuration.playbook.id,
  });
  await recorder.execute({
    type: 'RecordRenewal',
    data: { nextCycleId, started: outcome.started, ...(outcome.reason ? { reason: outcome.reason } : {}) },
  });
}

function historyTooLong(input: CoachingCycleInput): boolean {
  const info = workflowInfo();
  return (
    info.continueAsNewSuggested ||
    info.historyLength > (input.continueAsNewAfter ?? DEFAULT_CONTINUE_AS_NEW_AFTER)
  );
}
