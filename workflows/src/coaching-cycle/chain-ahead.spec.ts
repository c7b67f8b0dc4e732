import type { ReportingChain } from '@coachflow/domain';
import { CHAIN_LEAD_MS, CHAIN_MAX_AGE_MS, ChainAhead } from './chain-ahead';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();
const chain: ReportingChain = { line: [{ userId: 'manager', role: 'manager' }], adminId: 'admin' };
const always = () => true;

describe('ChainAhead', () => {
  const deadline = at(60_000);

  it('reads the chain CHAIN_LEAD_MS before a deadline that needs it', () => {
    expect(new ChainAhead().readAt(deadline, at(0), always)).toBe(at(60_000 - CHAIN_LEAD_MS));
  });

  it('does not read ahead for a deadline that needs no chain, for none, or when the moment has passed', () => {
    const ahead = new ChainAhead();
    expect(ahead.readAt(deadline, at(0), () => false)).toBeNull();
    expect(ahead.readAt(null, at(0), always)).toBeNull();
    expect(ahead.readAt(deadline, at(60_000 - CHAIN_LEAD_MS), always)).toBeNull();
  });

  it('reads once per deadline, and asks for the deadline it was asked about', () => {
    const ahead = new ChainAhead();
    const asked: string[] = [];
    ahead.hold(deadline, at(59_000), chain);
    expect(ahead.readAt(deadline, at(59_000), (time) => asked.push(time) > 0)).toBeNull();
    expect(ahead.readAt(at(90_000), at(59_000), (time) => asked.push(time) > 0)).toBe(
      at(90_000 - CHAIN_LEAD_MS),
    );
    expect(asked).toEqual([at(90_000)]);
  });

  it('hands the held chain over once its deadline has come, once', () => {
    const ahead = new ChainAhead();
    ahead.hold(deadline, at(59_000), chain);
    expect(ahead.take(at(59_500))).toBeNull();
    expect(ahead.take(at(60_010))).toBe(chain);
    expect(ahead.take(at(60_020))).toBeNull();
  });

  it('drops a chain read too long before the decision, or forgotten', () => {
    const stale = new ChainAhead();
    stale.hold(deadline, at(59_000), chain);
    expect(stale.take(at(59_000 + CHAIN_MAX_AGE_MS + 1))).toBeNull();

    const forgotten = new ChainAhead();
    forgotten.hold(deadline, at(59_000), chain);
    forgotten.forget();
    expect(forgotten.take(at(60_000))).toBeNull();
  });
});
