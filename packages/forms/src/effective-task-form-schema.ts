import type { RubricBody, TaskKind } from '@coachflow/contracts';
import { type JsonSchema, propertiesOf, requiredOf } from './json-schema';
import { rubricRatingsSchema } from './rubric-ratings-schema';

/** The task kinds whose `ratings` rate the cycle's rubric, one rating per competency. */
export const ASSESSMENT_TASK_KINDS: readonly TaskKind[] = [
  'self-assessment',
  'manager-assessment',
  'cycle-review',
];

/**
 * The schema a task is rendered and validated with: the form's own schema, except that for the assessment
 * kinds `ratings` is generated from the cycle's rubric (one rating per competency, on its scale, with its
 * labels), so no form ever copies competencies by hand and a rubric change reaches every form at once.
 */
export function effectiveTaskFormSchema(
  kind: TaskKind,
  formSchema: JsonSchema,
  rubric: RubricBody,
): JsonSchema {
  if (!ASSESSMENT_TASK_KINDS.includes(kind)) return formSchema;
  const required = requiredOf(formSchema);
  return {
    ...formSchema,
    properties: { ...propertiesOf(formSchema), ratings: rubricRatingsSchema(rubric) },
    required: required.includes('ratings') ? required : [...required, 'ratings'],
  };
}
