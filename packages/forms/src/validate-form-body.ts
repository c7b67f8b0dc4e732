import type { FieldError, FormBody } from '@coachflow/contracts';
import { checkCoreFields } from './check-core-fields';
import { checkUiSchema } from './check-ui-schema';
import { compileFormSchema } from './compile-form-schema';
import { ASSESSMENT_TASK_KINDS } from './effective-task-form-schema';
import { isJsonObject } from './json-schema';

/**
 * The rules of a form beyond its JSON shape: the schema compiles (draft 2020-12 or 07, within size limits),
 * the uiSchema names only fields the schema has, and a form bound to a task kind keeps that kind's core
 * fields. Paths are JSON pointers into the form body.
 */
export function validateFormBody(form: FormBody): FieldError[] {
  const compiled = compileFormSchema(form.schema, '/schema');
  if (!compiled.ok) return compiled.errors;
  const errors: FieldError[] = [];
  const assessment = form.taskKind !== undefined && ASSESSMENT_TASK_KINDS.includes(form.taskKind);
  errors.push(...checkUiSchema(form.schema, assessment ? withoutRatingFields(form.uiSchema) : form.uiSchema));
  if (form.taskKind) errors.push(...checkCoreFields(form.taskKind, form.schema));
  return errors;
}

// An assessment form's rating fields come from the rubric of the playbook that uses it, so hints for single
// competencies can only be checked against that rubric (checkFormFitsTask), not here.
function withoutRatingFields(uiSchema: FormBody['uiSchema']): FormBody['uiSchema'] {
  if (!uiSchema || !isJsonObject(uiSchema['ratings'])) return uiSchema;
  const ratings = Object.fromEntries(
    Object.entries(uiSchema['ratings']).filter(([key]) => key.startsWith('ui:')),
  );
  return { ...uiSchema, ratings };
}
