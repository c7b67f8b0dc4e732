import type { FieldError, FormBody } from '@coachflow/contracts';
import { useMemo } from 'react';
import { useDeferredCheck } from '../shared/useDeferredCheck';
import { checkFormBody } from './check-form-body';
import { bodyOf, documentOf, type FormDraft } from './form-draft';
import { sameBodyButOrder } from './same-but-order';

const NO_ERRORS: FieldError[] = [];
// Short: the check runs before the autosave's own delay starts.
const CHECK_DELAY_MS = 150;

/**
 * A valid body with its fields reordered is valid (`sameBodyButOrder`): a move is not checked again. Not
 * so for errors, whose paths can point at positions (`allOf/3`).
 */
const validStillAfterMove = (checked: FormBody, body: FormBody, errors: readonly FieldError[]) =>
  errors.length === 0 && sameBodyButOrder(checked, body);

/**
 * A draft's compiled document and body, and the API's validator run on the body just after the last edit,
 * in a worker (it compiles the whole schema, longer than a keystroke on a large form). `current`: the
 * errors are the body's as it is now.
 */
export function useCheckedDraft(draft: FormDraft) {
  // Compiled once per change of the fields (not of the name), and the body built from that.
  const { tree, raw, name, taskKind } = draft;
  const document = useMemo(() => documentOf({ name: '', tree, raw }), [tree, raw]);
  const body = useMemo(() => bodyOf({ name, taskKind }, document), [name, taskKind, document]);
  const checked = useDeferredCheck(body, checkFormBody, CHECK_DELAY_MS, validStillAfterMove);
  // No errors are the same empty list each time, so the builder's issues stay as they were.
  const apiErrors = checked.result?.length ? checked.result : NO_ERRORS;
  return { document, body, apiErrors, current: checked.current };
}
