import type { FieldError } from '@coachflow/contracts';
import { validateFormBody } from '@coachflow/forms';
import { useMemo } from 'react';
import { useDeferredCheck } from '../shared/useDeferredCheck';
import { bodyOf, documentOf, type FormDraft } from './form-draft';

const NO_ERRORS: FieldError[] = [];
// Short: the check runs before the autosave's own delay starts.
const CHECK_DELAY_MS = 150;

/**
 * A draft's compiled document and body, and the API's validator run on the body just after the last edit
 * (it compiles the whole schema, longer than a keystroke on a large form). `current`: the errors are the
 * body's as it is now.
 */
export function useCheckedDraft(draft: FormDraft) {
  const document = useMemo(() => documentOf(draft), [draft]);
  const body = useMemo(() => bodyOf(draft), [draft]);
  const checked = useDeferredCheck(body, validateFormBody, CHECK_DELAY_MS);
  return { document, body, apiErrors: checked.result ?? NO_ERRORS, current: checked.current };
}
