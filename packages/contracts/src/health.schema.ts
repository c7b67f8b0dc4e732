import { type Static, Type } from '@sinclair/typebox';

const CheckState = Type.Union([Type.Literal('up'), Type.Literal('down')]);

const DeadLetterView = Type.Object({
  projection: Type.String(),
  globalPosition: Type.Integer({ description: 'The parked event’s position in the event store.' }),
  eventId: Type.String(),
  streamId: Type.String(),
  type: Type.String(),
  error: Type.String({ description: 'Why the projection could not apply it.' }),
  parkedAt: Type.String({ format: 'date-time' }),
});

const ProjectionLag = Type.Object({
  behind: Type.Integer({
    minimum: 0,
    description: 'Events the projection has not applied yet.',
  }),
  seconds: Type.Number({ minimum: 0, description: 'Age of the oldest event not applied yet.' }),
  idleSeconds: Type.Number({ minimum: 0, description: 'Seconds since the projection last moved.' }),
});

export const HealthView = Type.Object({
  /**
   * `error` (503): a dependency is down or a projection is stalled; `degraded` (200): everything moves, but
   * some events are parked (see `deadLetters`); `ok` otherwise.
   */
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('error')]),
  checks: Type.Object({
    database: CheckState,
    temporal: CheckState,
    projections: Type.Optional(
      Type.Union([Type.Literal('up'), Type.Literal('degraded'), Type.Literal('down')], {
        description: '`down` when one is stalled for over a minute, `degraded` when one has parked events.',
      }),
    ),
  }),
  /** Why the status is not `ok`, one line per problem (the projection and the event named). */
  problems: Type.Optional(Type.Array(Type.String())),
  /** How far each read model trails the event store. */
  projections: Type.Optional(Type.Record(Type.String(), ProjectionLag)),
  /** Notification deliveries that are due and not sent yet, and how long the oldest has waited. */
  outbox: Type.Optional(
    Type.Object({
      due: Type.Integer({ minimum: 0 }),
      oldestSeconds: Type.Number({ minimum: 0 }),
    }),
  ),
  /** Events a projection could not apply, parked until a rebuild after the fix replays them. */
  deadLetters: Type.Optional(Type.Array(DeadLetterView)),
});
export type HealthView = Static<typeof HealthView>;
