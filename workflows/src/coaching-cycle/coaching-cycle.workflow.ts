import {
  completeTaskRejection,
  type CycleCommand,
  CycleRuleCode,
  CycleRuleError,
  type CycleState,
  cycleStreamId,
  decideCycle,
  evolveCycle,
  initialCycleState,
  needsReportingChain,
  nextDeadline,
} from '@coachflow/domain';
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  type CoachingCycleActivities,
  CYCLE_LOCAL_ACTIVITY_OPTIONS,
  type MarkCycleInput,
} from './activities';
import { ChainAhead } from './chain-ahead';
import type { CoachingCycleInput } from './coaching-cycle.input';
import { DeadlineAlarm } from './deadline-alarm';
import {
  cancelCycleUpdate,
  changeManagerUpdate,
  type CoachingCycleState,
  completeTaskUpdate,
  cycleStateQuery,
  reassignTasksUpdate,
  UPDATE_REJECTIONS,
} from './messages';
import {
  CoachingPhaseAttribute,
  CycleStatusAttribute,
  ManagerIdAttribute,
  RepIdAttribute,
} from './search-attributes';

// Long or far-reaching work (starting the next cycle): an ordinary activity.
const activities = proxyActivities<CoachingCycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

const local = proxyLocalActivities<CoachingCycleActivities>(CYCLE_LOCAL_ACTIVITY_OPTIONS);

const DEFAULT_CONTINUE_AS_NEW_AFTER = 10_000;

/** Since this patch the registry row is written by `recordCycleEvents`, with the events it follows. */
export const REGISTRY_IN_RECORD_PATCH = 'registry-in-record';
/** Since this patch one timer waits for the next deadline until it moves (DeadlineAlarm). */
export const DEADLINE_ALARM_PATCH = 'deadline-alarm';
/** Since this patch deadlines already due are decided before a queued command (see `dueFirst`). */
export const DUE_FIRST_PATCH = 'due-first';
/** Since this patch the reporting chain of an escalating deadline is read before it comes (ChainAhead). */
export const CHAIN_AHEAD_PATCH = 'chain-ahead';
/** Since this patch neither the wait for that read nor the wait after it is shorter than a timer keeps. */
export const CHAIN_AHEAD_LONG_TIMERS_PATCH = 'chain-ahead-long-timers';

/** What a run hands the next one at continue-as-new. */
interface CycleResume {
  state: CycleState;
  lastTickAt: string | null;
}

interface Queued {
  command: CycleCommand;
  settle: (error?: unknown) => void;
}

/**
 * One coaching cycle. The rules live in the domain's decider; this function only orchestrates: it turns
 * updates and timers into commands, folds what the decider decides into its state and records it (one local
 * activity per decision, event ids from stream positions, so retries write nothing twice), keeps search attributes
 * and the cycle registry in step, and continues as new before its history grows large.
 */
export async function coachingCycle(input: CoachingCycleInput): Promise<void> {
  const resume = input.resume as CycleResume | undefined;
  // The state with every decided event folded in, recorded or not: validators and the decider read this.
  let state: CycleState = resume?.state ?? initialCycleState();
  // Events in the stream for sure (a run resumes with everything recorded): the next append's expectedVersion.
  let recordedVersion = state.version;
  let lastTickAt: string | null = resume?.lastTickAt ?? null;
  const queue: Queued[] = [];
  let inFlight: CycleCommand | null = null;
  const now = () => new Date().toISOString();

  // Since this patch, deadlines already due are decided before a queued command, and a completion of a task
  // not open yet is accepted while one is due: the tick may open it. A worker that died before its workflow
  // task completed may have stored that TaskOpened already; the timer then fires again together with the
  // update, and Temporal hands the workflow the update first.
  const dueFirst = patched(DUE_FIRST_PATCH);
  // Since this patch, the reporting chain a deadline's escalation needs is read shortly before the deadline,
  // so the escalation is decided and recorded the moment it comes instead of after a read of Postgres.
  const chainAheadOn = patched(CHAIN_AHEAD_PATCH);
  // Since this patch the read comes early enough that the deadline's own timer after it is over a second:
  // the server fires a shorter one about a second after it started (ChainAhead's MIN_TIMER_MS).
  const chainAhead = new ChainAhead(chainAheadOn && patched(CHAIN_AHEAD_LONG_TIMERS_PATCH));
  // Returns the activity's promise itself: no extra async step, so command order matches recorded histories.
  const readChain = () => local.reportingChain({ organisationId: state.organisationId, repId: state.repId });
  const deadlineDue = () => {
    const deadline = nextDeadline(state, lastTickAt);
    return deadline !== null && Date.parse(deadline) <= Date.now();
  };

  // Handlers first: an update or query may be waiting in the very first workflow task.
  setHandler(cycleStateQuery, (): CoachingCycleState => ({
    phase: state.phase,
    status: state.status === 'not-started' ? 'running' : state.status,
    openTaskIds: Object.keys(state.tasks),
    managerId: state.managerId || input.managerId,
    version: recordedVersion,
  }));

  const submit = (command: CycleCommand) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ command, settle: (error) => (error ? reject(error) : resolve()) });
    });
  const pending = (): CycleCommand[] => [
    ...(inFlight ? [inFlight] : []),
    ...queue.map((item) => item.command),
  ];
  // Takes (and ignores) the update's argument so it fits every update's validator signature.
  const assertRunning = (_request?: unknown) => {
    const ending = pending().some((command) => command.type === 'CancelCycle');
    if (state.status === 'completed' || state.status === 'cancelled' || ending)
      throw toFailure(new CycleRuleError(CycleRuleCode.NotRunning, 'The cycle is not running.'));
  };

  setHandler(completeTaskUpdate, (request) => submit({ type: 'CompleteTask', data: request }), {
    validator: (request) => {
      assertRunning(request);
      const rejection = completeTaskRejection(state, request, now());
      const openedByDueTick = dueFirst && rejection?.code === CycleRuleCode.TaskNotOpen && deadlineDue();
      if (rejection && !openedByDueTick) throw toFailure(rejection);
      // A completion of the same task already accepted but not yet recorded: this one is the second.
      if (
        pending().some((command) => command.type === 'CompleteTask' && command.data.taskId === request.taskId)
      )
        throw toFailure(new CycleRuleError(CycleRuleCode.TaskNotOpen, 'The task is not open.'));
    },
  });
  setHandler(cancelCycleUpdate, (request) => submit({ type: 'CancelCycle', data: request }), {
    validator: assertRunning,
  });
  setHandler(changeManagerUpdate, (request) => submit({ type: 'ChangeManager', data: request }), {
    validator: assertRunning,
  });
  setHandler(reassignTasksUpdate, (request) => submit({ type: 'ReassignTasks', data: request }), {
    validator: assertRunning,
  });

  /**
   * Decides one command, folds its events in, records them and publishes what changed; resolves only once
   * they are recorded. Commands run one at a time, so each is decided against everything decided before.
   */
  const execute = async (command: CycleCommand): Promise<void> => {
    const decisionTime = command.type === 'Tick' ? command.data.now : now();
    let decided = command;
    if (command.type === 'ChangeManager' || command.type === 'ReassignTasks') chainAhead.forget();
    if (needsReportingChain(command, state, decisionTime)) {
      const chain = (command.type === 'Tick' ? chainAhead.take(decisionTime) : null) ?? (await readChain());
      decided = { ...command, data: { ...command.data, chain } } as CycleCommand;
    }
    const events = decideCycle(decided, state, {
      now: command.type === 'Tick' ? decisionTime : now(),
      newId: uuid4,
    });
    if (events.length === 0) return;
    const before = state;
    // Folded at once, not after the record returns: the events are deterministic and the record retries
    // until it succeeds, and the record's result comes in a later activation, after any update delivered
    // with it. An update for a task whose TaskOpened is already in the store (and the inbox) must find the
    // task open here.
    state = events.reduce(evolveCycle, state);
    const change = registryChange(before, state);
    // Runs recorded before the patch update the registry row in a local activity of its own (markCycle).
    const registry = change && patched(REGISTRY_IN_RECORD_PATCH) ? change : undefined;
    try {
      await local.recordCycleEvents({
        streamId: cycleStreamId(input.cycleId),
        events,
        expectedVersion: recordedVersion,
        ...(registry ? { registry } : {}),
      });
    } catch (error) {
      // Not recorded (a non-retryable failure): unfold. Commands accepted meanwhile are decided against
      // this state and refused if they no longer fit it.
      state = before;
      throw error;
    }
    recordedVersion += events.length;
    if (change) {
      upsertSearchAttributes(searchAttributes(state.repId, change));
      if (!registry) await local.markCycle(change);
    }
  };

  /** Decides every deadline up to now, before a queued command (patch due-first). */
  const tickBeforeCommand = async (): Promise<void> => {
    const tickAt = now();
    await execute({ type: 'Tick', data: { now: tickAt } });
    lastTickAt = tickAt;
  };

  if (state.status === 'not-started')
    await execute({
      type: 'StartCycle',
      data: {
        cycleId: input.cycleId,
        organisationId: input.organisationId,
        repId: input.repId,
        managerId: input.managerId,
        configuration: input.configuration,
        ...(input.previousCycleId ? { previousCycleId: input.previousCycleId } : {}),
      },
    });

  const alarm = new DeadlineAlarm();
  while (state.status === 'running') {
    if (queue.length === 0) {
      const deadline = nextDeadline(state, lastTickAt);
      if (patched(DEADLINE_ALARM_PATCH)) {
        const readChainAt = chainAheadOn
          ? chainAhead.readAt(deadline, now(), (at) =>
              needsReportingChain({ type: 'Tick', data: { now: at } }, state, at),
            )
          : null;
        alarm.set(readChainAt ?? deadline);
        await condition(() => queue.length > 0 || alarm.rang);
        if (readChainAt && deadline && queue.length === 0) {
          chainAhead.hold(deadline, now(), await readChain());
          continue;
        }
      } else {
        // Runs recorded before the patch: a fresh timer every time the workflow waits.
        const wait = deadline === null ? null : Math.ceil(Date.parse(deadline) - Date.now());
        if (wait === null) await condition(() => queue.length > 0);
        else if (wait > 0) await condition(() => queue.length > 0, wait);
      }
    }
    const item = queue.shift();
    if (item) {
      inFlight = item.command;
      try {
        if (dueFirst && deadlineDue()) await tickBeforeCommand();
        await execute(item.command);
        item.settle();
      } catch (error) {
        item.settle(toFailure(error));
      } finally {
        inFlight = null;
      }
    }
    // After every command too: a completion can make a deadline due at once (the plan's end, say). Inline, not
    // through tickBeforeCommand(): one more async step here would reorder commands against recorded histories.
    const tickAt = now();
    await execute({ type: 'Tick', data: { now: tickAt } });
    lastTickAt = tickAt;

    if (state.status === 'running' && queue.length === 0 && historyTooLong(input)) {
      await condition(() => allHandlersFinished() || queue.length > 0);
      if (queue.length === 0)
        await continueAsNew<typeof coachingCycle>({
          ...input,
          resume: { state, lastTickAt } satisfies CycleResume,
        });
    }
  }

  // The cycle ended: no deadline of it can come any more.
  alarm.set(null);
  // Commands accepted but not decided before the cycle ended are refused now, not left hanging.
  for (const item of queue.splice(0))
    item.settle(toFailure(new CycleRuleError(CycleRuleCode.NotRunning, 'The cycle is not running.')));

  // autoRenew: try to start the next cycle first, then record what happened, so CycleRenewed always names
  // a cycle that runs. The completion's update has already resolved; the registry row is already freed.
  if (state.renewalDue && state.configuration) {
    const nextCycleId = uuid4();
    const outcome = await activities.renewCycle({
      previousCycleId: state.cycleId,
      nextCycleId,
      organisationId: state.organisationId,
      repId: state.repId,
      managerId: state.managerId,
      playbookId: state.configuration.playbook.id,
    });
    await execute({
      type: 'RecordRenewal',
      data: { nextCycleId, started: outcome.started, ...(outcome.reason ? { reason: outcome.reason } : {}) },
    });
  }
  await condition(allHandlersFinished);
}

/** The registry row's new values when phase, status or manager changed; the search attributes follow too. */
function registryChange(before: CycleState, after: CycleState): MarkCycleInput | null {
  if (after.status === 'not-started') return null;
  const changed =
    before.status !== after.status || before.phase !== after.phase || before.managerId !== after.managerId;
  if (!changed) return null;
  return { cycleId: after.cycleId, phase: after.phase, status: after.status, managerId: after.managerId };
}

function searchAttributes(repId: string, row: MarkCycleInput): Parameters<typeof upsertSearchAttributes>[0] {
  return [
    { key: RepIdAttribute, value: repId },
    { key: ManagerIdAttribute, value: row.managerId },
    { key: CoachingPhaseAttribute, value: row.phase },
    { key: CycleStatusAttribute, value: row.status },
  ];
}

function historyTooLong(input: CoachingCycleInput): boolean {
  const info = workflowInfo();
  return (
    info.continueAsNewSuggested ||
    info.historyLength > (input.continueAsNewAfter ?? DEFAULT_CONTINUE_AS_NEW_AFTER)
  );
}

/** A refused command as the update's failure: its type tells the API which status to answer. */
function toFailure(error: unknown): ApplicationFailure {
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof CycleRuleError) {
    const type =
      error.code === CycleRuleCode.AlreadyStarted ? UPDATE_REJECTIONS.notRunning : (error.code as string);
    return ApplicationFailure.create({
      type,
      message: error.message,
      details: [error.errors],
      nonRetryable: true,
    });
  }
  return ApplicationFailure.create({
    type: 'CycleCommandFailed',
    message: error instanceof Error ? error.message : String(error),
    nonRetryable: true,
  });
}
