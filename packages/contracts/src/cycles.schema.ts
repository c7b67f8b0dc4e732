import { type Static, Type } from '@sinclair/typebox';
import { CYCLE_PHASES, CYCLE_STATUSES } from './cycle-vocabulary';
import { oneOf, Uuid } from './identifiers';

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

export const CycleView = Type.Object({
  id: Uuid,
  repId: Uuid,
  managerId: Uuid,
  playbook: Type.Object({ id: Uuid, version: Type.Integer({ minimum: 1 }) }),
  phase: oneOf(CYCLE_PHASES),
  status: oneOf(CYCLE_STATUSES),
});
export type CycleView = Static<typeof CycleView>;

export const CycleEventView = Type.Object({
  position: Type.Integer({ minimum: 1, description: 'Global position in the event store.' }),
  version: Type.Integer({ minimum: 1 }),
  type: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  recordedAt: Type.String({ format: 'date-time' }),
});
export type CycleEventView = Static<typeof CycleEventView>;
