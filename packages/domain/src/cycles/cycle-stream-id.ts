/** The event-store stream that holds one coaching cycle's business history. */
export function cycleStreamId(cycleId: string): string {
  return `cycle-${cycleId}`;
}
