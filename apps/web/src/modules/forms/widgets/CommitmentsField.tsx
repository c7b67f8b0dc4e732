import { ActionIcon, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { FieldProps } from '@rjsf/utils';
import { memo, useCallback, useRef } from 'react';
import type { FormContext } from '../form-context';
import { DueInput } from './DueInput';

export interface Commitment {
  title?: string;
  measure?: string;
  due?: string;
}

type Errors = Record<string, { __errors?: string[] } & Record<string, { __errors?: string[] }>>;

interface RowProps {
  id: string;
  index: number;
  commitment: Commitment;
  errors: Errors[string] | undefined;
  disabled: boolean;
  canRemove: boolean;
  planLength: string | undefined;
  onEdit: (index: number, change: Partial<Commitment>) => void;
  onRemove: (index: number) => void;
}

const CommitmentRow = memo(function CommitmentRow({
  id,
  index,
  commitment,
  errors,
  disabled,
  canRemove,
  planLength,
  onEdit,
  onRemove,
}: RowProps) {
  const messages = (field: string) => errors?.[field]?.__errors?.join(' ') || undefined;
  return (
    <Paper withBorder p="sm" radius="md" role="group" aria-label={`Commitment ${index + 1}`}>
      <Stack gap="xs">
        <TextInput
          id={`${id}_title`}
          label="What will you do?"
          placeholder="Make ten calls a week to new accounts"
          withAsterisk
          value={commitment.title ?? ''}
          onChange={(event) => onEdit(index, { title: event.currentTarget.value })}
          error={messages('title')}
          disabled={disabled}
          maxLength={200}
        />
        <TextInput
          id={`${id}_measure`}
          label="How will you know it is done?"
          placeholder="Calls logged in the CRM"
          value={commitment.measure ?? ''}
          onChange={(event) => onEdit(index, { measure: event.currentTarget.value || undefined })}
          error={messages('measure')}
          disabled={disabled}
          maxLength={200}
        />
        <DueInput
          id={`${id}_due`}
          label="Due"
          required
          value={commitment.due}
          onChange={(due) => onEdit(index, { due })}
          error={messages('due')}
          disabled={disabled}
          planLength={planLength}
        />
        {errors?.__errors?.map((error) => (
          <Text key={error} size="sm" c="red" role="alert">
            {error}
          </Text>
        ))}
        {canRemove && (
          <ActionIcon
            variant="subtle"
            color="red"
            onClick={() => onRemove(index)}
            aria-label={`Remove commitment ${index + 1}`}
            disabled={disabled}
            style={{ alignSelf: 'flex-end' }}
          >
            <IconTrash size={18} />
          </ActionIcon>
        )}
      </Stack>
    </Paper>
  );
});

/** The coaching session's commitments: each a title, how it is measured and when it is due. */
export function CommitmentsField(props: FieldProps<Commitment[]>) {
  const { schema, formData, onChange, fieldPathId, errorSchema, disabled, readonly, registry } = props;
  const planLength = (registry.formContext as FormContext | undefined)?.planLength;
  const commitments = formData && formData.length > 0 ? formData : [{}];
  const latest = useRef(commitments);
  latest.current = commitments;
  const path = fieldPathId.path;
  const onEdit = useCallback(
    (index: number, change: Partial<Commitment>) =>
      onChange(
        latest.current.map((commitment, at) => (at === index ? { ...commitment, ...change } : commitment)),
        path,
      ),
    [onChange, path],
  );
  const onRemove = useCallback(
    (index: number) =>
      onChange(
        latest.current.filter((_, at) => at !== index),
        path,
      ),
    [onChange, path],
  );
  const errors = errorSchema as Errors | undefined;
  const ownErrors = (errorSchema as { __errors?: string[] } | undefined)?.__errors;
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : 10;

  return (
    <Stack gap="sm">
      <div>
        <Text fw={700} size="lg">
          {schema.title ?? 'Commitments'}
        </Text>
        <Text size="sm" c="dimmed">
          {schema.description ?? 'What the rep will do, each measurable and with a due date.'}
        </Text>
      </div>
      {ownErrors?.map((error) => (
        <Text key={error} size="sm" c="red" role="alert">
          {error}
        </Text>
      ))}
      {commitments.map((commitment, index) => (
        <CommitmentRow
          key={index}
          id={`${fieldPathId.$id}_${index}`}
          index={index}
          commitment={commitment}
          errors={errors?.[String(index)]}
          disabled={!!(disabled || readonly)}
          canRemove={commitments.length > 1}
          planLength={planLength}
          onEdit={onEdit}
          onRemove={onRemove}
        />
      ))}
      {commitments.length < maxItems && (
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => onChange([...commitments, {}], path)}
          disabled={disabled || readonly}
          style={{ alignSelf: 'flex-start' }}
        >
          Add a commitment
        </Button>
      )}
    </Stack>
  );
}
