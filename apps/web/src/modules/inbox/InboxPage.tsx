import {
  Alert,
  Badge,
  Button,
  Group,
  Kbd,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { TASK_KINDS } from '@coachflow/contracts';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import { problemMessage } from '#web/api/problem';
import type { TaskKind, TaskSummary } from '#web/api/types';
import { AnchorLink } from '#web/app/AnchorLink';
import { RelativeTime } from '#web/app/RelativeTime';
import { useCurrentUser } from '#web/modules/auth/useSession';
import { nameOf, useUsers } from '#web/modules/people/useUsers';
import { TASK_KIND_LABELS } from '#web/modules/tasks/task-kind-labels';
import { useOpenTasks } from '#web/modules/tasks/useOpenTasks';
import { DUE_GROUP_LABELS, groupByDue } from './group-tasks';
import { InboxEmptyState } from './InboxEmptyState';
import { OVERDUE_TEXT, SELECTED_ROW } from './inbox-colors';
import { type InboxSearch, inboxRoute } from './inbox.routes';

function matches(task: TaskSummary, search: InboxSearch): boolean {
  if (search.kind && task.kind !== search.kind) return false;
  if (search.rep && task.repId !== search.rep) return false;
  if (search.overdue && Date.parse(task.dueAt) >= Date.now()) return false;
  return true;
}

const SHORTCUTS: [string, string][] = [
  ['j', 'Next task'],
  ['k', 'Previous task'],
  ['Enter', 'Open the selected task'],
  ['?', 'Show these shortcuts'],
];

/** The caller's open tasks (or a report's), grouped by when they are due; filters live in the URL. */
export function InboxPage() {
  const search = inboxRoute.useSearch();
  const navigate = useNavigate({ from: inboxRoute.fullPath });
  const me = useCurrentUser();
  const tasks = useOpenTasks(search.assignee);
  const { users, byId } = useUsers();
  const [selected, setSelected] = useState(0);
  const [helpOpen, setHelpOpen] = useState(false);
  const rows = useRef<(HTMLAnchorElement | null)[]>([]);

  const setSearch = (change: Partial<InboxSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, ...change }) });

  const visible = useMemo(
    () => (tasks.data?.items ?? []).filter((task) => matches(task, search)),
    [tasks.data, search],
  );
  const groups = useMemo(() => groupByDue(visible, new Date()), [visible]);
  const ordered = groups.flatMap((group) => group.tasks);

  useEffect(() => setSelected((at) => Math.min(at, Math.max(0, ordered.length - 1))), [ordered.length]);

  const move = (step: number) => {
    const next = Math.max(0, Math.min(ordered.length - 1, selected + step));
    setSelected(next);
    rows.current[next]?.focus();
  };
  useHotkeys([
    ['j', () => move(1)],
    ['k', () => move(-1)],
    [
      'Enter',
      () => {
        const task = ordered[selected];
        if (task) void navigate({ to: '/tasks/$taskId', params: { taskId: task.id } });
      },
    ],
    ['shift+?', () => setHelpOpen(true)],
  ]);

  const reports = users.filter((user) => user.id !== me.id && user.role !== 'admin');
  const reps = users.filter((user) => user.role === 'rep');
  const whose = search.assignee ? nameOf(byId, search.assignee) : null;
  let index = -1;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{whose ? `Tasks of ${whose}` : 'Your inbox'}</Title>
          <Text c="dimmed" size="sm">
            Open coaching tasks, soonest first. Press <Kbd>?</Kbd> for keyboard shortcuts.
          </Text>
        </div>
        {me.role !== 'rep' && reports.length > 0 && (
          <Select
            label="Whose tasks"
            data={[
              { value: '', label: 'My tasks' },
              ...reports.map((user) => ({ value: user.id, label: user.name })),
            ]}
            value={search.assignee ?? ''}
            onChange={(value) => setSearch({ assignee: value || undefined })}
            allowDeselect={false}
            searchable
            w={220}
          />
        )}
      </Group>

      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Kind"
          placeholder="Any kind"
          data={TASK_KINDS.map((kind) => ({ value: kind, label: TASK_KIND_LABELS[kind] }))}
          value={search.kind ?? null}
          onChange={(value) => setSearch({ kind: (value as TaskKind | null) ?? undefined })}
          clearable
          w={240}
        />
        {reps.length > 1 && (
          <Select
            label="Rep"
            placeholder="Any rep"
            data={reps.map((user) => ({ value: user.id, label: user.name }))}
            value={search.rep ?? null}
            onChange={(value) => setSearch({ rep: value ?? undefined })}
            clearable
            searchable
            w={200}
          />
        )}
        <Switch
          label="Overdue only"
          checked={!!search.overdue}
          onChange={(event) => setSearch({ overdue: event.currentTarget.checked || undefined })}
          mb={8}
        />
      </Group>

      {tasks.isPending && (
        <Group>
          <Loader size="sm" />
          <Text>Loading your tasks…</Text>
        </Group>
      )}
      {tasks.isError && (
        <Alert color="red" title="Your tasks could not be loaded">
          {problemMessage(tasks.error)}{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => void tasks.refetch()}>
            Try again
          </Button>
        </Alert>
      )}
      {tasks.isSuccess && ordered.length === 0 && (
        <Paper withBorder p="lg">
          {tasks.data.items.length === 0 ? (
            <InboxEmptyState role={me.role} />
          ) : (
            <Text>
              No task matches these filters.{' '}
              <AnchorLink to="/" search={{ assignee: search.assignee }}>
                Clear the filters
              </AnchorLink>
            </Text>
          )}
        </Paper>
      )}

      {groups.map(({ group, tasks: inGroup }) => (
        <section key={group} aria-labelledby={`group-${group}`}>
          <Group gap="xs" mb={6}>
            <Title
              order={2}
              size="h4"
              id={`group-${group}`}
              c={group === 'overdue' ? OVERDUE_TEXT : undefined}
            >
              {DUE_GROUP_LABELS[group]}
            </Title>
            <Badge variant="light" color={group === 'overdue' ? 'red' : 'gray'}>
              {inGroup.length}
            </Badge>
          </Group>
          <Table.ScrollContainer minWidth={360}>
            <Table highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Task</Table.Th>
                  <Table.Th>Rep</Table.Th>
                  <Table.Th>Due</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {inGroup.map((task) => {
                  index += 1;
                  const at = index;
                  return (
                    <Table.Tr
                      key={task.id}
                      bg={at === selected ? SELECTED_ROW : undefined}
                      data-selected={at === selected || undefined}
                    >
                      <Table.Td>
                        <AnchorLink
                          to="/tasks/$taskId"
                          params={{ taskId: task.id }}
                          ref={(element: HTMLAnchorElement | null) => {
                            rows.current[at] = element;
                          }}
                          onFocus={() => setSelected(at)}
                          fw={500}
                        >
                          {TASK_KIND_LABELS[task.kind]}
                        </AnchorLink>
                        <Text size="xs" c="dimmed">
                          <AnchorLink
                            to="/cycles/$cycleId"
                            params={{ cycleId: task.cycleId }}
                            size="xs"
                            c="dimmed"
                          >
                            Cycle of {nameOf(byId, task.repId)}
                          </AnchorLink>
                        </Text>
                      </Table.Td>
                      <Table.Td>{nameOf(byId, task.repId)}</Table.Td>
                      <Table.Td>
                        <Text
                          size="sm"
                          c={group === 'overdue' ? OVERDUE_TEXT : undefined}
                          title={new Date(task.dueAt).toLocaleString()}
                        >
                          <RelativeTime iso={task.dueAt} />
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      ))}

      <Modal opened={helpOpen} onClose={() => setHelpOpen(false)} title="Keyboard shortcuts">
        <Table>
          <Table.Tbody>
            {SHORTCUTS.map(([key, what]) => (
              <Table.Tr key={key}>
                <Table.Td>
                  <Kbd>{key}</Kbd>
                </Table.Td>
                <Table.Td>{what}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Modal>
    </Stack>
  );
}
