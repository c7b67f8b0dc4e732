import { Alert, Badge, Button, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api, unwrap } from '#web/api/client';
import { problemMessage } from '#web/api/problem';
import { queryKeys } from '#web/api/query-keys';
import type { ResponseOf } from '#web/api/types';
import { AnchorLink } from '#web/app/AnchorLink';
import { ConfirmDialog } from '#web/app/ConfirmDialog';
import { RelativeTime } from '#web/app/RelativeTime';
import { useCurrentUser } from '#web/modules/auth/useSession';
import { nameOf, useUsers } from '#web/modules/people/useUsers';
import { teamRoute } from './team.routes';

type TeamMember = ResponseOf<'/api/team', 'get'>['items'][number];

const PHASE_LABELS: Record<NonNullable<TeamMember['cycle']>['phase'], string> = {
  prioritise: 'Prioritise',
  facilitate: 'Facilitate',
  improve: 'Improve',
};

/** The reps in the caller's reach as GET /api/team sees them (narrowed to one manager's, for a leader). */
function useTeam(managerId: string | undefined) {
  return useQuery({
    queryKey: [...queryKeys.team.all, { managerId }],
    queryFn: () =>
      unwrap(
        api.GET('/api/team', {
          params: { query: { limit: '200', ...(managerId ? { managerId } : {}) } },
        }),
      ),
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

function StartCycle({ rep }: { rep: { id: string; name: string } }) {
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
      await queryClient.invalidateQueries({ queryKey: queryKeys.team.all });
      await navigate({ to: '/cycles/$cycleId', params: { cycleId: cycle.id } });
    },
  });
  return (
    <>
      <Button size="compact-sm" variant="light" onClick={() => setOpen(true)}>
        Start a cycle
      </Button>
      <ConfirmDialog
        opened={open}
        onClose={() => setOpen(false)}
        title={`Start a coaching cycle for ${rep.name}`}
        error={start.error}
        cancelLabel="Not now"
        confirmLabel="Start"
        confirmDisabled={!playbookId}
        confirming={start.isPending}
        onConfirm={() => start.mutate()}
      >
        <Select
          label="Playbook"
          placeholder={playbooks.isPending ? 'Loading playbooks…' : 'Choose a published playbook'}
          data={(playbooks.data ?? []).map((playbook) => ({ value: playbook.id, label: playbook.name }))}
          value={playbookId}
          onChange={setPlaybookId}
          nothingFoundMessage="No published playbook: ask an admin to publish one."
        />
      </ConfirmDialog>
    </>
  );
}

/** The reps within reach: where each one's cycle stands, and a way to start one. */
export function TeamPage() {
  const me = useCurrentUser();
  const search = teamRoute.useSearch();
  const navigate = useNavigate({ from: teamRoute.fullPath });
  const { users, byId } = useUsers();
  const team = useTeam(search.manager);
  const managers = users.filter((user) => user.role === 'manager' && user.active);
  const members = team.data?.items ?? [];

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
      {team.isPending && <Loader size="sm" aria-label="Loading the team" />}
      {team.isError && (
        <Alert color="red" title="The team could not be loaded">
          {problemMessage(team.error)}
        </Alert>
      )}
      {team.isSuccess && members.length === 0 && (
        <Paper withBorder p="lg">
          <Text>
            No reps report to {search.manager ? nameOf(byId, search.manager) : 'you'} yet. An admin adds them
            on the People page.
          </Text>
        </Paper>
      )}
      {members.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Rep</Table.Th>
                <Table.Th>Manager</Table.Th>
                <Table.Th>Phase</Table.Th>
                <Table.Th>Next due</Table.Th>
                <Table.Th>Overdue</Table.Th>
                <Table.Th>Open escalations</Table.Th>
                <Table.Th>Last session</Table.Th>
                <Table.Th>Cycle</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((member) => {
                const running = member.cycle?.status === 'running' ? member.cycle : null;
                return (
                  <Table.Tr key={member.rep.id}>
                    <Table.Td>{member.rep.name}</Table.Td>
                    <Table.Td>{member.manager?.name ?? '–'}</Table.Td>
                    <Table.Td>
                      {running ? (
                        <Badge variant="light">{PHASE_LABELS[running.phase]}</Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          no cycle running
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{member.nextDueAt ? <RelativeTime iso={member.nextDueAt} /> : '–'}</Table.Td>
                    <Table.Td>
                      {member.overdueCount ? <Badge color="red">{member.overdueCount}</Badge> : '0'}
                    </Table.Td>
                    <Table.Td>
                      {member.openEscalations ? <Badge color="red">{member.openEscalations}</Badge> : '0'}
                    </Table.Td>
                    <Table.Td>
                      {member.lastCoachingSessionAt ? (
                        <RelativeTime iso={member.lastCoachingSessionAt} />
                      ) : (
                        'never'
                      )}
                    </Table.Td>
                    <Table.Td>
                      {running ? (
                        <AnchorLink to="/cycles/$cycleId" params={{ cycleId: running.id }} size="sm">
                          Open
                        </AnchorLink>
                      ) : (
                        <StartCycle rep={member.rep} />
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
