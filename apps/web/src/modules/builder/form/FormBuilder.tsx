import type { FieldError, RubricBody } from '@coachflow/contracts';
import {
  checkFormTree,
  type FieldNode,
  fieldOfErrorPath,
  type FormDocument,
  type FormTree,
  type PaletteKind,
  type TreeIssue,
} from '@coachflow/forms';
import { Alert, Button, Grid, Group, ScrollArea, SimpleGrid, Text } from '@mantine/core';
import {
  type ComponentProps,
  memo,
  type ReactNode,
  useCallback,
  useDeferredValue,
  useMemo,
  useState,
} from 'react';
import { useSameArray } from '../shared/useSameArray';
import { useStableCallback } from '../shared/useStableCallback';
import { FieldPalette } from './FieldPalette';
import { FieldProperties } from './FieldProperties';
import { FormCanvas } from './FormCanvas';
import { FormPreview } from './FormPreview';
import { fieldName } from './field-words';
import { addField, deleteField, duplicateField, moveField, replaceField } from './tree-edits';

/** Every problem of the tree, by field key: the builder's own checks and the API's validator on the result. */
function issuesByField(
  treeIssues: readonly TreeIssue[],
  document: FormDocument,
  apiErrors: readonly FieldError[],
): Map<string, string[]> {
  const issues = new Map<string, string[]>();
  const add = (key: string, message: string) => issues.set(key, [...(issues.get(key) ?? []), message]);
  for (const issue of treeIssues)
    add(issue.field, issue.item ? `${issue.item}: ${issue.message}` : issue.message);
  for (const error of apiErrors)
    add(fieldOfErrorPath(document, error.path) ?? '', `${error.path} ${error.message}`);
  return issues;
}

const NO_TREE_ISSUES: readonly TreeIssue[] = [];

/** The selected field, and which selection it is: the properties pane starts afresh for a new one. */
interface Selection {
  key: string | undefined;
  serial: number;
}

/**
 * The visual form builder: palette, canvas and properties, with the live preview beside them. Every change
 * is one call of `onEdit`, so the page's history can undo it.
 *
 * Only the palette and canvas are inside the drag context: dnd-kit hands its context a new value on each
 * of its renders, and React then looks through everything under it for readers; the properties pane and
 * the preview (hundreds of rjsf fields) stay out of that walk.
 */
export function FormBuilder(props: {
  tree: FormTree;
  document: FormDocument;
  apiErrors: readonly FieldError[];
  rubric?: RubricBody;
  /** Keys of the published version: fixed, since task data already uses them. */
  publishedKeys: ReadonlySet<string>;
  onEdit: (tree: FormTree, group?: string) => void;
  onUndo: () => void;
}) {
  const { tree, document } = props;
  const [selection, setSelection] = useState<Selection>({ key: tree.fields[0]?.key, serial: 0 });
  const selected = selection.key;
  const select = useCallback(
    (key: string | undefined) => setSelection((current) => ({ key, serial: current.serial + 1 })),
    [],
  );
  const [deleted, setDeleted] = useState<string>();
  // The whole-form checks and the preview follow an edit in a render of their own, which the next keystroke
  // interrupts: a key paints its row and the properties pane at once, messages and preview a moment later.
  const checkedTree = useDeferredValue(tree);
  const checkedDocument = useDeferredValue(document);
  const treeIssues = useMemo(() => checkFormTree(checkedTree), [checkedTree]);
  const issues = useMemo(
    () => issuesByField(treeIssues, checkedDocument, props.apiErrors),
    [treeIssues, checkedDocument, props.apiErrors],
  );
  const position = tree.fields.findIndex((candidate) => candidate.key === selected);
  const field = tree.fields[position];
  // What the properties pane needs of the other fields, each the same array while its elements stay. The
  // keys are sorted, so a move leaves them as they were. The fields above the selected one (what its
  // conditions can test) change with a move: the pane follows a moment after the move has painted.
  const otherKeys = useSameArray(
    tree.fields
      .filter((candidate) => candidate.key !== selected)
      .map((candidate) => candidate.key)
      .sort(),
  );
  const aboveNow = useSameArray(position >= 0 ? tree.fields.slice(0, position) : tree.fields.slice(0, 0));
  const aboveOfSelected = useMemo(() => ({ selected, fields: aboveNow }), [selected, aboveNow]);
  const deferredAbove = useDeferredValue(aboveOfSelected);
  // A newly selected field's pane starts with its own.
  const above = deferredAbove.selected === selected ? deferredAbove.fields : aboveNow;
  const fieldIssues = useMemo(() => {
    const own = treeIssues.filter((issue) => issue.field === selected);
    return own.length > 0 ? own : NO_TREE_ISSUES;
  }, [treeIssues, selected]);

  // Stable across edits (they read the latest tree when called), so the canvas's rows stay memoised.
  const edit = useStableCallback((next: FormTree, group?: string) => {
    setDeleted(undefined);
    props.onEdit(next, group);
  });
  const add = useStableCallback((kind: PaletteKind, at?: number) => {
    const index =
      at ??
      (selected ? tree.fields.findIndex((candidate) => candidate.key === selected) + 1 : tree.fields.length);
    const added = addField(
      tree,
      kind,
      index === 0 && at === undefined ? tree.fields.length : index,
      props.rubric,
    );
    edit(added.tree);
    select(added.key);
  });
  const move = useStableCallback((from: number, to: number) => edit(moveField(tree, from, to)));
  const duplicate = useStableCallback((key: string) => {
    const copy = duplicateField(tree, key);
    edit(copy.tree);
    select(copy.key);
  });
  const remove = useStableCallback((key: string) => {
    const target = tree.fields.find((candidate) => candidate.key === key);
    edit(deleteField(tree, key));
    setDeleted(target ? fieldName(target) : key);
    if (selected === key) select(undefined);
  });
  const change = useStableCallback((next: FieldNode, group?: string) => {
    if (!selected) return;
    edit(replaceField(tree, selected, next), group);
    // The same selection under its new key: the pane keeps its inputs (and the caret).
    if (next.key !== selected) setSelection((current) => ({ ...current, key: next.key }));
  });

  const undoDelete = useStableCallback(() => {
    props.onUndo();
    setDeleted(undefined);
  });
  // Problems of the form as a whole, as one sentence: a string, so `around` changes only when they do.
  const formIssues = issues.get('')?.join('; ');
  // Changes only with the deleted notice and the form's own problems: the drag area around the canvas then
  // renders only for those (see SortableList).
  const around = useCallback(
    (list: ReactNode) => (
      <Grid>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <FieldPalette onAdd={add} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <section aria-labelledby="canvas-title">
            <Text component="h2" fw={600} size="md" id="canvas-title" mb={6}>
              Fields
            </Text>
            {deleted && (
              <Alert color="blue" mb="xs" withCloseButton onClose={() => setDeleted(undefined)} role="status">
                <Group justify="space-between">
                  <Text size="sm">Deleted “{deleted}”.</Text>
                  <Button size="xs" variant="light" onClick={undoDelete}>
                    Undo
                  </Button>
                </Group>
              </Alert>
            )}
            {list}
            {formIssues && (
              <Text size="xs" c="red.8" role="alert">
                {formIssues}
              </Text>
            )}
          </section>
        </Grid.Col>
      </Grid>
    ),
    [add, deleted, formIssues, undoDelete],
  );

  // SimpleGrid, not Grid, for the page's columns: a Grid hands its context a new value on each render,
  // which (re-rendered on every edit here) sent React looking through the whole preview for readers.
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <div style={{ minWidth: 0 }}>
        <FormCanvas
          tree={tree}
          selected={selected}
          issues={issues}
          onSelect={select}
          onMove={move}
          onDuplicate={duplicate}
          onDelete={remove}
          onDropNew={add}
          around={around}
        />
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ minWidth: 0 }}>
        <PropertiesColumn
          field={field}
          serial={selection.serial}
          taskKind={tree.taskKind}
          otherKeys={otherKeys}
          above={above}
          rubric={props.rubric}
          keyFrozen={field ? props.publishedKeys.has(field.key) : false}
          issues={fieldIssues}
          onChange={change}
        />
        <div style={{ minWidth: 0 }}>
          <FormPreview document={document} taskKind={tree.taskKind} rubric={props.rubric} />
        </div>
      </SimpleGrid>
    </SimpleGrid>
  );
}

/**
 * The properties pane in its own scroll area, rendered only when what it shows changed: the builder renders
 * on every edit and move, and the scroll area alone is a dozen Mantine components.
 */
const PropertiesColumn = memo(function PropertiesColumn({
  field,
  serial,
  ...pane
}: Omit<ComponentProps<typeof FieldProperties>, 'field'> & {
  field: FieldNode | undefined;
  /** Which selection this is: the pane starts afresh for a new one. */
  serial: number;
}) {
  return (
    // Beside the canvas on wide screens, scrolling on its own; in the page flow on a phone.
    <ScrollArea.Autosize
      mah={{ base: 'none', lg: 'calc(100vh - 180px)' }}
      offsetScrollbars
      style={{ minWidth: 0 }}
    >
      {field ? (
        <FieldProperties key={serial} field={field} {...pane} />
      ) : (
        <Text c="dimmed">Select a field to edit its properties.</Text>
      )}
    </ScrollArea.Autosize>
  );
});
