import type { ErrorSchema } from '@rjsf/utils';

/** One invalid field from the API: `path` is a JSON pointer into the request body. */
export interface FieldError {
  path: string;
  message: string;
}

function unescapePointer(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The API's field errors as rjsf's error schema, so each message shows beside its field. `prefix` is the
 * pointer of the form's data in the request body (`/data` for a task completion); errors outside it and
 * errors on the whole form land at the form's top.
 */
export function fieldErrorsToErrorSchema(errors: readonly FieldError[], prefix = '/data'): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const { path, message } of errors) {
    const inside = path === prefix || path.startsWith(`${prefix}/`);
    const tokens = inside ? path.slice(prefix.length).split('/').slice(1).map(unescapePointer) : [];
    let node = root;
    for (const token of tokens) {
      node[token] ??= {};
      node = node[token] as Record<string, unknown>;
    }
    const list = (node['__errors'] ??= []) as string[];
    list.push(message);
  }
  return root as ErrorSchema;
}
