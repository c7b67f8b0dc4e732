import { type Static, Type } from '@sinclair/typebox';
import { CYCLE_PHASES, CYCLE_STATUSES } from './cycle-vocabulary';
import { Uuid } from './identifiers';

const literals = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((value) => Type.Literal(value)));

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
  phase: literals(CYCLE_PHASES),
  status: literals(CYCLE_STATUSES),
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
