import { useDraggable } from '@dnd-kit/core';
import { Button, Stack, Text, Title } from '@mantine/core';
import { PALETTE, type PaletteKind } from '@coachflow/forms';
import { memo, type PointerEventHandler } from 'react';

/** The kinds of field an admin can add: click or Enter adds one below the selected field; drag drops it. */
export const FieldPalette = memo(function FieldPalette({ onAdd }: { onAdd: (kind: PaletteKind) => void }) {
  return (
    <Stack gap={6} component="section" aria-labelledby="palette-title">
      <Title order={2} size="h5" id="palette-title">
        Add a field
      </Title>
      <Text size="xs" c="dimmed">
        Click or press Enter to add below the selected field, or drag onto the form.
      </Text>
      {PALETTE.map((entry) => (
        <PaletteItem key={entry.kind} kind={entry.kind} label={entry.label} hint={entry.hint} onAdd={onAdd} />
      ))}
    </Stack>
  );
});

function PaletteItem(props: {
  kind: PaletteKind;
  label: string;
  hint: string;
  onAdd: (kind: PaletteKind) => void;
}) {
  const { setNodeRef, listeners, isDragging } = useDraggable({
    id: `palette:${props.kind}`,
    data: { kind: props.kind },
  });
  return (
    <Button
      ref={setNodeRef}
      variant="default"
      justify="flex-start"
      fullWidth
      title={props.hint}
      data-palette-kind={props.kind}
      style={{ opacity: isDragging ? 0.5 : 1, touchAction: 'none' }}
      // Only the pointer drags from here: Enter and Space keep meaning "add".
      onPointerDown={listeners?.['onPointerDown'] as PointerEventHandler<HTMLButtonElement> | undefined}
      onClick={() => props.onAdd(props.kind)}
    >
      {props.label}
    </Button>
  );
}
