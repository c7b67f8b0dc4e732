/** Temporal workflow id of a cycle: a business id, so Temporal's tools show which cycle a run belongs to. */
export function cycleWorkflowId(cycleId: string): string {
  return `coaching-cycle-${cycleId}`;
}
