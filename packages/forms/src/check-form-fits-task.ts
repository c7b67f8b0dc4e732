import type { FieldError, FormBody, RubricBody, TaskKind } from '@coachflow/contracts';
import { checkCoreFields } from './check-core-fields';
import { checkUiSchema } from './check-ui-schema';
import { compileFormSchema } from './compile-form-schema';
import { ASSESSMENT_TASK_KINDS, effectiveTaskFormSchema } from './effective-task-form-schema';
import { isJsonObject, propertiesOf } from './json-schema';

/**
 * Whether `form` can serve the tasks of `kind` in a cycle rated on `rubric`: it is not bound to another
 * kind, its effective schema (ratings generated from the rubric) compiles and keeps the kind's core fields,
 * and it names no competency the rubric lacks. Every error is reported at `path` (where the playbook names
 * the form), its message saying where in the form the problem is.
 */
export function checkFormFitsTask(
  kind: TaskKind,
  form: FormBody,
  rubric: RubricBody,
  path: string,
): FieldError[] {
  const at = (message: string): FieldError => ({ path, message: `form "${form.name}": ${message}` });
  if (form.taskKind && form.taskKind !== kind) return [at(`is a ${form.taskKind} form, not a ${kind} form`)];
  const effective = effectiveTaskFormSchema(kind, form.schema, rubric);
  const compiled = compileFormSchema(effective);
  if (!compiled.ok) return compiled.errors.map((error) => at(`${error.path} ${error.message}`));
  const inner = [
    ...checkCoreFields(kind, effective, '/schema'),
    ...unknownCompetencies(kind, form, rubric),
    ...checkUiSchema(effective, form.uiSchema),
  ];
  return inner.map((error) => at(`${error.path} ${error.message}`));
}

// A form may describe its rating fields itself; every one must then be a competency of the rubric.
function unknownCompetencies(kind: TaskKind, form: FormBody, rubric: RubricBody): FieldError[] {
  if (!ASSESSMENT_TASK_KINDS.includes(kind)) return [];
  const ratings = propertiesOf(form.schema)['ratings'];
  if (!ratings || !isJsonObject(ratings['properties'])) return [];
  const keys = new Set(rubric.competencies.map((competency) => competency.key));
  return Object.keys(ratings['properties'])
    .filter((key) => !keys.has(key))
    .map((key) => ({
      path: `/schema/properties/ratings/properties/${key}`,
      message: `"${key}" is not a competency of the rubric`,
    }));
}
