import type { FieldError, RubricBody } from '@coachflow/contracts';
import {
  checkFormTree,
  type FieldNode,
  fieldOfErrorPath,
  type FormDocument,
  type FormTree,
  type PaletteKind,
} from '@coachflow/forms';
import { Alert, Button, Grid, Group, ScrollArea, Text } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import { useStableCallback } from '../shared/useStableCallback';
import { FieldPalette } from './FieldPalette';
import { FieldProperties } from './FieldProperties';
import { FormCanvas } from './FormCanvas';
import { FormPreview } from './FormPreview';
import { fieldName } from './field-words';
import { addField, deleteField, duplicateField, moveField, replaceField } from './tree-edits';

/** Every problem of the tree, by field key: the builder's own checks and the API's validator on the result. */
export function issuesByField(
  tree: FormTree,
  document: FormDocument,
  apiErrors: readonly FieldError[],
): Map<string, string[]> {
  const issues = new Map<string, string[]>();
  const add = (key: string, message: string) => issues.set(key, [...(issues.get(key) ?? []), message]);
  for (const issue of checkFormTree(tree))
    add(issue.field, issue.item ? `${issue.item}: ${issue.message}` : issue.message);
  for (const error of apiErrors)
    add(fieldOfErrorPath(document, error.path) ?? '', `${error.path} ${error.message}`);
  return issues;
}

/**
 * The visual form builder: palette, canvas and properties, with the live preview beside them. Every change
 * is one call of `onEdit`, so the page's history can undo it.
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
  const [selected, setSelected] = useState<string | undefined>(tree.fields[0]?.key);
  const [deleted, setDeleted] = useState<string>();
  // The whole-form checks and the preview follow an edit in a render of their own, which the next keystroke
  // interrupts: a key paints its row and the properties pane at once, messages and preview a moment later.
  const checkedTree = useDeferredValue(tree);
  const checkedDocument = useDeferredValue(document);
  const issues = useMemo(
    () => issuesByField(checkedTree, checkedDocument, props.apiErrors),
    [checkedTree, checkedDocument, props.apiErrors],
  );
  const treeIssues = useMemo(() => checkFormTree(checkedTree), [checkedTree]);
  const field = tree.fields.find((candidate) => candidate.key === selected);

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
    setSelected(added.key);
  });
  const move = useStableCallback((from: number, to: number) => edit(moveField(tree, from, to)));
  const duplicate = useStableCallback((key: string) => {
    const copy = duplicateField(tree, key);
    edit(copy.tree);
    setSelected(copy.key);
  });
  const remove = useStableCallback((key: string) => {
    const target = tree.fields.find((candidate) => candidate.key === key);
    edit(deleteField(tree, key));
    setDeleted(target ? fieldName(target) : key);
    if (selected === key) setSelected(undefined);
  });

  const palette = <FieldPalette onAdd={add} />;
  const canvas = (
    <FormCanvas
      tree={tree}
      selected={selected}
      issues={issues}
      onSelect={setSelected}
      onMove={move}
      onDuplicate={duplicate}
      onDelete={remove}
      onDropNew={add}
      around={(list) => (
        <Grid>
          <Grid.Col span={{ base: 12, sm: 4, lg: 2 }}>{palette}</Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8, lg: 4 }}>
            <section aria-labelledby="canvas-title">
              <Text component="h2" fw={600} size="md" id="canvas-title" mb={6}>
                Fields
              </Text>
              {deleted && (
                <Alert
                  color="blue"
                  mb="xs"
                  withCloseButton
                  onClose={() => setDeleted(undefined)}
                  role="status"
                >
                  <Group justify="space-between">
                    <Text size="sm">Deleted “{deleted}”.</Text>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => {
                        props.onUndo();
                        setDeleted(undefined);
                      }}
                    >
                      Undo
                    </Button>
                  </Group>
                </Alert>
              )}
              {list}
              {issues.get('') && (
                <Text size="xs" c="red.8" role="alert">
                  {issues.get('')!.join('; ')}
                </Text>
              )}
            </section>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
            {/* Beside the canvas on wide screens, scrolling on its own; in the page flow on a phone. */}
            <ScrollArea.Autosize mah={{ base: 'none', lg: 'calc(100vh - 180px)' }} offsetScrollbars>
              {field ? (
                <FieldProperties
                  key={tree.fields.indexOf(field)}
                  field={field}
                  tree={tree}
                  rubric={props.rubric}
                  keyFrozen={props.publishedKeys.has(field.key)}
                  issues={treeIssues.filter((issue) => issue.field === field.key)}
                  onChange={(next: FieldNode, group?: string) => {
                    edit(replaceField(tree, field.key, next), group);
                    if (next.key !== field.key) setSelected(next.key);
                  }}
                />
              ) : (
                <Text c="dimmed">Select a field to edit its properties.</Text>
              )}
            </ScrollArea.Autosize>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
            <FormPreview document={checkedDocument} taskKind={tree.taskKind} rubric={props.rubric} />
          </Grid.Col>
        </Grid>
      )}
    />
  );
  return canvas;
}
