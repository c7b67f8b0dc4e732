import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconArrowForwardUp } from '@tabler/icons-react';
import type { Undoable } from '../history/useHistory';

/** Undo and redo, for the mouse; the keys are Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y. */
export function UndoRedoButtons({
  history,
}: {
  history: Pick<Undoable<unknown>, 'undo' | 'redo' | 'canUndo' | 'canRedo'>;
}) {
  return (
    <Group gap={4}>
      <Tooltip label="Undo (Ctrl+Z)">
        <ActionIcon
          variant="default"
          size="lg"
          aria-label="Undo"
          disabled={!history.canUndo}
          onClick={history.undo}
        >
          <IconArrowBackUp size={18} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Redo (Ctrl+Shift+Z or Ctrl+Y)">
        <ActionIcon
          variant="default"
          size="lg"
          aria-label="Redo"
          disabled={!history.canRedo}
          onClick={history.redo}
        >
          <IconArrowForwardUp size={18} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
