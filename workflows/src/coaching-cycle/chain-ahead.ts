import type { ReportingChain } from '@coachflow/domain';

/**
 * The shortest wait a timer keeps: Temporal's history service gives a new timer a fire time no earlier than
 * `history.timerProcessorMaxTimeShift` (1 s by default) after its timer queue last read, so a shorter timer
 * fires about a second after it started, however short it was.
 */
export const MIN_TIMER_MS = 1_000;
/** How long before a deadline that raises or climbs an escalation the reporting chain is read, at most. */
export const CHAIN_LEAD_MS = 2_000;
/**
 * How long before its deadline the chain is read, at least: the deadline's own timer, started once the read
 * is back, must still be MIN_TIMER_MS long, with this much left for the read.
 */
export const CHAIN_MIN_LEAD_MS = MIN_TIMER_MS + 250;
/** The lead before the patch chain-ahead-long-timers, which left a sub-second timer before the deadline. */
export const CHAIN_LEAD_BEFORE_LONG_TIMERS_MS = 500;
/** A chain read longer ago than this is read again: the reporting line may have changed since. */
export const CHAIN_MAX_AGE_MS = 5_000;
/**
 * The least time a deadline's last step must still have before the deadline to start the chain's read ahead
 * (patch chain-ahead-on-time). A last step waking later than that is behind a queue (a burst of deadlines
 * due together, a busy machine), and so would be the read, an activity task and then a workflow task for its
 * result: it would come back after the deadline, whose decision then reads the chain itself, and it only
 * adds two tasks to the queue the deadlines wait in.
 */
export const LAST_STEP_READ_MIN_LEAD_MS = 1_000;

/** Whether a last step waking at `now` still starts the read of the chain ahead of `deadline`. */
export const readsAheadAt = (deadline: string, now: string): boolean =>
  Date.parse(deadline) - Date.parse(now) >= LAST_STEP_READ_MIN_LEAD_MS;

/**
 * The reporting chain read shortly before a deadline that raises or climbs an escalation, so that deciding
 * the escalation when the deadline comes need not wait for a read of Postgres first (patch chain-ahead).
 * Pure bookkeeping on ISO times; the workflow does the waiting and the reading.
 */
export class ChainAhead {
  private held: { deadline: string; readAt: string; chain: ReportingChain } | null = null;
  // The read planned for a deadline: kept while still ahead, so a command meanwhile does not restart its timer.
  private planned: { deadline: string; readAt: string } | null = null;
  // Counts forget()s, so a read started before one is not held when it comes back.
  private generation = 0;

  /** `longTimers`: the patch chain-ahead-long-timers is on (false replays runs recorded before it). */
  constructor(private readonly longTimers = true) {}

  /**
   * When to read the chain for `deadline`, if deciding it needs the chain and none is held for it yet;
   * otherwise null (wait for the deadline itself). With long timers: CHAIN_LEAD_MS before it, or later, but
   * never sooner than MIN_TIMER_MS from `now` nor later than CHAIN_MIN_LEAD_MS before the deadline, so
   * neither the wait for the read nor the wait after it is a timer the server would fire late; null when
   * the deadline is too close for both. Before the patch: CHAIN_LEAD_BEFORE_LONG_TIMERS_MS before it, if
   * that moment is still ahead. A read already planned for the deadline and still ahead stays as planned.
   */
  readAt(deadline: string | null, now: string, needsChainAt: (at: string) => boolean): string | null {
    if (deadline === null || this.held?.deadline === deadline || !needsChainAt(deadline)) return null;
    const due = Date.parse(deadline);
    if (!this.longTimers) {
      const readAt = due - CHAIN_LEAD_BEFORE_LONG_TIMERS_MS;
      return readAt > Date.parse(now) ? new Date(readAt).toISOString() : null;
    }
    if (this.planned?.deadline === deadline && Date.parse(this.planned.readAt) > Date.parse(now))
      return this.planned.readAt;
    const readAt = Math.max(due - CHAIN_LEAD_MS, Date.parse(now) + MIN_TIMER_MS);
    if (due - readAt < CHAIN_MIN_LEAD_MS) return null;
    this.planned = { deadline, readAt: new Date(readAt).toISOString() };
    return this.planned.readAt;
  }

  hold(deadline: string, readAt: string, chain: ReportingChain): void {
    this.held = { deadline, readAt, chain };
  }

  /**
   * A read for `deadline` starts (patch deadline-last-step: at the alarm's last step, while the workflow goes
   * on waiting); returns what holds its chain when it comes back, unless forget() was called meanwhile.
   */
  reading(deadline: string): (readAt: string, chain: ReportingChain) => void {
    const generation = this.generation;
    return (readAt, chain) => {
      if (generation === this.generation) this.hold(deadline, readAt, chain);
    };
  }

  /** The chain held for a deadline that has come by `decisionTime`, if it is recent enough; used once. */
  take(decisionTime: string): ReportingChain | null {
    const held = this.held;
    if (!held || Date.parse(decisionTime) < Date.parse(held.deadline)) return null;
    this.held = null;
    return Date.parse(decisionTime) - Date.parse(held.readAt) <= CHAIN_MAX_AGE_MS ? held.chain : null;
  }

  /** The cycle's manager or an assignee changed: a chain read before is not to be trusted. */
  forget(): void {
    this.held = null;
    this.generation += 1;
  }
}
