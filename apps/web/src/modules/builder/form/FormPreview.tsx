import type { RubricBody, TaskKind } from '@coachflow/contracts';
import { effectiveTaskFormSchema, type FormDocument } from '@coachflow/forms';
import { Paper, Text, Title } from '@mantine/core';
import Form from '@rjsf/mantine';
import { customizeValidator } from '@rjsf/validator-ajv8';
import Ajv2020 from 'ajv/dist/2020';
import { memo, useMemo, useState } from 'react';

const validator = customizeValidator({ AjvClass: Ajv2020 });

/**
 * The form as the task's assignee will see it, live: an assessment form gets its ratings from the rubric.
 * Answers typed here stay while the form changes, so conditions can be tried out.
 */
export const FormPreview = memo(function FormPreview(props: {
  document: FormDocument;
  taskKind?: TaskKind;
  rubric?: RubricBody;
}) {
  const [data, setData] = useState<unknown>({});
  const schema = useMemo(
    () =>
      props.taskKind && props.rubric
        ? effectiveTaskFormSchema(props.taskKind, props.document.schema, props.rubric)
        : props.document.schema,
    [props.document.schema, props.taskKind, props.rubric],
  );
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="preview-title">
      <Title order={2} size="h5" id="preview-title">
        Preview
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        Exactly what the assignee sees. Try answers here to test the conditions; nothing is submitted.
      </Text>
      <Form
        schema={schema}
        uiSchema={{ ...props.document.uiSchema, 'ui:submitButtonOptions': { norender: true } }}
        validator={validator}
        formData={data}
        onChange={(event) => setData(event.formData)}
        liveValidate={false}
        idPrefix="preview"
      />
    </Paper>
  );
});
