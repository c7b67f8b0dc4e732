import type { FieldError, ProblemDetails } from '@coachflow/contracts';

/**
 * Base of every context's typed exception (`PeopleException`, `CyclesException`, ...). The problem-details
 * filter turns it into an RFC 9457 body; the message is written for the API's user, never internal.
 */
export abstract class AppException extends Error {
  abstract readonly status: number;
  /** Short, stable slug that becomes the problem `type` URI. */
  abstract readonly slug: string;
  readonly errors?: FieldError[];
  /** Extension members of the problem body (RFC 9457), e.g. the organisations to choose from. */
  extensions?: Pick<ProblemDetails, 'organisations'>;

  constructor(message: string, errors?: FieldError[]) {
    super(message);
    this.name = new.target.name;
    if (errors) this.errors = errors;
  }
}

/** The request body (or query) does not match its schema. */
export class RequestValidationException extends AppException {
  readonly status = 400;
  readonly slug = 'invalid-request';

  constructor(errors: FieldError[]) {
    super('The request is not valid; see errors for each field.', errors);
  }
}

/**
 * Builds the base class of a context's typed exception from its status table, so each context declares
 * only its codes and their statuses: `class PeopleException extends codedAppException(STATUS) {}`. The
 * code doubles as the problem `type` slug, and the table being a full `Record` makes a new code without
 * a status a compile error.
 */
export function codedAppException<Code extends string>(statuses: Readonly<Record<Code, number>>) {
  return class extends AppException {
    readonly status: number;
    readonly slug: string;

    constructor(
      readonly code: Code,
      message: string,
      errors?: FieldError[],
    ) {
      super(message, errors);
      this.status = statuses[code];
      this.slug = code;
    }
  };
}
