import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { installLatencyProbe } from './latency-probe';
import { EDITED_FIELD, questionLabel, renderable, twoHundredFieldDocument } from './two-hundred-fields';

/**
 * The baseline: plain @rjsf/core with its default theme on the same 200-field schema. Above it, a label
 * input and move up/down buttons change the schema the way the builder does (a field's title, `ui:order`), so a
 * plain rjsf re-render of the edited schema is timed the same way as the builder's.
 */
function PlainRjsf() {
  const [document, setDocument] = useState(() => renderable(twoHundredFieldDocument()));
  const order = document.uiSchema['ui:order'] as string[];
  const key = order.find((candidate) => candidate === `question${EDITED_FIELD + 1}`)!;
  const title = (document.schema.properties?.[key] as { title?: string } | undefined)?.title ?? '';
  const setTitle = (next: string) =>
    setDocument(({ schema, uiSchema }) => ({
      schema: {
        ...schema,
        properties: { ...schema.properties, [key]: { ...(schema.properties?.[key] as object), title: next } },
      },
      uiSchema,
    }));
  const move = (by: number) =>
    setDocument(({ schema, uiSchema }) => {
      const from = order.indexOf(key);
      const next = [...order];
      next.splice(from, 1);
      next.splice(Math.min(Math.max(0, from + by), next.length), 0, key);
      return { schema, uiSchema: { ...uiSchema, 'ui:order': next } };
    });
  return (
    <main>
      <label>
        Label <input value={title} onChange={(event) => setTitle(event.currentTarget.value)} />
      </label>
      <button type="button" onClick={() => move(-1)}>
        Move {questionLabel(EDITED_FIELD)} up
      </button>
      <button type="button" onClick={() => move(1)}>
        Move {questionLabel(EDITED_FIELD)} down
      </button>
      <Form schema={document.schema} uiSchema={document.uiSchema} validator={validator} />
    </main>
  );
}

installLatencyProbe();
createRoot(window.document.getElementById('root')!).render(
  <StrictMode>
    <PlainRjsf />
  </StrictMode>,
);
