import type { RubricBody, TaskKind } from '@coachflow/contracts';
import { effectiveTaskFormSchema, type FormDocument } from '@coachflow/forms';
import { Paper, Text, Title } from '@mantine/core';
import type { RJSFSchema } from '@rjsf/utils';
import { memo, useMemo, useState } from 'react';
import { type FormContext, FormRenderer } from '#web/modules/forms';

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
  const schema = useMemo(
    () =>
      (props.taskKind && props.rubric
        ? effectiveTaskFormSchema(props.taskKind, document.schema, props.rubric)
        : document.schema) as RJSFSchema,
    [document.schema, props.taskKind, props.rubric],
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
