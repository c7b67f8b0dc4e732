import { type Static, Type } from '@sinclair/typebox';
import { COMMITMENT_STATUSES, CYCLE_PHASES, CYCLE_STATUSES } from './cycle-vocabulary';
import { oneOf, ShortText, Uuid } from './identifiers';

export const ListCyclesQuery = Type.Object(
  {
    repId: Type.Optional(Uuid),
    status: Type.Optional(oneOf(CYCLE_STATUSES)),
    limit: Type.Optional(Type.String()),
    cursor: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type ListCyclesQuery = Static<typeof ListCyclesQuery>;

export const StartCycleRequest = Type.Object(
  { repId: Uuid, playbookId: Uuid },
  { additionalProperties: false },
);
export type StartCycleRequest = Static<typeof StartCycleRequest>;

export const CommitmentView = Type.Object({
  id: Uuid,
  title: Type.String(),
  dueAt: Type.String({ format: 'date-time' }),
  status: oneOf(COMMITMENT_STATUSES),
});
export type CommitmentView = Static<typeof CommitmentView>;

export const EscalationView = Type.Object({
  level: Type.Integer({ minimum: 1 }),
  assigneeId: Uuid,
  commitmentId: Uuid,
  raisedAt: Type.String({ format: 'date-time' }),
  resolvedAt: Type.Optional(Type.String({ format: 'date-time' })),
});
export type EscalationView = Static<typeof EscalationView>;

/** A second missed commitment in one cycle (null while there is none). */
export const ExecutionConcernView = Type.Object({
  missedCommitmentIds: Type.Array(Uuid),
  raisedAt: Type.String({ format: 'date-time' }),
});
export type ExecutionConcernView = Static<typeof ExecutionConcernView>;

/** A cycle and where it stands (shared/API.md, "Cycles": the summary). */
export const CycleView = Type.Object({
  id: Uuid,
  repId: Uuid,
  managerId: Uuid,
  playbook: Type.Object({ id: Uuid, version: Type.Integer({ minimum: 1 }) }),
  phase: oneOf(CYCLE_PHASES),
  status: oneOf(CYCLE_STATUSES),
  focusAreas: Type.Array(Type.String()),
  commitments: Type.Array(CommitmentView),
  escalations: Type.Array(EscalationView),
  executionConcern: Type.Union([ExecutionConcernView, Type.Null()]),
});
export type CycleView = Static<typeof CycleView>;

export const CancelCycleRequest = Type.Object({ reason: ShortText(1000) }, { additionalProperties: false });
export type CancelCycleRequest = Static<typeof CancelCycleRequest>;

export const CycleEventView = Type.Object({
  position: Type.Integer({ minimum: 1, description: 'Global position in the event store.' }),
  version: Type.Integer({ minimum: 1 }),
  type: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  recordedAt: Type.String({ format: 'date-time' }),
});
export type CycleEventView = Static<typeof CycleEventView>;
