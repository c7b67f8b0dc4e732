import type { RubricBody, TaskKind } from '@coachflow/contracts';
import { DRAFT_2020_12 } from './compile-form-schema';
import { type JsonSchema, propertiesOf, requiredOf } from './json-schema';
import { rubricRatingsSchema } from './rubric-ratings-schema';

/** The task kinds whose `ratings` rate the cycle's rubric, one rating per competency. */
export const ASSESSMENT_TASK_KINDS: readonly TaskKind[] = [
  'self-assessment',
  'manager-assessment',
  'cycle-review',
];

/** Optional fields a kind's rules understand beyond its core ones (shared/API.md): every form of it takes them. */
const KIND_OPTIONAL_FIELDS: Partial<Record<TaskKind, Record<string, JsonSchema>>> = {
  'manager-assessment': { kpis: { type: 'object', additionalProperties: { type: 'number' } } },
  'commitment-check-in': { targetMet: { type: 'boolean' } },
};

/**
 * The schema a task is rendered and validated with: the form's own schema, except that for the assessment
 * kinds `ratings` is generated from the cycle's rubric (one rating per competency, on its scale, with its
 * labels), so no form ever copies competencies by hand and a rubric change reaches every form at once. A
 * form takes only the fields it names (and the optional ones its kind's rules read) unless its admin set
 * `additionalProperties` at the top: otherwise every completion could carry up to a megabyte of anything into
 * the event store and workflow history. A draft 2020-12 form is closed with `unevaluatedProperties`, which
 * counts the fields its `if`/`then` branches declare (the builder's conditional fields);
 * `additionalProperties` sees only the top-level `properties` and would refuse every conditional answer.
 */
export function effectiveTaskFormSchema(
  kind: TaskKind,
  formSchema: JsonSchema,
  rubric: RubricBody,
): JsonSchema {
  const closing = formSchema['$schema'] === DRAFT_2020_12 ? 'unevaluatedProperties' : 'additionalProperties';
  const closed =
    'additionalProperties' in formSchema || 'unevaluatedProperties' in formSchema
      ? formSchema
      : {
          ...formSchema,
          properties: { ...KIND_OPTIONAL_FIELDS[kind], ...propertiesOf(formSchema) },
          [closing]: false,
        };
  if (!ASSESSMENT_TASK_KINDS.includes(kind)) return closed;
  const required = requiredOf(formSchema);
  return {
    ...closed,
    properties: { ...propertiesOf(closed), ratings: rubricRatingsSchema(rubric) },
    required: required.includes('ratings') ? required : [...required, 'ratings'],
  };
}
