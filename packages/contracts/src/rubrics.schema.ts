import { type Static, Type } from '@sinclair/typebox';
import { oneOf, ShortText } from './identifiers';

// Keys become JSON property names and form field names: keep them plain.
const Key = Type.String({ pattern: '^[a-z][a-z0-9-]{0,62}$', description: 'lower-case, digits and dashes' });

export const RubricScale = Type.Object(
  {
    min: Type.Integer({ minimum: 0, maximum: 100 }),
    max: Type.Integer({ minimum: 1, maximum: 100 }),
    /** Anchors: scale point (as a string key) to its label, e.g. {"1": "Rarely", "5": "Consistently"}. */
    labels: Type.Optional(Type.Record(Type.String({ pattern: '^[0-9]+$' }), ShortText(120))),
  },
  { additionalProperties: false },
);

export const Competency = Type.Object(
  {
    key: Key,
    name: ShortText(),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    weight: Type.Number({ exclusiveMinimum: 0, maximum: 1000 }),
    target: Type.Number(),
    indicators: Type.Optional(Type.Array(ShortText(500), { maxItems: 50 })),
  },
  { additionalProperties: false },
);

export const KPI_DIRECTIONS = ['higher', 'lower'] as const;

export const Kpi = Type.Object(
  {
    key: Key,
    name: ShortText(),
    unit: Type.Optional(ShortText(40)),
    target: Type.Number(),
    /** Whether a value above the target is good (calls made) or below it (days to close); higher by default. */
    better: Type.Optional(oneOf(KPI_DIRECTIONS)),
  },
  { additionalProperties: false },
);

/** A rubric as admins design it (shared/API.md, "Rubric body"). */
export const RubricBody = Type.Object(
  {
    name: ShortText(),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    scale: RubricScale,
    competencies: Type.Array(Competency, { minItems: 1, maxItems: 50 }),
    kpis: Type.Optional(Type.Array(Kpi, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type RubricBody = Static<typeof RubricBody>;
