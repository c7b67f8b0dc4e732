import { TASK_KINDS, type TaskKind } from '@coachflow/contracts';
import fc from 'fast-check';
import { validateFormBody } from '../validate-form-body';
import { checkFormTree } from './check-form-tree';
import { compileFormTree, type FormDocument } from './compile-form-tree';
import { coreFieldNodes } from './core-field-nodes';
import type { Condition, FieldNode, FormTree, ItemField, RatingScale } from './form-tree';
import { formTreeFromSchema } from './form-tree-from-schema';

// Any text a person may type, but no NUL (nothing the API stores may hold one).
const text = (maxLength = 24) =>
  fc.string({ unit: 'grapheme', maxLength }).filter((value) => !value.includes('\u0000'));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const KEYS = Array.from({ length: 24 }, (_, index) => `field_${index}`);

function omitUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

function range(gen: fc.GeneratorValue, low = 0, high = 1000): { min?: number; max?: number } {
  const min = gen(() => maybe(fc.integer({ min: low, max: high })));
  const max = gen(() => maybe(fc.integer({ min: min ?? low, max: high })));
  return { min, max };
}

function scale(gen: fc.GeneratorValue): RatingScale {
  const min = gen(() => fc.integer({ min: 0, max: 5 }));
  const max = gen(() => fc.integer({ min: min + 1, max: min + 10 }));
  const labels: Record<string, string> = {};
  for (let point = min; point <= max; point++) {
    const label = gen(() => maybe(text(12).filter(Boolean)));
    if (label) labels[String(point)] = label;
  }
  return { fromRubric: gen(() => fc.boolean()), min, max, labels };
}

function options(gen: fc.GeneratorValue): string[] {
  return gen(() =>
    fc.uniqueArray(
      text(12).filter((value) => value.trim() !== ''),
      { minLength: 1, maxLength: 6 },
    ),
  );
}

function itemField(gen: fc.GeneratorValue, key: string): ItemField {
  const base = { key, label: gen(() => text()), help: gen(() => text()), required: gen(() => fc.boolean()) };
  const kind = gen(() =>
    fc.constantFrom(
      ...([
        'short-text',
        'long-text',
        'number',
        'rating',
        'single-choice',
        'multiple-choice',
        'yes-no',
        'date',
      ] as const),
    ),
  );
  switch (kind) {
    case 'short-text':
    case 'long-text': {
      const { min, max } = range(gen, 0, 500);
      const fallback = gen(() => maybe(text(8)));
      const fits =
        fallback !== undefined && fallback.length >= (min ?? 0) && fallback.length <= (max ?? Infinity);
      return omitUndefined({
        kind,
        ...base,
        placeholder: gen(() => text()),
        minLength: min,
        maxLength: max,
        default: fits ? fallback : undefined,
      });
    }
    case 'number': {
      const { min, max } = range(gen, -1000, 1000);
      const integer = gen(() => fc.boolean());
      const fallback = gen(() => maybe(fc.integer({ min: min ?? -1000, max: max ?? 1000 })));
      return omitUndefined({
        kind,
        ...base,
        integer,
        placeholder: gen(() => text()),
        minimum: min,
        maximum: max,
        default: fallback,
      });
    }
    case 'rating': {
      const points = scale(gen);
      return omitUndefined({
        kind,
        ...base,
        scale: points,
        default: gen(() => maybe(fc.integer({ min: points.min, max: points.max }))),
      });
    }
    case 'single-choice': {
      const choices = options(gen);
      return omitUndefined({
        kind,
        ...base,
        widget: gen(() => fc.constantFrom('radio' as const, 'select' as const)),
        options: choices,
        default: gen(() => maybe(fc.constantFrom(...choices))),
      });
    }
    case 'multiple-choice': {
      const choices = options(gen);
      const { min, max } = range(gen, 0, choices.length);
      return omitUndefined({
        kind,
        ...base,
        options: choices,
        minItems: min,
        maxItems: max,
        default: gen(() => maybe(fc.subarray(choices))),
      });
    }
    case 'yes-no':
      return omitUndefined({
        kind,
        ...base,
        widget: gen(() => fc.constantFrom('radio' as const, 'checkbox' as const)),
        default: gen(() => maybe(fc.boolean())),
      });
    case 'date':
      return omitUndefined({
        kind,
        ...base,
        default: gen(() => maybe(fc.constantFrom('2026-01-31', '2027-12-01'))),
      });
  }
}

// A rule on an earlier field the builder lets a condition test, with a value that field can hold.
function condition(gen: fc.GeneratorValue, source: FieldNode): Condition | undefined {
  switch (source.kind) {
    case 'yes-no':
      return { field: source.key, op: 'is', value: gen(() => fc.boolean()) };
    case 'number':
    case 'rating': {
      const value = gen(() => fc.integer({ min: -5, max: 50 }));
      return gen(() => fc.boolean())
        ? { field: source.key, op: 'is-at-least', value }
        : { field: source.key, op: 'is', value };
    }
    case 'single-choice':
      return gen(() => fc.boolean())
        ? { field: source.key, op: 'is', value: gen(() => fc.constantFrom(...source.options)) }
        : {
            field: source.key,
            op: 'is-one-of',
            value: gen(() => fc.subarray(source.options, { minLength: 1 })),
          };
    case 'short-text':
      return gen(() => fc.boolean())
        ? { field: source.key, op: 'is', value: gen(() => text()) }
        : {
            field: source.key,
            op: 'is-one-of',
            value: gen(() => fc.array(text(), { minLength: 1, maxLength: 3 })),
          };
    case 'date':
      return { field: source.key, op: 'is', value: '2026-01-31' };
    default:
      return undefined;
  }
}

/** Every tree the builder can make: any task kind (or none) with its locked core fields, any palette fields. */
const formTreeArbitrary: fc.Arbitrary<FormTree> = fc.gen().map((gen) => {
  const taskKind = gen(() => maybe(fc.constantFrom(...TASK_KINDS))) as TaskKind | undefined;
  const keys = gen(() => fc.subarray(KEYS, { maxLength: 8 }));
  const fields: FieldNode[] = [];
  for (const key of keys) {
    const kind = gen(() => fc.integer({ min: 0, max: 9 }));
    let node: FieldNode;
    if (kind === 0)
      node = { kind: 'heading', key, label: gen(() => text()), help: gen(() => text()), conditions: [] };
    else if (kind === 1) {
      const itemKeys = gen(() => fc.subarray(KEYS, { minLength: 1, maxLength: 4 }));
      const { min, max } = range(gen, 0, 20);
      node = omitUndefined({
        kind: 'group' as const,
        key,
        label: gen(() => text()),
        help: gen(() => text()),
        required: gen(() => fc.boolean()),
        minItems: min,
        maxItems: max,
        fields: itemKeys.map((itemKey) => itemField(gen, itemKey)),
        conditions: [],
      });
    } else node = { ...itemField(gen, key), conditions: [] };
    const sources = gen(() => fc.subarray(fields, { maxLength: Math.min(3, fields.length) }));
    node.conditions = sources.flatMap((source) => condition(gen, source) ?? []);
    fields.push(node);
  }
  for (const core of coreFieldNodes(taskKind)) {
    const at = gen(() => fc.integer({ min: 0, max: fields.length }));
    const ui = gen(() => maybe(fc.constant({ 'ui:options': { note: 'kept as it is' } })));
    fields.splice(at, 0, {
      ...core,
      label: gen(() => text()),
      help: gen(() => text()),
      ...(ui ? { ui } : {}),
    });
  }
  return {
    ...(taskKind ? { taskKind } : {}),
    title: gen(() => text()),
    description: gen(() => text()),
    fields,
  };
});

// Postgres jsonb keeps no key order: a stored form comes back with its objects' keys reordered.
function reorderKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((item, index) => reorderKeys(item, seed + index));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  entries.sort(
    ([a], [b]) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7) || b.localeCompare(a),
  );
  return Object.fromEntries(entries.map(([key, item]) => [key, reorderKeys(item, seed + 1)]));
}

describe('the builder tree ⇄ schema', () => {
  it('compiles every tree it can make to a form the API accepts, and reads the same tree back', () => {
    fc.assert(
      fc.property(formTreeArbitrary, fc.nat(), (tree, seed) => {
        expect(checkFormTree(tree)).toEqual([]);
        const { schema, uiSchema } = compileFormTree(tree);
        expect(validateFormBody({ name: 'Form', taskKind: tree.taskKind, schema, uiSchema })).toEqual([]);
        const stored = JSON.parse(JSON.stringify(reorderKeys({ schema, uiSchema }, seed))) as FormDocument;
        const read = formTreeFromSchema({ taskKind: tree.taskKind, ...stored });
        expect(read).toEqual({ ok: true, tree });
      }),
      { numRuns: 200, endOnFailure: true },
    );
  });
});
