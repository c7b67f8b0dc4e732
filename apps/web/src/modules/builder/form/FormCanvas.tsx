import { coreFieldLockReason, type FieldNode, type FormTree, type PaletteKind } from '@coachflow/forms';
import { ActionIcon, Badge, Group, Paper, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconCopy, IconLock, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { SortableList } from '../shared/SortableList';
import { conditionSentence, fieldName, kindName } from './field-words';

interface FormCanvasProps {
  tree: FormTree;
  selected: string | undefined;
  issues: ReadonlyMap<string, string[]>;
  onSelect: (key: string) => void;
  onMove: (from: number, to: number) => void;
  onDuplicate: (key: string) => void;
  onDelete: (key: string) => void;
  onDropNew: (kind: PaletteKind, index: number) => void;
  around: (list: ReactNode) => ReactNode;
}

/** The form's fields in order: select one to edit it, reorder by drag or by the arrows, copy or delete. */
export function FormCanvas(props: FormCanvasProps) {
  const { tree } = props;
  return (
    <SortableList
      items={tree.fields}
      idOf={(field) => field.key}
      labelOf={fieldName}
      noun="form fields"
      onMove={props.onMove}
      onDropNew={(data, index) => {
        const kind = (data as { kind?: PaletteKind } | undefined)?.kind;
        if (kind) props.onDropNew(kind, index);
      }}
      around={props.around}
      empty={
        <Text c="dimmed" p="md">
          This form has no fields yet. Add one from the palette: click it, or drag it here.
        </Text>
      }
      renderItem={(field, controls) => (
        <FieldRow
          field={field}
          tree={tree}
          selected={props.selected === field.key}
          issues={props.issues.get(field.key) ?? []}
          handle={controls.handle}
          onSelect={() => props.onSelect(field.key)}
          onDuplicate={() => props.onDuplicate(field.key)}
          onDelete={() => props.onDelete(field.key)}
        />
      )}
    />
  );
}

function FieldRow(props: {
  field: FieldNode;
  tree: FormTree;
  selected: boolean;
  issues: string[];
  handle: ReactNode;
  onSelect: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
}) {
  const { field, tree } = props;
  const locked = field.kind === 'core';
  const lockReason = locked && tree.taskKind ? coreFieldLockReason(tree.taskKind, field.key) : '';
  return (
    <Paper
      withBorder
      p="xs"
      mb={6}
      data-field-key={field.key}
      style={{
        borderColor: props.selected
          ? 'var(--mantine-color-blue-6)'
          : props.issues.length
            ? 'var(--mantine-color-red-6)'
            : undefined,
        borderWidth: props.selected ? 2 : 1,
      }}
    >
      <Group wrap="nowrap" gap="xs" align="flex-start">
        {props.handle}
        <UnstyledButton
          onClick={props.onSelect}
          aria-pressed={props.selected}
          aria-label={`Edit ${fieldName(field)}, ${kindName(field.kind)}`}
          style={{ flex: 1, minWidth: 0 }}
        >
          <Group gap={6} wrap="nowrap">
            <Text fw={500} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
              {fieldName(field)}
              {field.kind !== 'heading' && field.kind !== 'core' && field.required ? ' *' : ''}
            </Text>
            <Badge
              size="xs"
              variant="light"
              style={{ flexShrink: 0 }}
              color={locked ? 'gray' : 'blue'}
              leftSection={locked ? <IconLock size={10} /> : null}
            >
              {kindName(field.kind)}
            </Badge>
          </Group>
          {field.kind !== 'core' && field.conditions.length > 0 && (
            <Text size="xs" c="dimmed">
              {conditionSentence(field.conditions, tree)}
            </Text>
          )}
          {locked && (
            <Text size="xs" c="dimmed">
              {lockReason}
            </Text>
          )}
          {props.issues.map((issue) => (
            <Text size="xs" c="red.8" key={issue}>
              {issue}
            </Text>
          ))}
        </UnstyledButton>
        {!locked && (
          <Group gap={2} wrap="nowrap">
            <Tooltip label="Duplicate">
              <ActionIcon
                variant="subtle"
                aria-label={`Duplicate ${fieldName(field)}`}
                onClick={props.onDuplicate}
              >
                <IconCopy size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Delete">
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Delete ${fieldName(field)}`}
                onClick={props.onDelete}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
    </Paper>
  );
}
