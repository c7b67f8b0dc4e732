import {
  type CycleCommand,
  type CycleEvent,
  type CycleState,
  cycleStreamId,
  decideCycle,
  needsReportingChain,
} from '@coachflow/domain';
import { patched, proxyLocalActivities, upsertSearchAttributes, uuid4 } from '@temporalio/workflow';
import {
  type CoachingCycleActivities,
  CYCLE_LOCAL_ACTIVITY_OPTIONS,
  type MarkCycleInput,
  type RecordCycleEventsResult,
} from './activities';
import type { ChainAhead } from './chain-ahead';
import {
  CoachingPhaseAttribute,
  CycleStatusAttribute,
  ManagerIdAttribute,
  RepIdAttribute,
} from './search-attributes';

const local = proxyLocalActivities<CoachingCycleActivities>(CYCLE_LOCAL_ACTIVITY_OPTIONS);

/** Since this patch the registry row is written by `recordCycleEvents`, with the events it follows. */
export const REGISTRY_IN_RECORD_PATCH = 'registry-in-record';

/** A decision that recorded events: the events, and where and when the first one is stored. */
export interface Recorded {
  events: CycleEvent[];
  /** Absent only when replaying a history recorded before the activity returned it. */
  stored: RecordCycleEventsResult | undefined;
}

const now = () => new Date().toISOString();

/**
 * The cycle's decide-and-record step and the state it keeps: decides one command with the domain's
 * decider, takes the state it decided (every event folded once), records the events through the local
 * activity `recordCycleEvents` (event ids are stream positions, so a retry writes nothing twice) and keeps
 * search attributes and the registry row in step.
 */
export class CycleRecorder {
  /** Every decided event folded in, recorded or not: validators and the decider read this. */
  state: CycleState;
  /** Events in the stream for sure (a run resumes with everything recorded): the next expectedVersion. */
  recordedVersion: number;

  constructor(
    private readonly cycleId: string,
    state: CycleState,
    private readonly chainAhead: ChainAhead,
  ) {
    this.state = state;
    this.recordedVersion = state.version;
  }

  /** The rep's reporting chain; returns the activity's promise itself, adding no async step. */
  readChain() {
    return local.reportingChain({ organisationId: this.state.organisationId, repId: this.state.repId });
  }

  /**
   * A Tick at `tickAt` that decides nothing returns null at once, without an async step (patch quiet-tick):
   * the Tick the loop decides after every command mostly finds no deadline passed, and every promise the
   * workflow creates costs the SDK a stack trace. Otherwise the Tick goes through `execute`, which decides
   * it again, with the ids it records drawn there.
   */
  tickIfDecides(tickAt: string): Promise<Recorded | null> | null {
    const tick: CycleCommand = { type: 'Tick', data: { now: tickAt } };
    if (needsReportingChain(tick, this.state, tickAt)) return this.execute(tick);
    // No ids drawn from the workflow's random here: a Tick that decides events is decided again by `execute`.
    let ids = 0;
    const { events } = decideCycle(tick, this.state, { now: tickAt, newId: () => `quiet-tick-${ids++}` });
    return events.length === 0 ? null : this.execute(tick);
  }

  /** Decides `command` and records what it decided; null when it decided nothing. */
  async execute(command: CycleCommand): Promise<Recorded | null> {
    const decisionTime = command.type === 'Tick' ? command.data.now : now();
    let decided = command;
    if (command.type === 'ChangeManager' || command.type === 'ReassignTasks') this.chainAhead.forget();
    if (needsReportingChain(command, this.state, decisionTime)) {
      const chain =
        (command.type === 'Tick' ? this.chainAhead.take(decisionTime) : null) ?? (await this.readChain());
      decided = { ...command, data: { ...command.data, chain } } as CycleCommand;
    }
    const before = this.state;
    const { events, state } = decideCycle(decided, before, {
      now: command.type === 'Tick' ? decisionTime : now(),
      newId: uuid4,
    });
    if (events.length === 0) return null;
    // Taken at once, not after the record returns: the events are deterministic and the record retries
    // until it succeeds, and its result comes in a later activation, after any update delivered with it.
    // An update for a task whose TaskOpened is already in the store (and the inbox) must find it open.
    this.state = state;
    const change = registryChange(before, state);
    // Runs recorded before the patch update the registry row in a local activity of its own (markCycle).
    const registry = change && patched(REGISTRY_IN_RECORD_PATCH) ? change : undefined;
    let stored: RecordCycleEventsResult | undefined;
    try {
      stored = await local.recordCycleEvents({
        streamId: cycleStreamId(this.cycleId),
        events,
        expectedVersion: this.recordedVersion,
        ...(registry ? { registry } : {}),
      });
    } catch (error) {
      // Not recorded (a non-retryable failure): back to the state before. Commands accepted meanwhile are
      // decided against it and refused if they no longer fit.
      this.state = before;
      throw error;
    }
    this.recordedVersion += events.length;
    if (change) {
      upsertSearchAttributes(searchAttributes(state.repId, change));
      if (!registry) await local.markCycle(change);
    }
    return { events, stored: stored ?? undefined };
  }
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
