import { coreFieldLockReason, type FieldNode, type FormTree, type PaletteKind } from '@coachflow/forms';
import { ActionIcon, Badge, Group, Paper, Text, UnstyledButton } from '@mantine/core';
import { IconCopy, IconLock, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useCallback, useMemo, useRef } from 'react';
import { type RowControls, SortableList } from '../shared/SortableList';
import { useSameArray } from '../shared/useSameArray';
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

const NO_ISSUES: readonly string[] = [];

/** What one canvas row shows: the same object while none of it changed, so the row is not rendered again. */
interface RowModel {
  field: FieldNode;
  lockReason: string;
  conditions: string;
  selected: boolean;
  issues: readonly string[];
}

/** The rows of `tree`, each reused from the last render when nothing it shows changed. */
function useRowModels(
  tree: FormTree,
  selected: string | undefined,
  issues: ReadonlyMap<string, string[]>,
): readonly RowModel[] {
  const previous = useRef(new Map<string, RowModel>());
  const rows = useMemo(() => {
    const next = new Map<string, RowModel>();
    const rows = tree.fields.map((field) => {
      const row: RowModel = {
        field,
        lockReason:
          field.kind === 'core' && tree.taskKind ? coreFieldLockReason(tree.taskKind, field.key) : '',
        conditions:
          field.kind !== 'core' && field.conditions.length > 0
            ? conditionSentence(field.conditions, tree.fields)
            : '',
        selected: selected === field.key,
        issues: issues.get(field.key) ?? NO_ISSUES,
      };
      const before = previous.current.get(field.key);
      const same =
        before !== undefined &&
        (Object.keys(row) as (keyof RowModel)[]).every((name) => before[name] === row[name]);
      next.set(field.key, same ? before : row);
      return same ? before : row;
    });
    previous.current = next;
    return rows;
  }, [tree, selected, issues]);
  // The same array when no row changed (the checks after an edit found what they found before).
  return useSameArray(rows);
}

/** The form's fields in order: select one to edit it, reorder by drag or by the arrows, copy or delete. */
export function FormCanvas(props: FormCanvasProps) {
  const rows = useRowModels(props.tree, props.selected, props.issues);
  const { onSelect, onDuplicate, onDelete, onDropNew } = props;
  const dropNew = useCallback(
    (data: unknown, index: number) => {
      const kind = (data as { kind?: PaletteKind } | undefined)?.kind;
      if (kind) onDropNew(kind, index);
    },
    [onDropNew],
  );
  const renderRow = useCallback(
    (row: RowModel, controls: RowControls) => (
      <FieldRow
        row={row}
        handle={controls.handle}
        onSelect={onSelect}
        onDuplicate={onDuplicate}
        onDelete={onDelete}
      />
    ),
    [onSelect, onDuplicate, onDelete],
  );
  return (
    <SortableList
      items={rows}
      idOf={keyOfRow}
      labelOf={labelOfRow}
      noun="form fields"
      onMove={props.onMove}
      onDropNew={dropNew}
      around={props.around}
      empty={EMPTY}
      renderItem={renderRow}
    />
  );
}

const EMPTY = (
  <Text c="dimmed" p="md">
    This form has no fields yet. Add one from the palette: click it, or drag it here.
  </Text>
);

const keyOfRow = (row: RowModel) => row.field.key;
const labelOfRow = (row: RowModel) => fieldName(row.field);

// No tooltips on the row's buttons: 200 rows of floating-ui hooks cost a visible share of every render; the
// buttons are named by aria-label and hinted by the browser's own title.
function FieldRow({
  row,
  ...props
}: {
  row: RowModel;
  handle: ReactNode;
  onSelect: (key: string) => void;
  onDuplicate: (key: string) => void;
  onDelete: (key: string) => void;
}) {
  const { field, lockReason } = row;
  const locked = field.kind === 'core';
  const selected = row.selected;
  return (
    <Paper
      withBorder
      p="xs"
      mb={6}
      data-field-key={field.key}
      style={{
        borderColor: selected
          ? 'var(--mantine-color-blue-6)'
          : row.issues.length
            ? 'var(--mantine-color-red-6)'
            : undefined,
        borderWidth: selected ? 2 : 1,
      }}
    >
      <Group wrap="nowrap" gap="xs" align="flex-start">
        {props.handle}
        <UnstyledButton
          onClick={() => props.onSelect(field.key)}
          aria-pressed={selected}
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
          {row.conditions && (
            <Text size="xs" c="dimmed">
              {row.conditions}
            </Text>
          )}
          {locked && (
            <Text size="xs" c="dimmed">
              {lockReason}
            </Text>
          )}
          {row.issues.map((issue) => (
            <Text size="xs" c="red.8" key={issue}>
              {issue}
            </Text>
          ))}
        </UnstyledButton>
        {!locked && (
          <Group gap={2} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              aria-label={`Duplicate ${fieldName(field)}`}
              title="Duplicate"
              onClick={() => props.onDuplicate(field.key)}
            >
              <IconCopy size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Delete ${fieldName(field)}`}
              title="Delete"
              onClick={() => props.onDelete(field.key)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        )}
      </Group>
    </Paper>
  );
}
