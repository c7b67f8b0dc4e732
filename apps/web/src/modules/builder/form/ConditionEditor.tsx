import type { Condition, FieldNode } from '@coachflow/forms';
import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { memo } from 'react';
import { conditionSentence, fieldName } from './field-words';

type Op = Condition['op'];

// Which tests each kind of field can be put to, in the words the editor shows.
const OPS: Partial<Record<FieldNode['kind'], { op: Op; label: string }[]>> = {
  'yes-no': [{ op: 'is', label: 'is' }],
  'single-choice': [
    { op: 'is', label: 'is' },
    { op: 'is-one-of', label: 'is one of' },
  ],
  'short-text': [
    { op: 'is', label: 'is' },
    { op: 'is-one-of', label: 'is one of' },
  ],
  number: [
    { op: 'is', label: 'is' },
    { op: 'is-at-least', label: 'is at least' },
  ],
  rating: [
    { op: 'is', label: 'is' },
    { op: 'is-at-least', label: 'is at least' },
  ],
  date: [{ op: 'is', label: 'is' }],
};

function firstValue(source: FieldNode, op: Op): Condition['value'] {
  if (source.kind === 'yes-no') return false;
  if (op === 'is-one-of') return source.kind === 'single-choice' ? [source.options[0] ?? ''] : [''];
  if (source.kind === 'number') return 0;
  if (source.kind === 'rating') return source.scale.min;
  if (source.kind === 'single-choice') return source.options[0] ?? '';
  return '';
}

/**
 * "Show when <field> is / is one of / is at least <value>", rules joined by AND, on fields above this one.
 * Memoised: it takes the field's conditions and the fields above, which keep their identity while the
 * field's label is typed.
 */
export const ConditionEditor = memo(function ConditionEditor(props: {
  conditions: readonly Condition[];
  /** The fields above this one, in order. */
  above: readonly FieldNode[];
  errors: ReadonlyMap<number, string>;
  onChange: (conditions: Condition[], group?: string) => void;
}) {
  const { conditions, above } = props;
  const sources = above.filter((candidate) => OPS[candidate.kind]);
  const used = new Set(conditions.map((condition) => condition.field));
  const unused = sources.filter((candidate) => !used.has(candidate.key));
  const update = (at: number, condition: Condition, group?: string) =>
    props.onChange(
      conditions.map((existing, position) => (position === at ? condition : existing)),
      group,
    );

  return (
    <Stack gap={6} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" size="sm" fw={500}>
        Show this field
      </Text>
      <Text size="xs" c="dimmed">
        {conditions.length === 0 ? 'Always shown.' : `${conditionSentence(conditions, above)}.`}
      </Text>
      {conditions.map((condition, at) => {
        const source = above.find((candidate) => candidate.key === condition.field);
        const ops = (source && OPS[source.kind]) ?? [{ op: condition.op, label: condition.op }];
        return (
          <Group key={at} gap={4} align="flex-end" wrap="wrap">
            <Text size="sm" w={40}>
              {at === 0 ? 'when' : 'and'}
            </Text>
            <Select
              label="Field"
              size="xs"
              w={150}
              allowDeselect={false}
              data={sources.map((candidate) => ({ value: candidate.key, label: fieldName(candidate) }))}
              value={condition.field}
              onChange={(key) => {
                const next = sources.find((candidate) => candidate.key === key);
                if (next)
                  update(at, { field: next.key, op: 'is', value: firstValue(next, 'is') } as Condition);
              }}
            />
            <Select
              label="Test"
              size="xs"
              w={110}
              allowDeselect={false}
              data={ops.map((entry) => ({ value: entry.op, label: entry.label }))}
              value={condition.op}
              onChange={(op) => {
                if (op && source)
                  update(at, {
                    field: condition.field,
                    op,
                    value: firstValue(source, op as Op),
                  } as Condition);
              }}
            />
            {source && (
              <ValueInput
                condition={condition}
                source={source}
                onChange={(next, group) => update(at, next, group)}
              />
            )}
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove rule ${at + 1}`}
              onClick={() => props.onChange(conditions.filter((_, position) => position !== at))}
            >
              <IconTrash size={16} />
            </ActionIcon>
            {props.errors.get(at) && (
              <Text size="xs" c="red.8" w="100%" role="alert">
                {props.errors.get(at)}
              </Text>
            )}
          </Group>
        );
      })}
      {sources.length > 0 ? (
        <Button
          variant="light"
          size="xs"
          disabled={unused.length === 0}
          onClick={() => {
            const source = unused[0]!;
            props.onChange([
              ...conditions,
              { field: source.key, op: 'is', value: firstValue(source, 'is') } as Condition,
            ]);
          }}
        >
          {unused.length === 0 ? 'Every field above is already tested' : 'Add a rule'}
        </Button>
      ) : (
        <Text size="xs" c="dimmed">
          A field can depend only on fields above it that can be tested (yes/no, choice, text, number, rating,
          date).
        </Text>
      )}
    </Stack>
  );
});

function ValueInput(props: {
  condition: Condition;
  source: FieldNode;
  onChange: (condition: Condition, group?: string) => void;
}) {
  const { condition, source } = props;
  const base = { field: condition.field };
  if (source.kind === 'yes-no')
    return (
      <Select
        label="Answer"
        size="xs"
        w={90}
        allowDeselect={false}
        data={[
          { value: 'true', label: 'yes' },
          { value: 'false', label: 'no' },
        ]}
        value={String(condition.value)}
        onChange={(value) => props.onChange({ ...base, op: 'is', value: value === 'true' })}
      />
    );
  if (condition.op === 'is-one-of')
    return source.kind === 'single-choice' ? (
      <MultiSelect
        label="Values"
        size="xs"
        w={200}
        data={source.options}
        value={condition.value}
        onChange={(value) => props.onChange({ ...base, op: 'is-one-of', value })}
      />
    ) : (
      <TextInput
        label="Values, comma-separated"
        size="xs"
        w={200}
        value={condition.value.join(', ')}
        onChange={(event) =>
          props.onChange(
            {
              ...base,
              op: 'is-one-of',
              value: event.currentTarget.value.split(',').map((part) => part.trim()),
            },
            'condition-values',
          )
        }
      />
    );
  if (source.kind === 'single-choice')
    return (
      <Select
        label="Value"
        size="xs"
        w={150}
        allowDeselect={false}
        data={source.options}
        value={String(condition.value)}
        onChange={(value) => value !== null && props.onChange({ ...base, op: 'is', value })}
      />
    );
  if (source.kind === 'number' || source.kind === 'rating')
    return (
      <NumberInput
        label="Value"
        size="xs"
        w={90}
        value={typeof condition.value === 'number' ? condition.value : 0}
        onChange={(value) =>
          props.onChange(
            { ...base, op: condition.op, value: typeof value === 'number' ? value : 0 } as Condition,
            'condition-value',
          )
        }
      />
    );
  return (
    <TextInput
      label="Value"
      size="xs"
      w={150}
      type={source.kind === 'date' ? 'date' : 'text'}
      value={String(condition.value)}
      onChange={(event) =>
        props.onChange({ ...base, op: 'is', value: event.currentTarget.value }, 'condition-value')
      }
    />
  );
}
