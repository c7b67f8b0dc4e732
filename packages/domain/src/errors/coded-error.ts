/**
 * Base of the typed errors of each context: a stable machine-readable `code` beside a message for people,
 * so callers (the API's problem-details filter) branch on the code, never on the text.
 */
export class CodedError<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
