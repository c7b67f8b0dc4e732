import { type Static, Type } from '@sinclair/typebox';
import { CYCLE_PHASES, CYCLE_STATUSES } from './cycle-vocabulary';
import { oneOf, Uuid } from './identifiers';

export const ListTeamQuery = Type.Object(
  {
    /** Only this manager's direct reports (a leader narrowing their subtree). */
    managerId: Type.Optional(Uuid),
    limit: Type.Optional(Type.String()),
    cursor: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type ListTeamQuery = Static<typeof ListTeamQuery>;

const Person = Type.Object({ id: Uuid, name: Type.String() });
const Timestamp = Type.String({ format: 'date-time' });

/** One rep in the caller's reach, with where their coaching stands (the team page's row). */
export const TeamMemberView = Type.Object({
  rep: Type.Object({ id: Uuid, name: Type.String(), email: Type.String() }),
  manager: Type.Union([Person, Type.Null()]),
  /** The running cycle, else the latest one; null when the rep never had one. */
  cycle: Type.Union([
    Type.Object({
      id: Uuid,
      phase: oneOf(CYCLE_PHASES),
      status: oneOf(CYCLE_STATUSES),
      playbookId: Uuid,
      startedAt: Timestamp,
    }),
    Type.Null(),
  ]),
  /** The earliest due time among the rep's open tasks (whoever they are assigned to). */
  nextDueAt: Type.Union([Timestamp, Type.Null()]),
  /** Open tasks about the rep whose due time has passed. */
  overdueCount: Type.Integer({ minimum: 0 }),
  /** Unresolved escalations of the cycle shown. */
  openEscalations: Type.Integer({ minimum: 0 }),
  /** When the rep's latest coaching-session task was completed. */
  lastCoachingSessionAt: Type.Union([Timestamp, Type.Null()]),
});
export type TeamMemberView = Static<typeof TeamMemberView>;

/** Whether the sign-in page offers single sign-on, and where its button goes. */
export const SsoStatusView = Type.Object({
  enabled: Type.Boolean(),
  loginUrl: Type.Union([Type.String(), Type.Null()]),
});
export type SsoStatusView = Static<typeof SsoStatusView>;
