import { type RubricBody, type TaskKind } from '@coachflow/contracts';
import { DRAFT_2020_12 } from './compile-form-schema';
import type { JsonSchema } from './json-schema';
import { rubricRatingsSchema } from './rubric-ratings-schema';
import { TASK_CORE_FIELDS } from './task-core-fields';

/**
 * The organisation's default form schema for a task kind: exactly its core fields, with `ratings`
 * generated from the rubric when one is given (so nobody copies competencies by hand).
 */
export function defaultTaskFormSchema(kind: TaskKind, rubric?: RubricBody): JsonSchema {
  const core = TASK_CORE_FIELDS[kind];
  const properties = { ...core.properties };
  if ('ratings' in properties && rubric) properties['ratings'] = rubricRatingsSchema(rubric);
  return { $schema: DRAFT_2020_12, type: 'object', properties, required: [...core.required] };
}
