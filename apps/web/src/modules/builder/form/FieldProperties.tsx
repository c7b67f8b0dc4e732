import {
  type Condition,
  coreFieldLockReason,
  type FieldNode,
  fieldKeyFromLabel,
  type ItemField,
  newItemField,
  type TreeIssue,
} from '@coachflow/forms';
import type { RubricBody, TaskKind } from '@coachflow/contracts';
import {
  Alert,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { memo, type ReactNode, useId, useMemo, useState } from 'react';
import { useStableCallback } from '../shared/useStableCallback';
import { moveItem, SortableList } from '../shared/SortableList';
import { ConditionEditor } from './ConditionEditor';
import { fieldName, kindName } from './field-words';
import { OptionsEditor } from './OptionsEditor';

type Edit<T> = (next: T, group?: string) => void;

function issueFor(issues: readonly TreeIssue[], property: string): string | undefined {
  return issues.find((issue) => issue.property === property)?.message;
}

const optionalNumber = (value: string | number): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** Whether two versions of a field differ at most in their label: what the panes below the label ignore. */
function sameButLabel<F extends { label: string }>(before: F, after: F): boolean {
  if (before === after) return true;
  const keys = Object.keys(after) as (keyof F)[];
  return (
    keys.length === Object.keys(before).length &&
    keys.every((name) => name === 'label' || Object.is(before[name], after[name]))
  );
}

/** A pane of properties, rendered again only when what it shows changed (typing a label renders none). */
function memoButLabel<P extends { field: { label: string } }>(pane: (props: P) => ReactNode) {
  return memo(pane, (before, after) =>
    (Object.keys(after) as (keyof P)[]).every((name) =>
      name === 'field' ? sameButLabel(before.field, after.field) : Object.is(before[name], after[name]),
    ),
  );
}

/**
 * The properties pane: everything about the selected field, errors beside the input they concern. It gets
 * the field and what it needs of the others (their keys, the fields above it), each keeping its identity
 * while it does not change, so an edit of another field does not render it, and typing into one input
 * renders that input, not every pane.
 */
export const FieldProperties = memo(function FieldProperties(props: {
  field: FieldNode;
  taskKind?: TaskKind;
  /** The other fields' keys, in any order (sorted, so a move leaves them as they were). */
  otherKeys: readonly string[];
  /** The fields above this one: what its conditions can test. */
  above: readonly FieldNode[];
  issues: readonly TreeIssue[];
  rubric?: RubricBody;
  /** The published version has this key: task data uses it, so it no longer changes. */
  keyFrozen: boolean;
  onChange: Edit<FieldNode>;
}) {
  const { field, otherKeys, issues } = props;
  // The label and key inputs' typing groups: the key changes as the label is typed, so neither names them.
  const inputs = useId();
  // A key follows its label until it is published, unless the admin chose one of their own.
  const keyFollowsLabel =
    !props.keyFrozen && field.kind !== 'core' && field.key === fieldKeyFromLabel(field.label, otherKeys);
  const own = useMemo(() => issues.filter((issue) => issue.item === undefined), [issues]);
  const conditionErrors = useMemo(
    () =>
      new Map(
        own
          .filter((issue) => issue.property.startsWith('conditions/'))
          .map((issue) => [Number(issue.property.split('/')[1]), issue.message]),
      ),
    [own],
  );
  // Stable, reading the field as it is when called: the memoised panes below keep theirs.
  const edit = useStableCallback((patch: Partial<FieldNode>, group?: string) =>
    props.onChange({ ...props.field, ...patch } as FieldNode, group),
  );
  const editConditions = useStableCallback((conditions: Condition[], group?: string) =>
    edit({ conditions }, group),
  );
  const id = `field-${field.key}`;
  return (
    <Stack gap="sm" component="section" aria-labelledby={`${id}-title`}>
      <Title order={2} size="h5" id={`${id}-title`}>
        {kindName(field.kind)}: {fieldName(field)}
      </Title>
      {field.kind === 'core' && props.taskKind && (
        <Alert icon={<IconLock size={16} />} color="gray" title="Locked field">
          {coreFieldLockReason(props.taskKind, field.key)} You can change its label and help text.
        </Alert>
      )}
      <TextInput
        label="Label"
        value={field.label}
        error={issueFor(own, 'label')}
        onChange={(event) => {
          const label = event.currentTarget.value;
          edit(
            keyFollowsLabel ? { label, key: fieldKeyFromLabel(label, otherKeys) } : { label },
            `${inputs}:label`,
          );
        }}
      />
      <TextInput
        label="Key"
        description={
          field.kind !== 'core' && props.keyFrozen
            ? 'The name of this answer in the task’s data; fixed since it was published.'
            : keyFollowsLabel
              ? 'The name of this answer in the task’s data; follows the label until published.'
              : 'The name of this answer in the task’s data.'
        }
        value={field.key}
        readOnly={field.kind === 'core' || props.keyFrozen}
        error={issueFor(own, 'key')}
        onChange={(event) => edit({ key: event.currentTarget.value }, `${inputs}:key`)}
      />
      <HelpInput field={field} issues={own} onChange={edit} />
      {field.kind !== 'core' && field.kind !== 'heading' && field.kind !== 'group' && (
        <ItemProperties field={field} issues={own} rubric={props.rubric} onChange={edit} />
      )}
      {field.kind === 'group' && (
        <GroupProperties field={field} issues={issues} rubric={props.rubric} onChange={edit} />
      )}
      {field.kind !== 'core' && (
        <ConditionEditor
          conditions={field.conditions}
          above={props.above}
          errors={conditionErrors}
          onChange={editConditions}
        />
      )}
    </Stack>
  );
});

// An autosized text area measures itself on every render: rendered only when the help text changes.
const HelpInput = memoButLabel(function HelpInput(props: {
  field: FieldNode;
  issues: readonly TreeIssue[];
  onChange: (patch: Partial<FieldNode>, group?: string) => void;
}) {
  const { field } = props;
  return (
    <Textarea
      label={field.kind === 'heading' ? 'Text' : 'Help text'}
      autosize
      minRows={2}
      value={field.help}
      error={issueFor(props.issues, 'help')}
      onChange={(event) => props.onChange({ help: event.currentTarget.value }, `${field.key}:help`)}
    />
  );
});

const ItemProperties = memoButLabel(function ItemProperties(props: {
  field: ItemField;
  issues: readonly TreeIssue[];
  rubric?: RubricBody;
  onChange: (patch: Partial<ItemField>, group?: string) => void;
}) {
  const { field, issues, onChange } = props;
  const key = field.key;
  return (
    <>
      <Switch
        label="Required"
        checked={field.required}
        onChange={(event) => onChange({ required: event.currentTarget.checked })}
      />
      {'placeholder' in field && (
        <TextInput
          label="Placeholder"
          value={field.placeholder}
          onChange={(event) => onChange({ placeholder: event.currentTarget.value }, `${key}:placeholder`)}
        />
      )}
      {(field.kind === 'short-text' || field.kind === 'long-text') && (
        <>
          <Group grow>
            <NumberInput
              label="Minimum length"
              min={0}
              value={field.minLength ?? ''}
              error={issueFor(issues, 'minLength')}
              onChange={(value) => onChange({ minLength: optionalNumber(value) }, `${key}:minLength`)}
            />
            <NumberInput
              label="Maximum length"
              min={0}
              value={field.maxLength ?? ''}
              onChange={(value) => onChange({ maxLength: optionalNumber(value) }, `${key}:maxLength`)}
            />
          </Group>
          <TextInput
            label="Default"
            value={field.default ?? ''}
            error={issueFor(issues, 'default')}
            onChange={(event) =>
              onChange({ default: event.currentTarget.value || undefined }, `${key}:default`)
            }
          />
        </>
      )}
      {field.kind === 'number' && (
        <>
          <Switch
            label="Whole numbers only"
            checked={field.integer}
            onChange={(event) => onChange({ integer: event.currentTarget.checked })}
          />
          <Group grow>
            <NumberInput
              label="Minimum"
              value={field.minimum ?? ''}
              error={issueFor(issues, 'minimum')}
              onChange={(value) => onChange({ minimum: optionalNumber(value) }, `${key}:minimum`)}
            />
            <NumberInput
              label="Maximum"
              value={field.maximum ?? ''}
              onChange={(value) => onChange({ maximum: optionalNumber(value) }, `${key}:maximum`)}
            />
          </Group>
          <NumberInput
            label="Default"
            value={field.default ?? ''}
            error={issueFor(issues, 'default')}
            onChange={(value) => onChange({ default: optionalNumber(value) }, `${key}:default`)}
          />
        </>
      )}
      {field.kind === 'rating' && (
        <>
          <Switch
            label="Use the rubric’s scale"
            description={
              props.rubric
                ? `${props.rubric.scale.min}–${props.rubric.scale.max}, from ${props.rubric.name}`
                : 'No rubric to take it from'
            }
            checked={field.scale.fromRubric}
            disabled={!props.rubric && !field.scale.fromRubric}
            onChange={(event) =>
              onChange({
                scale:
                  event.currentTarget.checked && props.rubric
                    ? {
                        fromRubric: true,
                        min: props.rubric.scale.min,
                        max: props.rubric.scale.max,
                        labels: { ...(props.rubric.scale.labels ?? {}) },
                      }
                    : { ...field.scale, fromRubric: false },
              })
            }
          />
          {!field.scale.fromRubric && (
            <Group grow>
              <NumberInput
                label="Lowest point"
                value={field.scale.min}
                error={issueFor(issues, 'scale')}
                onChange={(value) =>
                  onChange({ scale: { ...field.scale, min: optionalNumber(value) ?? 0 } }, `${key}:scaleMin`)
                }
              />
              <NumberInput
                label="Highest point"
                value={field.scale.max}
                onChange={(value) =>
                  onChange({ scale: { ...field.scale, max: optionalNumber(value) ?? 0 } }, `${key}:scaleMax`)
                }
              />
            </Group>
          )}
        </>
      )}
      {(field.kind === 'single-choice' || field.kind === 'multiple-choice') && (
        <OptionsEditor
          options={field.options}
          error={issueFor(issues, 'options')}
          onChange={(options, group) => onChange({ options }, group && `${key}:${group}`)}
        />
      )}
      {field.kind === 'single-choice' && (
        <>
          <SegmentedControl
            aria-label="Shown as"
            data={[
              { value: 'radio', label: 'Buttons' },
              { value: 'select', label: 'Drop-down' },
            ]}
            value={field.widget}
            onChange={(widget) => onChange({ widget: widget as 'radio' | 'select' })}
          />
          <Select
            label="Default"
            clearable
            data={[...new Set(field.options)]}
            value={field.default ?? null}
            error={issueFor(issues, 'default')}
            onChange={(value) => onChange({ default: value ?? undefined })}
          />
        </>
      )}
      {field.kind === 'yes-no' && (
        <SegmentedControl
          aria-label="Shown as"
          data={[
            { value: 'radio', label: 'Yes / No buttons' },
            { value: 'checkbox', label: 'Checkbox' },
          ]}
          value={field.widget}
          onChange={(widget) => onChange({ widget: widget as 'radio' | 'checkbox' })}
        />
      )}
    </>
  );
});

const ITEM_KINDS: ItemField['kind'][] = [
  'short-text',
  'long-text',
  'number',
  'rating',
  'single-choice',
  'multiple-choice',
  'yes-no',
  'date',
];

const GroupProperties = memoButLabel(function GroupProperties(props: {
  field: FieldNode & { kind: 'group' };
  issues: readonly TreeIssue[];
  rubric?: RubricBody;
  onChange: (patch: Partial<FieldNode & { kind: 'group' }>, group?: string) => void;
}) {
  const { field } = props;
  const [selected, setSelected] = useState(field.fields[0]?.key);
  const item = field.fields.find((candidate) => candidate.key === selected);
  const replaceItem = (next: ItemField, group?: string) => {
    props.onChange(
      { fields: field.fields.map((candidate) => (candidate.key === item?.key ? next : candidate)) },
      group,
    );
    if (next.key !== item?.key) setSelected(next.key);
  };
  return (
    <Stack gap={6}>
      <Switch
        label="At least one item"
        checked={field.required}
        onChange={(event) => props.onChange({ required: event.currentTarget.checked })}
      />
      <Group grow>
        <NumberInput
          label="Fewest items"
          min={0}
          value={field.minItems ?? ''}
          onChange={(value) => props.onChange({ minItems: optionalNumber(value) }, `${field.key}:minItems`)}
        />
        <NumberInput
          label="Most items"
          min={0}
          value={field.maxItems ?? ''}
          onChange={(value) => props.onChange({ maxItems: optionalNumber(value) }, `${field.key}:maxItems`)}
        />
      </Group>
      <Text size="sm" fw={500}>
        Fields of each item
      </Text>
      <SortableList
        items={field.fields}
        idOf={(candidate) => candidate.key}
        labelOf={fieldName}
        noun="fields of each item"
        onMove={(from, to) => props.onChange({ fields: moveItem(field.fields, from, to) })}
        renderItem={(candidate, { handle }) => (
          <Group gap={4} wrap="nowrap" mb={2}>
            {handle}
            <Button
              size="xs"
              variant={candidate.key === selected ? 'light' : 'subtle'}
              aria-pressed={candidate.key === selected}
              onClick={() => setSelected(candidate.key)}
            >
              {fieldName(candidate)}
            </Button>
          </Group>
        )}
      />
      <Select
        label="Add a field to each item"
        placeholder="Choose a kind"
        data={ITEM_KINDS.map((kind) => ({ value: kind, label: kindName(kind) }))}
        value={null}
        onChange={(kind) => {
          if (!kind) return;
          const taken = new Set(field.fields.map((candidate) => candidate.key));
          let key = 'field';
          for (let suffix = 2; taken.has(key); suffix++) key = `field${suffix}`;
          props.onChange({
            fields: [
              ...field.fields,
              newItemField(kind as ItemField['kind'], key, kindName(kind as ItemField['kind']), props.rubric),
            ],
          });
          setSelected(key);
        }}
      />
      {item && (
        <Stack gap={6} p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
          <TextInput
            label="Item field label"
            value={item.label}
            onChange={(event) =>
              replaceItem({ ...item, label: event.currentTarget.value }, `${field.key}.${item.key}:label`)
            }
          />
          <TextInput
            label="Item field key"
            value={item.key}
            error={props.issues.find((issue) => issue.item === item.key && issue.property === 'key')?.message}
            onChange={(event) =>
              replaceItem({ ...item, key: event.currentTarget.value }, `${field.key}.${item.key}:key`)
            }
          />
          <ItemProperties
            field={item}
            issues={props.issues.filter((issue) => issue.item === item.key)}
            rubric={props.rubric}
            onChange={(patch, group) => replaceItem({ ...item, ...patch } as ItemField, group)}
          />
          <Button
            variant="subtle"
            color="red"
            size="xs"
            disabled={field.fields.length <= 1}
            onClick={() => {
              const rest = field.fields.filter((candidate) => candidate.key !== item.key);
              props.onChange({ fields: rest });
              setSelected(rest[0]?.key);
            }}
          >
            Remove {fieldName(item)} from each item
          </Button>
        </Stack>
      )}
    </Stack>
  );
});
