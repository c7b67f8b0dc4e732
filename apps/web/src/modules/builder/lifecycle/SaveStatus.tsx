import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import type { SaveState } from './useDraftLifecycle';

const LABELS: Record<SaveState['status'], { text: string; color: string }> = {
  loading: { text: 'Loading…', color: 'gray' },
  saved: { text: 'All changes saved', color: 'green' },
  unsaved: { text: 'Unsaved changes', color: 'yellow' },
  saving: { text: 'Saving…', color: 'blue' },
  invalid: { text: 'Not saved: fix the problems shown', color: 'red' },
  error: { text: 'Not saved', color: 'red' },
  conflict: { text: 'Changed elsewhere', color: 'red' },
};

/** Where the draft stands, announced politely to screen readers. */
export function SaveStatus({ state }: { state: SaveState }) {
  const label = LABELS[state.status];
  return (
    <Badge color={label.color} variant="light" role="status" aria-live="polite">
      {label.text}
    </Badge>
  );
}

/** A 409 explained: who changed the draft and when; reload theirs or keep yours. Nothing typed is lost. */
export function ConflictBanner(props: {
  state: SaveState;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}) {
  const { state } = props;
  if (state.status === 'error')
    return (
      <Alert color="red" title="Could not save" role="alert">
        {state.message} Your changes are still here.
      </Alert>
    );
  if (state.status !== 'conflict') return null;
  return (
    <Alert color="red" title="Someone else changed this draft" role="alert">
      <Text size="sm">
        {state.by} saved it at {new Date(state.at).toLocaleString()}. Your changes are still here and not
        saved.
      </Text>
      <Group mt="xs">
        <Button size="xs" variant="default" onClick={props.onTakeTheirs}>
          Load their version (undo brings yours back)
        </Button>
        <Button size="xs" color="red" onClick={props.onKeepMine}>
          Keep mine and save over theirs
        </Button>
      </Group>
    </Alert>
  );
}
