import type { AuthenticatedUser } from '#api/modules/people/auth/authenticated-user';

/**
 * Who may see or run a rep's cycle: an admin or leader of the organisation, the rep's manager, and (to see
 * it) the rep. A first cut: the leader's reach narrows to their reporting tree with the access-control work.
 */
export function canRunCycleFor(caller: AuthenticatedUser, rep: { managerId: string | null }): boolean {
  return caller.role === 'admin' || caller.role === 'leader' || rep.managerId === caller.id;
}

export function canSeeCycle(caller: AuthenticatedUser, cycle: { repId: string; managerId: string }): boolean {
  return (
    caller.role === 'admin' ||
    caller.role === 'leader' ||
    caller.id === cycle.repId ||
    caller.id === cycle.managerId
  );
}

/**
 * canSeeCycle as a SQL condition on a table with `rep_id` and `manager_id`, for lists: `$n` placeholders
 * start after `firstParam - 1` earlier parameters.
 */
export function visibleCyclesCondition(
  caller: AuthenticatedUser,
  firstParam: number,
): { sql: string; params: string[] } {
  if (caller.role === 'admin' || caller.role === 'leader') return { sql: 'true', params: [] };
  return { sql: `(rep_id = $${firstParam} OR manager_id = $${firstParam})`, params: [caller.id] };
}
