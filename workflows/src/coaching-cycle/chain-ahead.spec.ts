import type { ReportingChain } from '@coachflow/domain';
import {
  CHAIN_LEAD_BEFORE_LONG_TIMERS_MS,
  CHAIN_LEAD_MS,
  CHAIN_MAX_AGE_MS,
  CHAIN_MIN_LEAD_MS,
  ChainAhead,
  LAST_STEP_READ_MIN_LEAD_MS,
  MIN_TIMER_MS,
  readsAheadAt,
} from './chain-ahead';
import { LAST_STEP_MS } from './deadline-steps';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();
const chain: ReportingChain = { line: [{ userId: 'manager', role: 'manager' }], adminId: 'admin' };
const always = () => true;

describe('ChainAhead', () => {
  const deadline = at(60_000);

  it('reads the chain CHAIN_LEAD_MS before a deadline that needs it', () => {
    expect(new ChainAhead().readAt(deadline, at(0), always)).toBe(at(60_000 - CHAIN_LEAD_MS));
  });

  it('never leaves a timer shorter than MIN_TIMER_MS, before the read or after it', () => {
    const readAt = (now: number) => new ChainAhead().readAt(deadline, at(now), always);
    // Too close for the full lead: read a timer's minimum from now, still CHAIN_MIN_LEAD_MS ahead of the deadline.
    const now = 60_000 - CHAIN_LEAD_MS - 300;
    expect(readAt(now)).toBe(at(now + MIN_TIMER_MS));
    const closest = 60_000 - MIN_TIMER_MS - CHAIN_MIN_LEAD_MS;
    expect(readAt(closest)).toBe(at(60_000 - CHAIN_MIN_LEAD_MS));
    // Closer still: no read ahead at all; the chain is read when the deadline comes.
    expect(readAt(closest + 1)).toBeNull();
    // Every moment it reads at is at least MIN_TIMER_MS away and leaves at least CHAIN_MIN_LEAD_MS.
    for (let from = 40_000; from < 60_000; from += 50) {
      const read = readAt(from);
      if (read === null) continue;
      expect(Date.parse(read) - Date.parse(at(from))).toBeGreaterThanOrEqual(MIN_TIMER_MS);
      expect(Date.parse(deadline) - Date.parse(read)).toBeGreaterThanOrEqual(CHAIN_MIN_LEAD_MS);
    }
    expect(CHAIN_MIN_LEAD_MS).toBeGreaterThan(MIN_TIMER_MS);
  });

  it('keeps a planned read while it is ahead, so a command meanwhile does not move its timer', () => {
    const ahead = new ChainAhead();
    const now = 60_000 - CHAIN_LEAD_MS - 300;
    const planned = at(now + MIN_TIMER_MS);
    expect(ahead.readAt(deadline, at(now), always)).toBe(planned);
    expect(ahead.readAt(deadline, at(now + 200), always)).toBe(planned);
    expect(ahead.readAt(deadline, at(now + 999), always)).toBe(planned);
  });

  it('replays runs recorded before the patch chain-ahead-long-timers with their old lead', () => {
    const before = new ChainAhead(false);
    expect(before.readAt(deadline, at(0), always)).toBe(at(60_000 - CHAIN_LEAD_BEFORE_LONG_TIMERS_MS));
    expect(before.readAt(deadline, at(59_400), always)).toBe(at(60_000 - CHAIN_LEAD_BEFORE_LONG_TIMERS_MS));
    expect(before.readAt(deadline, at(59_500), always)).toBeNull();
  });

  it('does not read ahead for a deadline that needs no chain, or for none', () => {
    const ahead = new ChainAhead();
    expect(ahead.readAt(deadline, at(0), () => false)).toBeNull();
    expect(ahead.readAt(null, at(0), always)).toBeNull();
  });

  it('reads once per deadline, and asks for the deadline it was asked about', () => {
    const ahead = new ChainAhead();
    const asked: string[] = [];
    ahead.hold(deadline, at(58_000), chain);
    expect(ahead.readAt(deadline, at(58_000), (time) => asked.push(time) > 0)).toBeNull();
    expect(ahead.readAt(at(90_000), at(58_000), (time) => asked.push(time) > 0)).toBe(
      at(90_000 - CHAIN_LEAD_MS),
    );
    expect(asked).toEqual([at(90_000)]);
  });

  it('hands the held chain over once its deadline has come, once', () => {
    const ahead = new ChainAhead();
    ahead.hold(deadline, at(58_000), chain);
    expect(ahead.take(at(59_500))).toBeNull();
    expect(ahead.take(at(60_010))).toBe(chain);
    expect(ahead.take(at(60_020))).toBeNull();
  });

  it('drops a chain read too long before the decision, or forgotten', () => {
    const stale = new ChainAhead();
    stale.hold(deadline, at(58_000), chain);
    expect(stale.take(at(58_000 + CHAIN_MAX_AGE_MS + 1))).toBeNull();

    const forgotten = new ChainAhead();
    forgotten.hold(deadline, at(58_000), chain);
    forgotten.forget();
    expect(forgotten.take(at(60_000))).toBeNull();
  });
});

describe('ChainAhead reading at the last step (patch deadline-last-step)', () => {
  const deadline = at(60_000);

  it('holds the chain a read brings back for its deadline', () => {
    const ahead = new ChainAhead();
    ahead.reading(deadline)(at(58_600), chain);
    expect(ahead.take(at(60_005))).toBe(chain);
  });

  it('drops what a read started before the manager changed brings back', () => {
    const ahead = new ChainAhead();
    const hold = ahead.reading(deadline);
    ahead.forget();
    hold(at(58_600), chain);
    expect(ahead.take(at(60_005))).toBeNull();
  });

  it('reads ahead from a last step on time, not from one that woke too late for the read to come back', () => {
    const lastStepAt = 60_000 - LAST_STEP_MS;
    expect(readsAheadAt(deadline, at(lastStepAt))).toBe(true);
    expect(readsAheadAt(deadline, at(60_000 - LAST_STEP_READ_MIN_LEAD_MS))).toBe(true);
    expect(readsAheadAt(deadline, at(60_000 - LAST_STEP_READ_MIN_LEAD_MS + 1))).toBe(false);
    // Woken at or after the deadline itself: its decision follows in the same task and reads the chain.
    expect(readsAheadAt(deadline, at(60_000))).toBe(false);
    expect(LAST_STEP_READ_MIN_LEAD_MS).toBeLessThan(LAST_STEP_MS);
  });
});
