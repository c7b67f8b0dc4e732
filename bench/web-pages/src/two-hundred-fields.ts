import {
  compileFormTree,
  type FieldNode,
  fieldKeyFromLabel,
  type FormDocument,
  type FormTree,
  newField,
  type PaletteKind,
} from '@coachflow/forms';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';

export const FIELD_COUNT = 200;

/** Mostly one-line answers, as task forms are, with every other kind of input among them. */
const KINDS: readonly PaletteKind[] = [
  'short-text',
  'short-text',
  'short-text',
  'number',
  'long-text',
  'single-choice',
  'yes-no',
  'date',
];

/** The field the builder benchmark edits and moves, and its rjsf baseline too (bench/src/builder.bench.ts). */
export const EDITED_FIELD = 100;

export const questionLabel = (index: number) => `Question ${index + 1}`;

/** The benchmarks' form: 200 fields as the builder makes them ("Question 1" … "Question 200"). */
export function twoHundredFieldTree(): FormTree {
  const fields: FieldNode[] = [];
  for (let index = 0; index < FIELD_COUNT; index++) {
    const taken = fields.map((field) => field.key);
    const label = questionLabel(index);
    const field = newField(KINDS[index % KINDS.length]!, taken);
    fields.push({ ...field, label, key: fieldKeyFromLabel(label, taken) });
  }
  return { title: 'Benchmark form', description: '', fields };
}

/** The tree compiled as the API stores it, without `$schema`, which rjsf's ajv has no meta-schema for. */
export function renderable(document: FormDocument): { schema: RJSFSchema; uiSchema: UiSchema } {
  const { $schema: _dialect, ...schema } = document.schema;
  return { schema: schema as RJSFSchema, uiSchema: document.uiSchema as UiSchema };
}

export const twoHundredFieldDocument = () => compileFormTree(twoHundredFieldTree());
