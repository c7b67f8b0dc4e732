import { type Static, Type } from '@sinclair/typebox';

const CheckState = Type.Union([Type.Literal('up'), Type.Literal('down')]);

const ProjectionLag = Type.Object({
  behind: Type.Integer({
    minimum: 0,
    description: 'Events the projection has not applied yet.',
  }),
  seconds: Type.Number({ minimum: 0, description: 'Age of the oldest event not applied yet.' }),
});

export const HealthView = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('error')]),
  checks: Type.Object({ database: CheckState, temporal: CheckState }),
  /** How far each read model trails the event store; informational, never fails the check. */
  projections: Type.Optional(Type.Record(Type.String(), ProjectionLag)),
});
export type HealthView = Static<typeof HealthView>;
