/** One invalid field of a request: `path` is a JSON pointer into the body, e.g. `/data/commitments/0/due`. */
export interface FieldError {
  path: string;
  message: string;
}

/** An error answered by the API as application/problem+json (RFC 9457). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldError[],
  ) {
    super(detail ?? title);
    this.name = 'ApiProblem';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The problem an error body describes, or a generic one when the body is not problem+json. */
export function toProblem(status: number, body: unknown): ApiProblem {
  if (!isRecord(body)) return new ApiProblem(status, `The server answered ${status}.`, undefined, []);
  const errors = Array.isArray(body['errors'])
    ? body['errors'].filter(
        (error): error is FieldError =>
          isRecord(error) && typeof error['path'] === 'string' && typeof error['message'] === 'string',
      )
    : [];
  return new ApiProblem(
    status,
    typeof body['title'] === 'string' ? body['title'] : `The server answered ${status}.`,
    typeof body['detail'] === 'string' ? body['detail'] : undefined,
    errors,
  );
}

/** What to tell a person about a failed request, in one sentence. */
export function problemMessage(error: unknown): string {
  if (error instanceof ApiProblem) {
    if (error.status === 403) return 'You are not allowed to do this.';
    if (error.status === 404) return 'This does not exist, or it is not yours to see.';
    return error.detail ?? error.title;
  }
  return 'The server cannot be reached. Check your connection and try again.';
}
