import type { Role } from '@coachflow/contracts';
import type { ReportingRelation } from './reporting-relation';

/** Everything the API authorizes on a subject person (a user, or the rep a cycle or task is about). */
export type Action =
  /** See a user's profile. */
  | 'user:read'
  /** Create, update, deactivate or import users; change roles and reporting lines. */
  | 'user:manage'
  /** Change one's own name or password. */
  | 'user:update-self'
  /** Start or cancel a cycle for a rep. */
  | 'cycle:run'
  /** See a rep's cycles, their events and their tasks. */
  | 'cycle:read'
  /** See a rep on the team page (where their coaching stands). */
  | 'team:read'
  /** Create, edit and publish rubrics, forms, playbooks. */
  | 'configuration:manage'
  /** Read published configuration (tasks render its forms). */
  | 'configuration:read'
  /** Read the organisation's audit log. */
  | 'audit:read';

/** `organisation` allows every subject of the caller's organisation; otherwise the listed relations. */
type Reach = 'organisation' | readonly ReportingRelation[];

const NONE: Reach = [];
const BELOW = ['direct-report', 'indirect-report'] as const;

/**
 * The policy table: for each action and role, which subjects are in reach. Everything the API allows is
 * here, in one place; services ask `permits` and never compare roles themselves. Subjects outside the
 * caller's organisation are never in reach (the services answer 404 for them before asking).
 */
export const POLICY: Record<Action, Record<Role, Reach>> = {
  'user:read': {
    admin: 'organisation',
    leader: ['self', 'above', ...BELOW],
    manager: ['self', 'above', 'direct-report'],
    rep: ['self', 'above'],
  },
  'user:manage': { admin: 'organisation', leader: NONE, manager: NONE, rep: NONE },
  'user:update-self': { admin: ['self'], leader: ['self'], manager: ['self'], rep: ['self'] },
  'cycle:run': { admin: 'organisation', leader: BELOW, manager: ['direct-report'], rep: NONE },
  'cycle:read': {
    admin: 'organisation',
    leader: ['self', ...BELOW],
    manager: ['self', 'direct-report'],
    rep: ['self'],
  },
  'team:read': { admin: 'organisation', leader: BELOW, manager: ['direct-report'], rep: NONE },
  'configuration:manage': { admin: 'organisation', leader: NONE, manager: NONE, rep: NONE },
  'configuration:read': {
    admin: 'organisation',
    leader: 'organisation',
    manager: 'organisation',
    rep: 'organisation',
  },
  'audit:read': { admin: 'organisation', leader: NONE, manager: NONE, rep: NONE },
};

/** Whether a caller holding `role` may do `action` on a subject standing in `relation` to them. */
export function permits(role: Role, action: Action, relation: ReportingRelation): boolean {
  const reach = POLICY[action][role];
  return reach === 'organisation' || reach.includes(relation);
}

/** Whether `role` may do `action` on anyone at all: for routes without a single subject (create, lists). */
export function permitsAny(role: Role, action: Action): boolean {
  const reach = POLICY[action][role];
  return reach === 'organisation' || reach.length > 0;
}

/** Whether `role` reaches the whole organisation for `action` (lists then need no reach filter). */
export function reachesOrganisation(role: Role, action: Action): boolean {
  return POLICY[action][role] === 'organisation';
}

/** The relations `role` reaches for `action`, or `organisation`. */
export function reachOf(role: Role, action: Action): Reach {
  return POLICY[action][role];
}
