import type { FieldError } from '@coachflow/contracts';
import type { RegExpEngine } from 'ajv/dist/types';
import { RE2JS } from 're2js';
import { escapePointer } from './json-pointer';
import { isJsonObject } from './json-schema';

/**
 * The regular-expression engine for patterns an admin writes into a form: RE2's, which matches in time linear
 * in the input, so no answer can stall the API's event loop or a browser tab (`^(a+)+$` against 31 characters
 * took 9 s on JavaScript's backtracking engine). Pure JavaScript: nothing to compile at install. Plug it into
 * ajv as `code: { regExp: linearRegExp }`, on the server and in the browser alike.
 */
export const linearRegExp: RegExpEngine = Object.assign((pattern: string) => RE2JS.compile(pattern), {
  code: 'linearRegExp',
});

// Keywords whose values are data, not schemas: a "pattern" key inside them is not a pattern.
const DATA_KEYWORDS = new Set(['const', 'default', 'enum', 'examples']);

/**
 * Every `pattern` and `patternProperties` key in `schema` that the linear engine cannot run (backreferences,
 * lookaround), as errors under `basePath`: a form with one is refused when it is saved, not when it is used.
 */
export function checkLinearPatterns(schema: unknown, basePath = ''): FieldError[] {
  const errors: FieldError[] = [];
  const check = (pattern: string, path: string) => {
    try {
      RE2JS.compile(pattern);
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'cannot be compiled';
      errors.push({
        path,
        message: `must be a regular expression without backreferences or lookaround (${reason})`,
      });
    }
  };
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) return node.forEach((item, index) => visit(item, `${path}/${index}`));
    if (!isJsonObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const at = `${path}/${escapePointer(key)}`;
      if (key === 'pattern' && typeof value === 'string') check(value, at);
      else if (key === 'patternProperties' && isJsonObject(value)) {
        for (const [pattern, sub] of Object.entries(value)) {
          check(pattern, `${at}/${escapePointer(pattern)}`);
          visit(sub, `${at}/${escapePointer(pattern)}`);
        }
      } else if (!DATA_KEYWORDS.has(key)) visit(value, at);
    }
  };
  visit(schema, basePath);
  return errors;
}
