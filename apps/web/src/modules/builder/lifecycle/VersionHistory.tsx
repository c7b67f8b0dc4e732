import type { ConfigurationMeta } from '@coachflow/contracts';
import { Badge, Button, Code, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import {
  type ConfigurationCollection,
  pinnedCycles,
  readVersion,
  userName,
  type ViewOf,
} from './configuration-api';

/**
 * Every version of a rubric, form or playbook: who made and published it and when, how many running
 * cycles are pinned to it (playbooks), and a read-only view of any of them.
 */
export function VersionHistory<C extends ConfigurationCollection>(props: {
  collection: C;
  id: string;
  latest: number;
  opened: boolean;
  onClose: () => void;
  render?: (view: ViewOf<C>) => ReactNode;
}) {
  const { collection, id, latest, opened } = props;
  const [viewing, setViewing] = useState<ViewOf<C>>();
  const versions = useQuery({
    queryKey: ['configuration', collection, id, 'versions', latest],
    enabled: opened,
    queryFn: async () => {
      const all = await Promise.all(
        Array.from({ length: latest }, (_, index) => readVersion(collection, id, index + 1)),
      );
      const people = new Map<string, string>();
      for (const view of all)
        for (const person of [view.updatedBy, view.publishedBy])
          if (person && !people.has(person)) people.set(person, await userName(person));
      const pinned = collection === 'playbooks' ? await pinnedCycles(id) : new Map<number, number>();
      return { all: all.reverse(), people, pinned };
    },
  });
  const who = (person: string | undefined) => (person ? (versions.data?.people.get(person) ?? '…') : '');
  const when = (at: string | undefined) => (at ? new Date(at).toLocaleString() : '');

  return (
    <Modal opened={opened} onClose={props.onClose} title="Version history" size="xl">
      {versions.isPending && <Text>Loading versions…</Text>}
      {versions.data && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Last edited</Table.Th>
              <Table.Th>Published</Table.Th>
              {collection === 'playbooks' && <Table.Th>Running cycles</Table.Th>}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.data.all.map((view: ConfigurationMeta & ViewOf<C>) => (
              <Table.Tr key={view.version}>
                <Table.Td>
                  {view.version}{' '}
                  <Badge size="xs" variant="light">
                    {view.status}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {who(view.updatedBy)}, {when(view.updatedAt)}
                </Table.Td>
                <Table.Td>
                  {view.publishedBy ? `${who(view.publishedBy)}, ${when(view.publishedAt)}` : '—'}
                </Table.Td>
                {collection === 'playbooks' && (
                  <Table.Td>{versions.data.pinned.get(view.version) ?? 0}</Table.Td>
                )}
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setViewing(view)}
                    aria-label={`View version ${view.version}`}
                  >
                    View
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={viewing !== undefined}
        onClose={() => setViewing(undefined)}
        title={`Version ${viewing?.version ?? ''} (read only)`}
        size="xl"
      >
        {viewing && (
          <Stack>
            {props.render?.(viewing)}
            <ScrollArea h={320}>
              <Code block>{JSON.stringify(viewing, null, 2)}</Code>
            </ScrollArea>
          </Stack>
        )}
      </Modal>
    </Modal>
  );
}
