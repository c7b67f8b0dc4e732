/** The event-store stream of one organisation's audit events (people and sign-in). */
export function auditStreamId(organisationId: string): string {
  return `audit-${organisationId}`;
}
