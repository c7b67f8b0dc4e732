import type { FieldError, FormBody } from '@coachflow/contracts';
import { validateFormBody } from '@coachflow/forms';
import type { FormCheckRequest } from './form-check.worker';

interface FormCheckAnswer {
  id: number;
  errors: FieldError[];
}

let worker: Worker | undefined;
let workerFailed = typeof Worker === 'undefined';
let lastId = 0;
const waiting = new Map<number, { body: FormBody; resolve: (errors: FieldError[]) => void }>();

/** Checks on the page from now on, answering the checks the worker had not answered. */
function giveUpOnWorker() {
  workerFailed = true;
  worker?.terminate();
  worker = undefined;
  for (const { body, resolve } of waiting.values()) resolve(validateFormBody(body));
  waiting.clear();
}

function formCheckWorker(): Worker | undefined {
  if (workerFailed) return undefined;
  if (!worker) {
    try {
      worker = new Worker(new URL('./form-check.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      giveUpOnWorker();
      return undefined;
    }
    worker.onmessage = (event: MessageEvent<FormCheckAnswer>) => {
      waiting.get(event.data.id)?.resolve(event.data.errors);
      waiting.delete(event.data.id);
    };
    worker.onerror = giveUpOnWorker;
  }
  return worker;
}

/**
 * The API's form validator (`validateFormBody`) on a form body, in a worker, so a large form's check never
 * holds up typing on the page; on the page itself where a worker cannot run.
 */
export function checkFormBody(body: FormBody): Promise<FieldError[]> {
  const checker = formCheckWorker();
  if (!checker) return Promise.resolve(validateFormBody(body));
  const id = ++lastId;
  return new Promise((resolve) => {
    waiting.set(id, { body, resolve });
    checker.postMessage({ id, body } satisfies FormCheckRequest);
  });
}
