import { Injectable, type PipeTransform } from '@nestjs/common';
import { ajvErrorsToFieldErrors } from '@coachflow/forms';
import type { Static, TSchema } from '@sinclair/typebox';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { RequestValidationException } from './app.exception';

// One compiler for the process: schemas compile once and are cached by identity.
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const compiled = new WeakMap<TSchema, ValidateFunction>();

function validatorFor(schema: TSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Validates a request body against a contracts schema: `@Body(new JsonSchemaPipe(LoginRequest))`. */
@Injectable()
export class JsonSchemaPipe<T extends TSchema> implements PipeTransform<unknown, Static<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): Static<T> {
    const validate = validatorFor(this.schema);
    if (!validate(value)) throw new RequestValidationException(ajvErrorsToFieldErrors(validate.errors));
    return value as Static<T>;
  }
}
