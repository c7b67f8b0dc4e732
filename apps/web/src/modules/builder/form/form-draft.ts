import {
  compileFormTree,
  type FormDocument,
  type FormTree,
  formTreeFromSchema,
  type JsonSchema,
} from '@coachflow/forms';
import type { FormBody, TaskKind } from '@coachflow/contracts';

/**
 * What the form builder edits: the name, and either the field tree (the visual builder) or, for a schema the
 * builder cannot represent, the raw document with the reason (edited in the JSON view only).
 */
export interface FormDraft {
  name: string;
  taskKind?: TaskKind;
  tree?: FormTree;
  raw?: FormDocument & { reason: string };
}

export function draftFromBody(body: FormBody): FormDraft {
  const read = formTreeFromSchema(body);
  const base = { name: body.name, ...(body.taskKind ? { taskKind: body.taskKind } : {}) };
  if (read.ok) return { ...base, tree: read.tree };
  return { ...base, raw: { schema: body.schema, uiSchema: body.uiSchema ?? {}, reason: read.message } };
}

/** The document a draft stands for: compiled from its tree, or its raw JSON. */
export function documentOf(draft: FormDraft): FormDocument {
  if (draft.tree) return compileFormTree(draft.tree);
  return { schema: draft.raw?.schema ?? {}, uiSchema: draft.raw?.uiSchema ?? {} };
}

/** The body saved for a draft; `document` is `documentOf(draft)`, compiled once by the caller. */
export function bodyOf(draft: FormDraft, { schema, uiSchema }: FormDocument): FormBody {
  return {
    name: draft.name,
    ...(draft.taskKind ? { taskKind: draft.taskKind } : {}),
    schema,
    ...(Object.keys(uiSchema).length > 0 ? { uiSchema: uiSchema as JsonSchema } : {}),
  };
}
