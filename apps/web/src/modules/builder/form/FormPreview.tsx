import type { RubricBody, TaskKind } from '@coachflow/contracts';
import { effectiveTaskFormSchema, type FormDocument, type JsonSchema } from '@coachflow/forms';
import { Paper, Text, Title } from '@mantine/core';
import { deepEquals, type RJSFSchema } from '@rjsf/utils';
import { memo, useMemo, useRef, useState } from 'react';
import { type FormContext, FormRenderer } from '#web/modules/forms';

/** Whether two lists hold the same entries (deep), in any order. */
function sameEntries(before: readonly unknown[], after: readonly unknown[]): boolean {
  if (before.length !== after.length) return false;
  const left = [...before];
  return after.every((entry) => {
    const at = left.findIndex((candidate) => deepEquals(candidate, entry));
    return at >= 0 && left.splice(at, 1).length === 1;
  });
}

/**
 * Whether two compiled schemas differ at most in the order of things: of their properties (deepEquals
 * ignores key order), required names and `allOf` entries (one per conditional field), all of which a move
 * reorders. The form's order is its uiSchema's `ui:order`, so such schemas render the same.
 */
export function sameButOrder(before: JsonSchema, after: JsonSchema): boolean {
  const { required: requiredBefore, allOf: allOfBefore, ...restBefore } = before;
  const { required: requiredAfter, allOf: allOfAfter, ...restAfter } = after;
  const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
  return (
    deepEquals(restBefore, restAfter) &&
    Array.isArray(requiredBefore) === Array.isArray(requiredAfter) &&
    Array.isArray(allOfBefore) === Array.isArray(allOfAfter) &&
    sameEntries(list(requiredBefore), list(requiredAfter)) &&
    sameEntries(list(allOfBefore), list(allOfAfter))
  );
}

/** Whether `ui:order` names every field, so the order of the schema's own properties shows nowhere. */
function ordersEveryField(uiSchema: JsonSchema): boolean {
  const order = uiSchema['ui:order'];
  return Array.isArray(order) && !order.includes('*');
}

/**
 * The schema shown last while a new one differs only in order (`sameButOrder`) and the uiSchema orders the
 * fields: a move then hands the form a new `ui:order` and the same schema, as plain rjsf's reorder does, and
 * rjsf keeps what it derived from the schema instead of resolving every field again.
 */
function useSchemaUpToOrder({ schema, uiSchema }: FormDocument): JsonSchema {
  const shown = useRef(schema);
  if (shown.current !== schema && !(ordersEveryField(uiSchema) && sameButOrder(shown.current, schema)))
    shown.current = schema;
  return shown.current;
}

/**
 * The form as the task's assignee will see it, live, through the task page's own renderer and widgets: an
 * assessment form gets its ratings from the rubric. Answers typed here stay while the form changes, so
 * conditions can be tried out.
 */
export const FormPreview = memo(function FormPreview(props: {
  document: FormDocument;
  taskKind?: TaskKind;
  rubric?: RubricBody;
}) {
  const [data, setData] = useState<Record<string, unknown>>({});
  const { document } = props;
  const formSchema = useSchemaUpToOrder(document);
  const schema = useMemo(
    () =>
      (props.taskKind && props.rubric
        ? effectiveTaskFormSchema(props.taskKind, formSchema, props.rubric)
        : formSchema) as RJSFSchema,
    [formSchema, props.taskKind, props.rubric],
  );
  const context = useMemo<FormContext>(() => ({ rubric: props.rubric }), [props.rubric]);
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="preview-title">
      <Title order={2} size="h5" id="preview-title">
        Preview
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        Exactly what the assignee sees. Try answers here to test the conditions; nothing is submitted.
      </Text>
      <FormRenderer
        schema={schema}
        uiSchema={document.uiSchema}
        kind={props.taskKind}
        initialData={data}
        context={context}
        onChange={setData}
        preview
      />
    </Paper>
  );
});
