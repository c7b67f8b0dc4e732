import type { FormBody } from '@coachflow/contracts';
import { validateFormBody } from '@coachflow/forms';

/** A form body to check, numbered so the page can match the answer to its request. */
export interface FormCheckRequest {
  id: number;
  body: FormBody;
}

// The API's form validator, run here instead of on the page: it compiles the whole schema (tens of
// milliseconds on a 200-field form), and a keystroke or move that arrived meanwhile waited for it.
globalThis.onmessage = (event: MessageEvent<FormCheckRequest>) => {
  const { id, body } = event.data;
  globalThis.postMessage({ id, errors: validateFormBody(body) });
};
