import { Alert, Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { api, unwrap } from '#web/api/client';
import { ApiProblem, type FieldError, problemMessage } from '#web/api/problem';
import { queryKeys } from '#web/api/query-keys';
import type { Task } from '#web/api/types';
import { AnchorLink } from '#web/app/AnchorLink';
import { RelativeTime } from '#web/app/RelativeTime';
import { pinnedConfiguration } from '#web/modules/cycles/cycle-configuration';
import { describeEvent, eventsOfCommitment } from '#web/modules/cycles/describe-event';
import { useCycleEvents } from '#web/modules/cycles/useCycle';
import { useEventWords } from '#web/modules/cycles/useEventWords';
import { type FormContext, FormRenderer } from '#web/modules/forms';
import { nameOf, useUsers } from '#web/modules/people/useUsers';
import { loadDraft } from './task-draft';
import { TASK_KIND_LABELS } from './task-kind-labels';
import { taskRoute } from './tasks.routes';
import { useDraftKeeper } from './useDraftKeeper';
import { nextTaskInCycle, useCompleteTask } from './useCompleteTask';

function TaskForm({ task }: { task: Task }) {
  const navigate = useNavigate();
  const events = useCycleEvents(task.cycleId);
  const words = useEventWords(events.data?.items);
  const complete = useCompleteTask(task.id, task.cycleId);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [initialData] = useState(() => loadDraft(task.id));
  const draft = useDraftKeeper(task.id);

  const context = useMemo<FormContext>(() => {
    const commitmentId = task.context['commitmentId'];
    const history =
      typeof commitmentId === 'string'
        ? eventsOfCommitment(events.data?.items ?? [], commitmentId).flatMap((event) => {
            const text = describeEvent(event, words);
            return text ? [{ at: event.recordedAt, text }] : [];
          })
        : undefined;
    const pinned = pinnedConfiguration(events.data?.items);
    return {
      rubric: pinned.rubric?.body,
      planLength: pinned.playbook?.timings?.planLength,
      taskContext: task.context,
      history,
    };
  }, [task.context, events.data, words]);

  const submit = async (data: Record<string, unknown>) => {
    setFieldErrors([]);
    try {
      await complete.mutateAsync(data);
    } catch (error) {
      if (error instanceof ApiProblem && error.errors.length > 0) setFieldErrors(error.errors);
      else notifications.show({ color: 'red', title: 'Not submitted', message: problemMessage(error) });
      return;
    }
    draft.clear();
    const next = await nextTaskInCycle(task.cycleId, task.id).catch(() => undefined);
    notifications.show({
      color: 'green',
      title: 'Done',
      message: next
        ? `${TASK_KIND_LABELS[task.kind]}: submitted. Here is your next task.`
        : `${TASK_KIND_LABELS[task.kind]}: submitted.`,
    });
    if (next) await navigate({ to: '/tasks/$taskId', params: { taskId: next } });
    else await navigate({ to: '/', search: {} });
  };

  return (
    <Stack gap="sm">
      {fieldErrors.length > 0 && (
        <Alert color="red" title="Some answers need a change" role="alert">
          The marked fields below say what to fix; nothing you typed was lost.
        </Alert>
      )}
      <FormRenderer
        schema={task.form.schema}
        uiSchema={task.form.uiSchema}
        kind={task.kind}
        initialData={initialData}
        context={context}
        fieldErrors={fieldErrors}
        onChange={draft.save}
        onSubmit={(data) => void submit(data)}
        submitting={complete.isPending}
      />
    </Stack>
  );
}

/** A check-in's commitment, so a rep with several check-ins knows which one this is. */
function CommitmentAtStake({ context }: { context: Task['context'] }) {
  const title = context['title'];
  if (typeof title !== 'string') return null;
  const measure = context['measure'];
  const dueAt = context['dueAt'];
  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0">
      <Text size="sm" c="dimmed">
        Your commitment
      </Text>
      <Text fw={600}>{title}</Text>
      {typeof measure === 'string' && <Text size="sm">Measured by: {measure}</Text>}
      {typeof dueAt === 'string' && (
        <Text size="sm">
          Was due <RelativeTime iso={dueAt} />
        </Text>
      )}
    </Paper>
  );
}

/** One task: what it is about and its form; after submitting, the next task of the cycle or the inbox. */
export function TaskPage() {
  const { taskId } = taskRoute.useParams();
  const { byId } = useUsers();
  const task = useQuery({
    queryKey: queryKeys.tasks.one(taskId),
    queryFn: () => unwrap(api.GET('/api/tasks/{id}', { params: { path: { id: taskId } } })),
  });

  if (task.isPending)
    return (
      <Group>
        <Loader size="sm" />
        <Text>Loading the task…</Text>
      </Group>
    );
  if (task.isError)
    return (
      <Alert color="red" title="This task could not be opened">
        {problemMessage(task.error)} <AnchorLink to="/">Back to your inbox</AnchorLink>
      </Alert>
    );

  const data = task.data;
  const overdue = data.status === 'open' && Date.parse(data.dueAt) < Date.now();
  return (
    <Stack gap="md" maw={860}>
      <div>
        <AnchorLink to="/" size="sm">
          ← Inbox
        </AnchorLink>
        <Title order={1} mt={4}>
          {TASK_KIND_LABELS[data.kind]}
        </Title>
        <Group gap="xs" mt={4}>
          <Text size="sm" c="dimmed">
            For the{' '}
            <AnchorLink to="/cycles/$cycleId" params={{ cycleId: data.cycleId }}>
              cycle of {nameOf(byId, data.repId)}
            </AnchorLink>{' '}
            · due <RelativeTime iso={data.dueAt} />
          </Text>
          {overdue && <Badge color="red">Overdue</Badge>}
        </Group>
      </div>
      {data.kind === 'commitment-check-in' && <CommitmentAtStake context={data.context} />}
      {data.status === 'open' ? (
        <Paper withBorder p="md" radius="md">
          <TaskForm task={data} />
        </Paper>
      ) : (
        <Alert color="gray" title={data.status === 'completed' ? 'Already done' : 'No longer needed'}>
          {data.status === 'completed'
            ? 'This task was completed; there is nothing left to do here.'
            : 'This task was closed by the cycle (for example, it was cancelled or resolved another way).'}{' '}
          <AnchorLink to="/">Back to your inbox</AnchorLink>
        </Alert>
      )}
    </Stack>
  );
}
