import { type RubricBody, type TaskKind } from '@coachflow/contracts';
import { DRAFT_2020_12 } from './compile-form-schema';
import type { JsonSchema } from './json-schema';
import { rubricRatingsSchema } from './rubric-ratings-schema';
import { TASK_CORE_FIELDS } from './task-core-fields';

/** Optional fields a default form carries beyond the core ones (a designer may remove them). */
const DEFAULT_EXTRA_FIELDS: Partial<Record<TaskKind, Record<string, JsonSchema>>> = {
  // The rep's words on how it went: kept in the cycle's history beside yes or no.
  'commitment-check-in': { note: { type: 'string', title: 'Note', maxLength: 2000 } },
};

/**
 * The organisation's default form schema for a task kind: its core fields (and the few optional extras), with `ratings`
 * generated from the rubric when one is given (so nobody copies competencies by hand).
 */
export function defaultTaskFormSchema(kind: TaskKind, rubric?: RubricBody): JsonSchema {
  const core = TASK_CORE_FIELDS[kind];
  const properties = { ...core.properties, ...DEFAULT_EXTRA_FIELDS[kind] };
  if ('ratings' in properties && rubric) properties['ratings'] = rubricRatingsSchema(rubric);
  return { $schema: DRAFT_2020_12, type: 'object', properties, required: [...core.required] };
}
