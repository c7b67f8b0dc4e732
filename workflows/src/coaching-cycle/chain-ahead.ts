import type { ReportingChain } from '@coachflow/domain';

/** How long before a deadline that raises or climbs an escalation the reporting chain is read. */
export const CHAIN_LEAD_MS = 500;
/** A chain read longer ago than this is read again: the reporting line may have changed since. */
export const CHAIN_MAX_AGE_MS = 5_000;

/**
 * The reporting chain read shortly before a deadline that raises or climbs an escalation, so that deciding
 * the escalation when the deadline comes need not wait for a read of Postgres first (patch chain-ahead).
 * Pure bookkeeping on ISO times; the workflow does the waiting and the reading.
 */
export class ChainAhead {
  private held: { deadline: string; readAt: string; chain: ReportingChain } | null = null;

  /**
   * When to read the chain for `deadline`: CHAIN_LEAD_MS before it, if deciding it needs the chain, none is
   * held for it yet, and that moment is still ahead of `now`; otherwise null (wait for the deadline itself).
   */
  readAt(deadline: string | null, now: string, needsChainAt: (at: string) => boolean): string | null {
    if (deadline === null || this.held?.deadline === deadline || !needsChainAt(deadline)) return null;
    const readAt = Date.parse(deadline) - CHAIN_LEAD_MS;
    return readAt > Date.parse(now) ? new Date(readAt).toISOString() : null;
  }

  hold(deadline: string, readAt: string, chain: ReportingChain): void {
    this.held = { deadline, readAt, chain };
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
  }
}
