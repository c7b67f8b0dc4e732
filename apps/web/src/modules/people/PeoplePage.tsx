import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '#web/api/client';
import { problemMessage } from '#web/api/problem';
import { queryKeys } from '#web/api/query-keys';
import type { ResponseOf, Role, User } from '#web/api/types';
import { useCurrentUser } from '#web/modules/auth/useSession';
import { nameOf, useUsers } from './useUsers';

type ImportResult = ResponseOf<'/api/users/import', 'post'>;
const ROLES: Role[] = ['admin', 'leader', 'manager', 'rep'];

function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      change,
    }: {
      id: string;
      change: { role?: Role; managerId?: string | null; active?: boolean };
    }) => unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body: change })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
  });
}

function UserRow({ user, users, byId }: { user: User; users: User[]; byId: Map<string, User> }) {
  const me = useCurrentUser();
  const update = useUpdateUser();
  const managers = users.filter((candidate) => candidate.id !== user.id && candidate.role !== 'rep');
  return (
    <Table.Tr opacity={user.active ? 1 : 0.55}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {user.name}
        </Text>
        <Text size="xs" c="dimmed">
          {user.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={`Role of ${user.name}`}
          data={ROLES}
          value={user.role}
          onChange={(role) => role && update.mutate({ id: user.id, change: { role: role as Role } })}
          allowDeselect={false}
          disabled={user.id === me.id}
          size="xs"
          w={110}
        />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={`Manager of ${user.name}`}
          data={managers.map((manager) => ({ value: manager.id, label: manager.name }))}
          value={user.managerId}
          placeholder={user.managerId ? nameOf(byId, user.managerId) : 'No manager'}
          onChange={(managerId) => update.mutate({ id: user.id, change: { managerId } })}
          clearable
          searchable
          size="xs"
          w={170}
        />
      </Table.Td>
      <Table.Td>
        {user.id !== me.id && (
          <Button
            size="compact-xs"
            variant="light"
            color={user.active ? 'red' : 'green'}
            loading={update.isPending}
            onClick={() => update.mutate({ id: user.id, change: { active: !user.active } })}
          >
            {user.active ? 'Deactivate' : 'Reactivate'}
          </Button>
        )}
        {!user.active && (
          <Badge color="gray" ml="xs">
            inactive
          </Badge>
        )}
        {update.isError && (
          <Text size="xs" c="red" role="alert">
            {problemMessage(update.error)}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function ImportOrgChart() {
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const run = useMutation({
    mutationFn: (dryRun: boolean) => unwrap(api.POST('/api/users/import', { body: { csv, dryRun } })),
    onSuccess: async (result) => {
      setPreview(result);
      if (result.applied) await queryClient.invalidateQueries({ queryKey: queryKeys.users.all });
    },
  });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          Import an org chart
        </Title>
        <Text size="sm" c="dimmed">
          A CSV with a header row (email, name, role, manager email). Preview first: nothing changes until you
          import.
        </Text>
        <Group>
          <FileButton accept=".csv,text/csv" onChange={(file) => void file?.text().then(setCsv)}>
            {(props) => (
              <Button variant="default" {...props}>
                Choose a CSV file
              </Button>
            )}
          </FileButton>
        </Group>
        <Textarea
          label="CSV"
          value={csv}
          onChange={(event) => {
            setCsv(event.currentTarget.value);
            setPreview(null);
          }}
          autosize
          minRows={3}
          maxRows={12}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        <Group>
          <Button
            disabled={!csv.trim()}
            loading={run.isPending && run.variables}
            onClick={() => run.mutate(true)}
          >
            Preview
          </Button>
          <Button
            color="green"
            disabled={!preview?.dryRun || preview.errors.length > 0}
            loading={run.isPending && !run.variables}
            onClick={() => run.mutate(false)}
          >
            Import
          </Button>
        </Group>
        {run.isError && <Alert color="red">{problemMessage(run.error)}</Alert>}
        {preview && (
          <Alert
            color={preview.errors.length ? 'red' : 'green'}
            title={preview.applied ? 'Imported' : 'Preview'}
          >
            {preview.created} to create, {preview.updated} to update, {preview.unchanged} unchanged.
            {preview.errors.map((error) => (
              <Text key={`${error.row}-${error.column ?? ''}-${error.message}`} size="sm">
                Row {error.row}
                {error.column ? `, ${error.column}` : ''}: {error.message}
              </Text>
            ))}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/** Admins: everyone in the organisation, their roles and managers, deactivation and the CSV import. */
export function PeoplePage() {
  const me = useCurrentUser();
  const { users, byId, isPending, isError, error } = useUsers();
  if (me.role !== 'admin')
    return <Alert color="gray">Only admins manage people. Ask your enablement team for changes.</Alert>;
  return (
    <Stack gap="lg">
      <Title order={1}>People</Title>
      {isPending && <Loader size="sm" aria-label="Loading people" />}
      {isError && <Alert color="red">{problemMessage(error)}</Alert>}
      {users.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Manager</Table.Th>
                <Table.Th>Access</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((user) => (
                <UserRow key={user.id} user={user} users={users} byId={byId} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ImportOrgChart />
    </Stack>
  );
}
