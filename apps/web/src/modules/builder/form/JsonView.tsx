import type { FieldError, TaskKind } from '@coachflow/contracts';
import { type FormDocument, formTreeFromSchema, type FormTree, validateFormBody } from '@coachflow/forms';
import { Alert, Grid, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

type Parsed = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

function parse(text: string): Parsed {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { ok: false, message: 'must be a JSON object ({ … })' };
    return { ok: true, value: value as Record<string, unknown> };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : 'is not JSON' };
  }
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** "1 problem", "3 problems". */
export const problemCount = (count: number) => `${count} problem${count === 1 ? '' : 's'}`;
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** JSON typed in the view that is not the form: it does not parse or the API's validators refuse it. */
export interface UnusedJson {
  schemaText: string;
  uiText: string;
  errors: FieldError[];
}

/**
 * The schema and uiSchema as editable JSON, checked as you type with the API's own validators. A valid
 * document the builder can represent updates the fields; one it cannot stays a raw document, edited here.
 * Text that is not valid yet is kept as typed and never replaces the saved form: it goes to `onUnused`,
 * and comes back through `unused` when the view opens again (after a visit to the Build tab).
 */
export function JsonView(props: {
  document: FormDocument;
  taskKind?: TaskKind;
  name: string;
  reason?: string;
  unused: UnusedJson | null;
  onUnused: (unused: UnusedJson | null) => void;
  onValid: (next: { tree: FormTree } | { raw: FormDocument & { reason: string } }) => void;
}) {
  const [schemaText, setSchemaText] = useState(
    () => props.unused?.schemaText ?? pretty(props.document.schema),
  );
  const [uiText, setUiText] = useState(() => props.unused?.uiText ?? pretty(props.document.uiSchema));
  const [errors, setErrors] = useState<FieldError[]>(() => props.unused?.errors ?? []);
  const editing = useRef(false);
  const holdsUnused = props.unused !== null;

  // An undo or a change made in the visual builder shows here, unless someone is typing in this view or
  // what they typed is not in the form yet.
  useEffect(() => {
    if (editing.current || holdsUnused) return;
    setSchemaText(pretty(props.document.schema));
    setUiText(pretty(props.document.uiSchema));
    setErrors([]);
  }, [props.document, holdsUnused]);

  const check = (nextSchema: string, nextUi: string) => {
    const schema = parse(nextSchema);
    const ui = parse(nextUi);
    const found: FieldError[] = [];
    if (!schema.ok) found.push({ path: '/schema', message: `is not valid JSON: ${schema.message}` });
    if (!ui.ok) found.push({ path: '/uiSchema', message: `is not valid JSON: ${ui.message}` });
    if (schema.ok && ui.ok) {
      const body = {
        name: props.name,
        ...(props.taskKind ? { taskKind: props.taskKind } : {}),
        schema: schema.value,
        uiSchema: ui.value,
      };
      found.push(...validateFormBody(body));
      if (found.length === 0) {
        const read = formTreeFromSchema(body);
        props.onValid(
          read.ok
            ? { tree: read.tree }
            : { raw: { schema: schema.value, uiSchema: ui.value, reason: read.message } },
        );
      }
    }
    setErrors(found);
    props.onUnused(found.length > 0 ? { schemaText: nextSchema, uiText: nextUi, errors: found } : null);
  };

  const errorsAt = (root: string) =>
    errors
      .filter((error) => error.path === root || error.path.startsWith(`${root}/`))
      .map((error) => `${error.path}: ${error.message}`);

  return (
    <div onFocus={() => (editing.current = true)} onBlur={() => (editing.current = false)}>
      {props.reason && (
        <Alert color="yellow" title="Edited as JSON" mb="sm">
          This form uses JSON Schema the visual builder cannot show as fields ({props.reason}). It opens here
          unchanged; edit it as JSON, or rebuild it with the builder’s fields.
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Textarea
            label="Schema (JSON Schema)"
            autosize
            minRows={16}
            maxRows={40}
            spellCheck={false}
            styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
            value={schemaText}
            error={errorsAt('/schema').join('\n') || undefined}
            onChange={(event) => {
              setSchemaText(event.currentTarget.value);
              check(event.currentTarget.value, uiText);
            }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Textarea
            label="uiSchema"
            autosize
            minRows={16}
            maxRows={40}
            spellCheck={false}
            styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
            value={uiText}
            error={errorsAt('/uiSchema').join('\n') || undefined}
            onChange={(event) => {
              setUiText(event.currentTarget.value);
              check(schemaText, event.currentTarget.value);
            }}
          />
        </Grid.Col>
      </Grid>
      <Text size="xs" c="dimmed" mt={4} role="status">
        {errors.length === 0
          ? 'Valid: the form uses what you see here.'
          : `${capitalized(problemCount(errors.length))}; the form keeps its last valid version until they are fixed.`}
      </Text>
    </div>
  );
}
