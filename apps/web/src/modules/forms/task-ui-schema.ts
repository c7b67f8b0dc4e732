import type { UiSchema } from '@rjsf/utils';

type TaskKindName = string;

/** The widget each task kind's core fields get unless the form's own uiSchema names another. */
const CORE_FIELD_UI: Record<TaskKindName, Record<string, UiSchema>> = {
  'self-assessment': { ratings: { 'ui:field': 'rubricRatings' } },
  'manager-assessment': { ratings: { 'ui:field': 'rubricRatings' } },
  'cycle-review': { ratings: { 'ui:field': 'rubricRatings' } },
  'set-priorities': {
    focusAreas: { 'ui:field': 'focusAreas' },
    diagnosis: { 'ui:widget': 'diagnosis' },
    style: { 'ui:widget': 'coachingStyle' },
  },
  'coaching-session': { commitments: { 'ui:field': 'commitments' } },
  'commitment-check-in': { kept: { 'ui:widget': 'kept' }, note: { 'ui:widget': 'textarea' } },
  'acknowledge-plan': { accepted: { 'ui:widget': 'acknowledge' } },
  'resolve-escalation': { action: { 'ui:widget': 'escalationAction' }, due: { 'ui:widget': 'due' } },
};

function namesOwnWidget(ui: unknown): boolean {
  return typeof ui === 'object' && ui !== null && ('ui:widget' in ui || 'ui:field' in ui);
}

/**
 * The form's uiSchema with our widgets on the task kind's core fields, where the form designer did not
 * choose one. Everything else in the uiSchema (order, labels, help) stays as designed.
 */
export function taskUiSchema(kind: string | undefined, uiSchema: UiSchema = {}): UiSchema {
  const defaults = kind ? CORE_FIELD_UI[kind] : undefined;
  if (!defaults) return uiSchema;
  const merged: UiSchema = { ...uiSchema };
  for (const [field, ui] of Object.entries(defaults)) {
    const designed: unknown = uiSchema[field];
    merged[field] = namesOwnWidget(designed) ? designed : { ...(designed as object | undefined), ...ui };
  }
  return merged;
}
