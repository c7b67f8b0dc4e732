import type { UiSchema } from '@rjsf/utils';

type TaskKindName = string;

/** The widget each task kind's core fields get unless the form's own uiSchema names another. */
const CORE_FIELD_UI: Record<TaskKindName, Record<string, UiSchema>> = {
  'self-assessment': { ratings: { 'ui:field': 'rubricRatings' } },
  'manager-assessment': { ratings: { 'ui:field': 'rubricRatings' } },
  'cycle-review': { ratings: { 'ui:field': 'rubricRatings' } },
  'set-priorities': {
    focusAreas: { 'ui:field': 'focusAreas' },
    diagnosis: { 'ui:widget': 'diagnosis', 'ui:title': 'Why the gap? (diagnosis)' },
    style: { 'ui:widget': 'coachingStyle', 'ui:title': 'Coaching style' },
  },
  'coaching-session': { commitments: { 'ui:field': 'commitments' } },
  'commitment-check-in': {
    kept: { 'ui:widget': 'kept', 'ui:title': 'Did you do what you committed to?' },
    targetMet: { 'ui:title': 'And the measure reached its target' },
    note: { 'ui:widget': 'textarea', 'ui:title': 'Note', 'ui:placeholder': 'How did it go? (optional)' },
  },
  'acknowledge-plan': { accepted: { 'ui:widget': 'acknowledge', 'ui:title': 'Your answer' } },
  'resolve-escalation': {
    action: { 'ui:widget': 'escalationAction', 'ui:title': 'What happens to this commitment?' },
    due: { 'ui:widget': 'due', 'ui:title': 'New due date (when recommitting)' },
  },
};

/** The order of a task kind's core fields, unless the form's uiSchema sets its own. */
const CORE_FIELD_ORDER: Record<TaskKindName, string[]> = {
  'set-priorities': ['focusAreas', 'diagnosis', 'style', '*'],
  'resolve-escalation': ['action', 'due', '*'],
  'commitment-check-in': ['kept', 'targetMet', 'note', '*'],
};

function namesOwnWidget(ui: unknown): boolean {
  return typeof ui === 'object' && ui !== null && ('ui:widget' in ui || 'ui:field' in ui);
}

/**
 * The form's uiSchema with our widgets, titles and order on the task kind's core fields, where the form
 * designer did not choose them (`fields`: the form's fields, when known). Everything else in the uiSchema (order, labels, help) stays as designed.
 */
export function taskUiSchema(
  kind: string | undefined,
  uiSchema: UiSchema = {},
  fields?: readonly string[],
): UiSchema {
  const defaults = kind ? CORE_FIELD_UI[kind] : undefined;
  if (!defaults) return uiSchema;
  // rjsf refuses an order naming a field the form does not have: keep only the form's own.
  const order = kind
    ? CORE_FIELD_ORDER[kind]?.filter((field) => field === '*' || !fields || fields.includes(field))
    : undefined;
  const merged: UiSchema =
    order && !uiSchema['ui:order'] ? { 'ui:order': order, ...uiSchema } : { ...uiSchema };
  for (const [field, ui] of Object.entries(defaults)) {
    const designed: unknown = uiSchema[field];
    // The designer's title and help win over ours; our widget applies unless they chose another.
    merged[field] = namesOwnWidget(designed) ? designed : { ...ui, ...(designed as object | undefined) };
  }
  return merged;
}
