import type { TaskKind } from '@coachflow/contracts';
import type { JsonSchema } from './json-schema';

/** The fields a task kind's `data` must carry (shared/API.md, "Tasks"); a form may add, never drop. */
export interface CoreFields {
  properties: Record<string, JsonSchema>;
  required: string[];
}

const ratings: JsonSchema = { type: 'object', additionalProperties: { type: 'number' } };
const none: CoreFields = { properties: {}, required: [] };

export const COACHING_STYLES = ['directing', 'coaching', 'supporting', 'delegating'] as const;

export const TASK_CORE_FIELDS: Record<TaskKind, CoreFields> = {
  'self-assessment': { properties: { ratings }, required: ['ratings'] },
  'manager-assessment': { properties: { ratings }, required: ['ratings'] },
  'set-priorities': {
    properties: {
      focusAreas: { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true },
      diagnosis: { type: 'string', enum: ['skill', 'will', 'unclear'] },
      style: { type: 'string', enum: [...COACHING_STYLES] },
    },
    required: ['focusAreas', 'diagnosis', 'style'],
  },
  observation: none,
  'coaching-session': {
    properties: {
      commitments: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['title', 'due'],
          properties: {
            title: { type: 'string', minLength: 1, maxLength: 200 },
            measure: { type: 'string', maxLength: 200 },
            // A date-time, or an ISO 8601 duration from now (P7D).
            due: { type: 'string', minLength: 2, maxLength: 40 },
          },
        },
      },
    },
    required: ['commitments'],
  },
  'acknowledge-plan': { properties: { accepted: { type: 'boolean' } }, required: ['accepted'] },
  'commitment-check-in': { properties: { kept: { type: 'boolean' } }, required: ['kept'] },
  'resolve-escalation': {
    // `due` is required when recommitting; that rule belongs to the task kind's checks, not the form.
    properties: {
      action: { type: 'string', enum: ['recommit', 'drop'] },
      due: { type: 'string', maxLength: 40 },
    },
    required: ['action'],
  },
  'cycle-review': { properties: { ratings }, required: ['ratings'] },
  'follow-up': none,
};
