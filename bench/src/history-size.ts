/**
 * How many cycles each rep gets so the history holds at least `targetEvents`: every rep's cycles are full
 * copies of the template (`fullLength` events) except the last, which stops at its first task
 * (`openLength` events).
 */
export function cyclesPerRep(
  targetEvents: number,
  reps: number,
  fullLength: number,
  openLength: number,
): number {
  const perRep = targetEvents / reps;
  return Math.max(1, Math.ceil((perRep - openLength) / fullLength) + 1);
}

/** The events that many cycles per rep write. */
export function historyEvents(reps: number, cycles: number, fullLength: number, openLength: number): number {
  return reps * ((cycles - 1) * fullLength + openLength);
}
