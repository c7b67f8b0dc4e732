/**
 * What must follow when people change under running work: a rep's new manager, a deactivated user's open
 * tasks. The people module calls it after it changed a user; the cycles module implements it (so people
 * never imports cycles, which import people). Each call is idempotent, so a retry after a partial failure
 * is safe.
 */
export abstract class StaffingChanges {
  /** The rep's manager is now `newManagerId`: running cycles of the rep move to them. */
  abstract managerChanged(
    organisationId: string,
    repId: string,
    newManagerId: string,
    by: string,
  ): Promise<void>;

  /** `userId` was deactivated: their open tasks in running cycles go to `toUserId`. */
  abstract userDeactivated(organisationId: string, userId: string, toUserId: string): Promise<void>;
}
