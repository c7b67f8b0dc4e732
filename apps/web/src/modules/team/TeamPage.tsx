import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { api, unwrap } from '#web/api/client';
import { problemMessage } from '#web/api/problem';
import { queryKeys } from '#web/api/query-keys';
import type { Cycle, User } from '#web/api/types';
import { AnchorLink } from '#web/app/AnchorLink';
import { relativeTime } from '#web/app/relative-time';
import { useCurrentUser } from '#web/modules/auth/useSession';
import { nameOf, useUsers } from '#web/modules/people/useUsers';
import { teamRoute } from './team.routes';

function useRunningCycles() {
  return useQuery({
    queryKey: queryKeys.cycles.list({ status: 'running' }),
    queryFn: () => unwrap(api.GET('/api/cycles', { params: { query: { status: 'running', limit: 200 } } })),
  });
}

function usePublishedPlaybooks() {
  return useQuery({
    queryKey: [...queryKeys.configuration.all, 'playbooks'],
    queryFn: () => unwrap(api.GET('/api/playbooks')),
    select: (page) =>
      page.items.filter((playbook) => playbook.publishedVersion !== null && !playbook.archived),
  });
}

function StartCycle({ rep }: { rep: User }) {
  const [open, setOpen] = useState(false);
  const [playbookId, setPlaybookId] = useState<string | null>(null);
  const playbooks = usePublishedPlaybooks();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const start = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/cycles', { body: { repId: rep.id, playbookId: playbookId ?? '' } })),
    onSuccess: async (cycle) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.cycles.all });
      await queryClient.invalidateQueries({ queryKey: queryKeys.tasks.all });
      await navigate({ to: '/cycles/$cycleId', params: { cycleId: cycle.id } });
    },
  });
  return (
    <>
      <Button size="compact-sm" variant="light" onClick={() => setOpen(true)}>
        Start a cycle
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={`Start a coaching cycle for ${rep.name}`}>
        <Stack>
          <Select
            label="Playbook"
            placeholder={playbooks.isPending ? 'Loading playbooks…' : 'Choose a published playbook'}
            data={(playbooks.data ?? []).map((playbook) => ({ value: playbook.id, label: playbook.name }))}
            value={playbookId}
            onChange={setPlaybookId}
            nothingFoundMessage="No published playbook: ask an admin to publish one."
          />
          {start.isError && <Alert color="red">{problemMessage(start.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Not now
            </Button>
            <Button disabled={!playbookId} loading={start.isPending} onClick={() => start.mutate()}>
              Start
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function nextDue(cycle: Cycle | undefined): string | undefined {
  return cycle?.commitments
    .filter((commitment) => commitment.status === 'open')
    .map((commitment) => commitment.dueAt)
    .sort()[0];
}

/** The reps within reach: where each one's cycle stands, and a way to start one. */
export function TeamPage() {
  const me = useCurrentUser();
  const search = teamRoute.useSearch();
  const navigate = useNavigate({ from: teamRoute.fullPath });
  const { users, byId, isPending, isError, error } = useUsers();
  const cycles = useRunningCycles();
  const cycleOf = useMemo(
    () => new Map((cycles.data?.items ?? []).map((cycle) => [cycle.repId, cycle])),
    [cycles.data],
  );
  const managers = users.filter((user) => user.role === 'manager' && user.active);
  const reps = users.filter(
    (user) => user.role === 'rep' && user.active && (!search.manager || user.managerId === search.manager),
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Team</Title>
          <Text c="dimmed" size="sm">
            Every rep within your reach and where their coaching stands.
          </Text>
        </div>
        {(me.role === 'leader' || me.role === 'admin') && managers.length > 0 && (
          <Select
            label="Manager"
            placeholder="All managers"
            data={managers.map((manager) => ({ value: manager.id, label: manager.name }))}
            value={search.manager ?? null}
            onChange={(manager) => void navigate({ search: { manager: manager ?? undefined } })}
            clearable
            w={220}
          />
        )}
      </Group>
      {(isPending || cycles.isPending) && <Loader size="sm" aria-label="Loading the team" />}
      {(isError || cycles.isError) && <Alert color="red">{problemMessage(error ?? cycles.error)}</Alert>}
      {!isPending && reps.length === 0 && (
        <Paper withBorder p="lg">
          <Text>
            No reps report to {search.manager ? nameOf(byId, search.manager) : 'you'} yet. An admin adds them
            on the People page.
          </Text>
        </Paper>
      )}
      {reps.length > 0 && (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Rep</Table.Th>
                <Table.Th>Manager</Table.Th>
                <Table.Th>Phase</Table.Th>
                <Table.Th>Next due</Table.Th>
                <Table.Th>Open escalations</Table.Th>
                <Table.Th>Cycle</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reps.map((rep) => {
                const cycle = cycleOf.get(rep.id);
                const due = nextDue(cycle);
                const escalations =
                  cycle?.escalations.filter((escalation) => !escalation.resolvedAt).length ?? 0;
                return (
                  <Table.Tr key={rep.id}>
                    <Table.Td>{rep.name}</Table.Td>
                    <Table.Td>{nameOf(byId, rep.managerId)}</Table.Td>
                    <Table.Td>
                      {cycle ? (
                        <Badge variant="light">{cycle.phase}</Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          no cycle
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{due ? relativeTime(due) : '–'}</Table.Td>
                    <Table.Td>{escalations ? <Badge color="red">{escalations}</Badge> : '0'}</Table.Td>
                    <Table.Td>
                      {cycle ? (
                        <AnchorLink to="/cycles/$cycleId" params={{ cycleId: cycle.id }} size="sm">
                          Open
                        </AnchorLink>
                      ) : (
                        <StartCycle rep={rep} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
