import type { RubricBody } from '@coachflow/contracts';
import type { JsonSchema } from './json-schema';

/**
 * The `ratings` field of an assessment form, generated from a rubric: one required rating per competency,
 * on the rubric's scale, each point titled with its anchor label (rendered by rjsf as a choice).
 */
export function rubricRatingsSchema(rubric: RubricBody): JsonSchema {
  const { min, max, labels = {} } = rubric.scale;
  const points = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const properties = Object.fromEntries(
    rubric.competencies.map((competency) => [
      competency.key,
      {
        type: 'integer',
        title: competency.name,
        ...(competency.description ? { description: competency.description } : {}),
        minimum: min,
        maximum: max,
        oneOf: points.map((point) => ({
          const: point,
          title: labels[String(point)] ? `${point} – ${labels[String(point)]}` : String(point),
        })),
      },
    ]),
  );
  return {
    type: 'object',
    title: 'Ratings',
    properties,
    required: rubric.competencies.map((competency) => competency.key),
    additionalProperties: false,
  };
}
