/** One invalid field: `path` is a JSON pointer into the request body, e.g. `/data/commitments/0/due`. */
export interface FieldError {
  path: string;
  message: string;
}

/** An error body, `application/problem+json` (RFC 9457). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  /** A sign-in whose password fits users of several organisations (409): the ones to choose from. */
  organisations?: { id: string; name: string }[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
