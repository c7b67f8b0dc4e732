import type { RubricBody, TaskKind } from '@coachflow/contracts';
import { effectiveTaskFormSchema, type FormDocument, type JsonSchema } from '@coachflow/forms';
import { Paper, Text, Title } from '@mantine/core';
import type { RJSFSchema } from '@rjsf/utils';
import { memo, useMemo, useRef, useState } from 'react';
import { type FormContext, FormRenderer } from '#web/modules/forms';
import { sameButOrder } from './same-but-order';

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
