import type { FieldError, TaskKind } from '@coachflow/contracts';
import { type JsonSchema, propertiesOf, requiredOf } from './json-schema';
import { TASK_CORE_FIELDS } from './task-core-fields';

/** Errors for every core field of `kind` that the form's schema drops, retypes or makes optional. */
export function checkCoreFields(kind: TaskKind, schema: JsonSchema, basePath = '/schema'): FieldError[] {
  const core = TASK_CORE_FIELDS[kind];
  const properties = propertiesOf(schema);
  const required = requiredOf(schema);
  const errors: FieldError[] = [];
  for (const [name, coreField] of Object.entries(core.properties)) {
    const path = `${basePath}/properties/${name}`;
    const field = properties[name];
    if (!field) {
      errors.push({ path, message: `a ${kind} form must keep the core field "${name}"` });
    } else if (field['type'] !== coreField['type']) {
      errors.push({
        path: `${path}/type`,
        message: `must stay ${JSON.stringify(coreField['type'])} (core field of ${kind})`,
      });
    }
  }
  for (const name of core.required) {
    if (!required.includes(name))
      errors.push({
        path: `${basePath}/required`,
        message: `must include "${name}" (core field of ${kind})`,
      });
  }
  return errors;
}
