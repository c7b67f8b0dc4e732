import type { StructuralChange } from '@coachflow/forms';
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { problemMessage } from '#web/api/problem';

const DETAIL_WORDS: Record<string, string> = {
  position: 'moved',
  help: 'help text',
  conditions: 'shown when',
  options: 'options',
};

/** A change in the words of the publish dialog: "Field “Why not?” added", "Competency “Trust”: weight". */
export function changeSentence(change: StructuralChange): string {
  const subject = change.subject[0]!.toUpperCase() + change.subject.slice(1);
  const name = change.key === '' ? subject : `${subject} “${change.label}”`;
  if (change.change !== 'changed') return `${name} ${change.change}`;
  return `${name} changed: ${change.details.map((detail) => DETAIL_WORDS[detail] ?? detail).join(', ')}`;
}

/**
 * Publishing, with what changed since the last published version (a structural diff: added, removed,
 * changed), so the admin sees what new cycles will get before they get it.
 */
export function PublishDialog(props: {
  opened: boolean;
  onClose: () => void;
  /** The changes since the published version; null for a first publication. */
  changes: () => Promise<StructuralChange[] | null>;
  onPublish: () => Promise<unknown>;
  blocked?: string;
}) {
  const [changes, setChanges] = useState<StructuralChange[] | null | undefined>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const { opened, changes: load } = props;
  useEffect(() => {
    if (!opened) return;
    setChanges(undefined);
    setError(undefined);
    load().then(setChanges, (failure: unknown) => setError(problemMessage(failure)));
  }, [opened, load]);

  return (
    <Modal opened={opened} onClose={props.onClose} title="Publish this version" size="lg">
      <Stack>
        {changes === undefined && !error && <Text>Comparing with the published version…</Text>}
        {changes === null && <Text>This is the first version to be published. New cycles will use it.</Text>}
        {changes && changes.length === 0 && <Text>Nothing changed since the published version.</Text>}
        {changes && changes.length > 0 && (
          <>
            <Text>Changes since the published version:</Text>
            <List>
              {changes.map((change) => (
                <List.Item key={`${change.subject}:${change.key}:${change.change}`}>
                  {changeSentence(change)}
                </List.Item>
              ))}
            </List>
            <Text size="sm" c="dimmed">
              Cycles already running keep the version they started with.
            </Text>
          </>
        )}
        {props.blocked && (
          <Text c="red.8" role="alert">
            {props.blocked}
          </Text>
        )}
        {error && (
          <Text c="red.8" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button
            loading={busy}
            disabled={Boolean(props.blocked)}
            onClick={() => {
              setBusy(true);
              props
                .onPublish()
                .then(props.onClose, (failure: unknown) => setError(problemMessage(failure)))
                .finally(() => setBusy(false));
            }}
          >
            Publish
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
