import { RequestValidationException } from '#api/infrastructure/http/app.exception';

/** The stream version in an `If-Match` header (`"3"`, as the ETag gave it), or undefined without one. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match)
    throw new RequestValidationException([
      { path: '/if-match', message: 'must be an ETag this API gave out' },
    ]);
  return Number(match[1]);
}
