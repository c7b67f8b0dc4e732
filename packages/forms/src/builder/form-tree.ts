import type { TaskKind } from '@coachflow/contracts';
import type { JsonSchema } from '../json-schema';

/**
 * The builder's model of a form: an ordered list of fields, each a node the palette made. It compiles to a
 * JSON Schema plus a uiSchema (compileFormTree) and is read back from them (formTreeFromSchema); nothing
 * else is stored, so the schema stays the one source of truth the API validates.
 */
export interface FormTree {
  /** The task kind the form serves: its core fields are locked into the tree. */
  taskKind?: TaskKind;
  /** Shown above the form; empty for none. */
  title: string;
  description: string;
  fields: FieldNode[];
}

/** One "show when" rule; a field's rules are joined by AND. */
export type Condition =
  | { field: string; op: 'is'; value: string | number | boolean }
  | { field: string; op: 'is-one-of'; value: string[] }
  | { field: string; op: 'is-at-least'; value: number };

export type ConditionOperator = Condition['op'];

interface Common {
  /** The property name in the form's data; unique in its list. */
  key: string;
  /** Empty means no title (the key is shown). */
  label: string;
  /** Help text under the label; empty for none. */
  help: string;
}

interface Answerable extends Common {
  required: boolean;
}

export interface ShortTextField extends Answerable {
  kind: 'short-text' | 'long-text';
  placeholder: string;
  minLength?: number;
  maxLength?: number;
  default?: string;
}

export interface NumberField extends Answerable {
  kind: 'number';
  integer: boolean;
  placeholder: string;
  minimum?: number;
  maximum?: number;
  default?: number;
}

/** A rating's points, each optionally labelled; `fromRubric` keeps it in step with the playbook's rubric. */
export interface RatingScale {
  fromRubric: boolean;
  min: number;
  max: number;
  /** Point (as a string) to its label; points without a label are absent. */
  labels: Record<string, string>;
}

export interface RatingField extends Answerable {
  kind: 'rating';
  scale: RatingScale;
  default?: number;
}

export interface SingleChoiceField extends Answerable {
  kind: 'single-choice';
  widget: 'radio' | 'select';
  options: string[];
  default?: string;
}

export interface MultipleChoiceField extends Answerable {
  kind: 'multiple-choice';
  options: string[];
  minItems?: number;
  maxItems?: number;
  default?: string[];
}

export interface YesNoField extends Answerable {
  kind: 'yes-no';
  widget: 'radio' | 'checkbox';
  default?: boolean;
}

export interface DateField extends Answerable {
  kind: 'date';
  default?: string;
}

/** A heading with text between fields; it asks nothing. */
export interface HeadingField extends Common {
  kind: 'heading';
}

/** A field a repeating group's item can hold. */
export type ItemField =
  | ShortTextField
  | NumberField
  | RatingField
  | SingleChoiceField
  | MultipleChoiceField
  | YesNoField
  | DateField;

/** A list of items, each with the same fields (e.g. commitments). */
export interface GroupField extends Answerable {
  kind: 'group';
  minItems?: number;
  maxItems?: number;
  fields: ItemField[];
}

/**
 * A field the task kind requires (packages/forms TASK_CORE_FIELDS), locked: its type and its being required
 * are fixed; only its label and help are the admin's. `ui` is its uiSchema, kept as it is.
 */
export interface CoreField extends Common {
  kind: 'core';
  ui?: JsonSchema;
}

export type TopField = ItemField | HeadingField | GroupField;

/** A field of the form's top level; every one but a core field may carry conditions. */
export type FieldNode = (TopField & { conditions: Condition[] }) | CoreField;

export type FieldKind = FieldNode['kind'];
