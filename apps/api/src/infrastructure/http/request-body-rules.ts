import type { FieldError } from '@coachflow/contracts';
import { escapePointer } from '@coachflow/forms';

/**
 * How deep a request body may nest. Forms nest at most 32 levels inside their body; anything deeper is an
 * attack on the recursive code behind the edge (JSON Schema compilers, Postgres jsonb), not data.
 */
export const MAX_BODY_DEPTH = 64;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What makes `text` unstorable (Postgres text and jsonb refuse NUL; a lone surrogate is no character). */
function unstorable(text: string): string | null {
  if (text.includes('\u0000')) return 'the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'a lone surrogate (half of a UTF-16 pair)';
  return null;
}

/**
 * The one text and depth rule for every request body: every string and every key must be text that
 * Postgres, the event store and Temporal can hold, and the body nests at most MAX_BODY_DEPTH levels. Returns
 * the first breach with a JSON pointer to it (for a bad key, the member it names), or null. Iterative, so a
 * body nested 100,000 levels deep costs a walk, not a stack overflow.
 */
export function bodyRuleBreach(body: unknown): FieldError | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, path, depth } = next;
    if (typeof value === 'string') {
      const problem = unstorable(value);
      if (problem) return { path: path || '/', message: `must not contain ${problem}` };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH)
      return { path: path || '/', message: `must nest at most ${MAX_BODY_DEPTH} levels` };
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value);
    // Pushed in reverse, so the first breach in document order is the one reported.
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, child] = entries[index]!;
      const at = `${path}/${escapePointer(key)}`;
      const keyProblem = Array.isArray(value) ? null : unstorable(key);
      if (keyProblem) return { path: path || '/', message: `must not have a key containing ${keyProblem}` };
      stack.push({ value: child, path: at, depth: depth + 1 });
    }
  }
  return null;
}
