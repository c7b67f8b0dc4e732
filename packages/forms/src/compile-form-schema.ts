import type { FieldError } from '@coachflow/contracts';
import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ajvErrorsToFieldErrors } from './ajv-errors-to-field-errors';
import { isJsonObject } from './json-schema';
import { checkLinearPatterns, linearRegExp } from './linear-reg-exp';

export const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';
export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** Forms are small documents: anything larger is a mistake or an attack, not a form. */
export const MAX_SCHEMA_BYTES = 256 * 1024;
export const MAX_SCHEMA_DEPTH = 32;

export type CompiledForm = { ok: true; validate: ValidateFunction } | { ok: false; errors: FieldError[] };

/**
 * Options for every ajv that runs a form: rjsf's own keywords (enumNames, ui hints) are not errors, so strict
 * mode is off; patterns run on the linear engine; and validation stops at the first error, so the work and
 * the answer stay small however much bad data comes in (300,000 empty items once cost 1.5 s and 38 MB).
 */
export const FORM_AJV_OPTIONS = { allErrors: false, strict: false, code: { regExp: linearRegExp } } as const;

// One compiler per draft.
const compilers = {
  '2020-12': addFormats(new Ajv2020(FORM_AJV_OPTIONS)),
  '07': addFormats(new Ajv(FORM_AJV_OPTIONS)),
};

function depth(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depth(child));
  return deepest + 1;
}

/**
 * Checks that `schema` is a JSON Schema (draft 2020-12, or draft-07 when it says so or says nothing) for an
 * object, within size limits, and compiles it. Error paths are JSON pointers under `basePath`.
 */
export function compileFormSchema(schema: unknown, basePath = ''): CompiledForm {
  const fail = (path: string, message: string): CompiledForm => ({
    ok: false,
    errors: [{ path: `${basePath}${path}` || '/', message }],
  });
  if (!isJsonObject(schema)) return fail('', 'must be a JSON Schema object');
  if (JSON.stringify(schema).length > MAX_SCHEMA_BYTES)
    return fail('', `must be at most ${MAX_SCHEMA_BYTES / 1024} KiB`);
  if (depth(schema) > MAX_SCHEMA_DEPTH) return fail('', `must nest at most ${MAX_SCHEMA_DEPTH} levels`);
  const declared = schema['$schema'];
  const draft =
    declared === undefined || declared === DRAFT_07
      ? '07'
      : declared === DRAFT_2020_12
        ? '2020-12'
        : undefined;
  if (!draft) return fail('/$schema', `must be ${DRAFT_2020_12} or ${DRAFT_07}`);
  if (schema['type'] !== 'object') return fail('/type', 'must be "object": a form edits one object');

  const ajv = compilers[draft];
  if (!ajv.validateSchema(schema)) {
    return { ok: false, errors: ajvErrorsToFieldErrors(ajv.errors, basePath) };
  }
  const patternErrors = checkLinearPatterns(schema, basePath);
  if (patternErrors.length > 0) return { ok: false, errors: patternErrors };
  try {
    // Not cached by ajv's schema id: the same $id may be published in several versions.
    const { $id: _ignored, ...anonymous } = schema;
    const validate = ajv.compile(anonymous);
    // ajv keeps every schema it compiled, keyed by the object; each call brings a new one, so letting it
    // keep them grew memory with every form checked (every keystroke in the builder).
    ajv.removeSchema(anonymous);
    return { ok: true, validate };
  } catch (error) {
    return fail('', error instanceof Error ? error.message : 'cannot be compiled');
  }
}
