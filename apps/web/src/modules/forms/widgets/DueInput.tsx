import { Chip, Group, Stack, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { WidgetProps } from '@rjsf/utils';
import { describeIsoDuration } from '@coachflow/forms';
import type { FormContext } from '../form-context';
import { dateOfDue, dueFromDate, duePresets } from './due-value';

interface DueInputProps {
  id: string;
  label: string;
  /** The field's help text, under the label. */
  description?: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  required?: boolean;
  disabled?: boolean;
  error?: string;
  /** The cycle's plan length (ISO 8601), offered as a quick pick. */
  planLength?: string;
}

/** A due date: pick a day in the calendar, or a quick "in 2 weeks" that counts from submitting. */
export function DueInput({
  id,
  label,
  description,
  value,
  onChange,
  required,
  disabled,
  error,
  planLength,
}: DueInputProps) {
  const presets = duePresets(planLength, describeIsoDuration);
  const preset = presets.find((candidate) => candidate.value === value)?.value ?? null;
  return (
    <Stack gap={4}>
      <DatePickerInput
        id={id}
        label={label}
        description={description}
        withAsterisk={required}
        placeholder="Pick a date"
        value={dateOfDue(value)}
        minDate={new Date()}
        onChange={(date) => onChange(date ? dueFromDate(date) : undefined)}
        disabled={disabled}
        error={error}
        clearable
        valueFormat="D MMM YYYY"
        popoverProps={{ withinPortal: true }}
      />
      <Group gap={6} align="center">
        <Text size="xs" c="dimmed">
          or
        </Text>
        <Chip.Group
          value={preset}
          onChange={(picked) => onChange(typeof picked === 'string' ? picked : undefined)}
        >
          {presets.map((option) => (
            <Chip key={option.value} value={option.value} size="xs" disabled={disabled}>
              {option.label}
            </Chip>
          ))}
        </Chip.Group>
      </Group>
    </Stack>
  );
}

/** The due date as an rjsf widget (resolve-escalation's `due`, or any field a designer points at it). */
export function DueWidget(props: WidgetProps) {
  return (
    <DueInput
      id={props.id}
      label={props.label || props.schema.title || 'Due'}
      description={props.schema.description}
      value={typeof props.value === 'string' ? props.value : undefined}
      onChange={(value) => props.onChange(value)}
      required={props.required}
      disabled={props.disabled || props.readonly}
      error={props.rawErrors?.join(' ')}
      planLength={(props.registry.formContext as FormContext | undefined)?.planLength}
    />
  );
}
