import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Stepper,
  Table,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '#web/api/client';
import { problemMessage } from '#web/api/problem';
import { queryKeys } from '#web/api/query-keys';
import { ConfirmDialog } from '#web/app/ConfirmDialog';
import { RelativeTime } from '#web/app/RelativeTime';
import { useCurrentUser } from '#web/modules/auth/useSession';
import { nameOf, useUsers } from '#web/modules/people/useUsers';
import { pinnedConfiguration } from './cycle-configuration';
import { cycleRoute } from './cycles.routes';
import { describeEvent } from './describe-event';
import { useCycle, useCycleEvents } from './useCycle';
import { useEventWords } from './useEventWords';

const PHASES = [
  { key: 'prioritise', label: 'Prioritise', description: 'Assess and choose the focus' },
  { key: 'facilitate', label: 'Facilitate', description: 'Observe and agree a plan' },
  { key: 'improve', label: 'Improve', description: 'Follow up on commitments' },
  { key: 'review', label: 'Review', description: 'Rescore and close' },
] as const;

const COMMITMENT_COLORS = { open: 'blue', kept: 'green', missed: 'red', dropped: 'gray' } as const;

function CancelCycle({ cycleId }: { cycleId: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/cycles/{id}/cancel', { params: { path: { id: cycleId } }, body: { reason } })),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: queryKeys.cycles.all });
      await queryClient.invalidateQueries({ queryKey: queryKeys.tasks.all });
    },
  });
  return (
    <>
      <Button color="red" variant="light" onClick={() => setOpen(true)}>
        Cancel cycle
      </Button>
      <ConfirmDialog
        opened={open}
        onClose={() => setOpen(false)}
        title="Cancel this cycle?"
        error={cancel.error}
        cancelLabel="Keep it running"
        confirmLabel="Cancel cycle"
        confirmColor="red"
        confirmDisabled={!reason.trim()}
        confirming={cancel.isPending}
        onConfirm={() => cancel.mutate()}
      >
        <Text size="sm">Open tasks close and nobody is reminded again. Say why, for the record.</Text>
        <Textarea
          label="Reason"
          required
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={1000}
          autosize
          minRows={2}
        />
      </ConfirmDialog>
    </>
  );
}

/** One coaching cycle: who, on which playbook, where it stands, and everything that happened. */
export function CyclePage() {
  const { cycleId } = cycleRoute.useParams();
  const me = useCurrentUser();
  const cycle = useCycle(cycleId);
  const events = useCycleEvents(cycleId);
  const words = useEventWords(events.data?.items);
  const { byId } = useUsers();
  // The four phases side by side need a tablet's width; on a phone they stack.
  const narrow = useMediaQuery('(max-width: 36em)');

  if (cycle.isPending) return <Loader size="sm" aria-label="Loading the cycle" />;
  if (cycle.isError)
    return (
      <Alert color="red" title="This cycle could not be opened">
        {problemMessage(cycle.error)}
      </Alert>
    );

  const data = cycle.data;
  const pinned = pinnedConfiguration(events.data?.items);
  const completed = data.status === 'completed';
  const activeStep = completed ? PHASES.length : PHASES.findIndex((phase) => phase.key === data.phase);
  const canCancel =
    data.status === 'running' && (me.role === 'admin' || me.role === 'leader' || me.id === data.managerId);
  const timeline = (events.data?.items ?? []).flatMap((event) => {
    const text = describeEvent(event, words);
    return text ? [{ event, text }] : [];
  });

  return (
    <Stack gap="lg" maw={960}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>Cycle of {nameOf(byId, data.repId)}</Title>
          <Text c="dimmed" size="sm">
            Manager {nameOf(byId, data.managerId)} · playbook {pinned.playbook?.name ?? 'unnamed'} (version{' '}
            {data.playbook.version}) ·{' '}
            <Badge
              color={data.status === 'running' ? 'blue' : data.status === 'completed' ? 'green' : 'gray'}
            >
              {data.status}
            </Badge>
          </Text>
        </div>
        {canCancel && <CancelCycle cycleId={data.id} />}
      </Group>

      <Stepper
        active={activeStep}
        size="sm"
        allowNextStepsSelect={false}
        orientation={narrow ? 'vertical' : 'horizontal'}
      >
        {PHASES.map((phase) => (
          <Stepper.Step key={phase.key} label={phase.label} description={phase.description} />
        ))}
      </Stepper>

      {data.focusAreas.length > 0 && (
        <Text>
          <strong>Focus areas:</strong> {data.focusAreas.map((key) => words.competency(key)).join(', ')}
        </Text>
      )}

      <section aria-labelledby="commitments">
        <Title order={2} size="h3" id="commitments" mb="xs">
          Commitments
        </Title>
        {data.commitments.length === 0 ? (
          <Text c="dimmed">No commitments yet: they are made in the coaching session.</Text>
        ) : (
          <Table.ScrollContainer minWidth={320}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Commitment</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Due</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.commitments.map((commitment) => (
                  <Table.Tr key={commitment.id}>
                    <Table.Td>{commitment.title}</Table.Td>
                    <Table.Td>
                      {/* Its whole word, also when a phone squeezes the column. */}
                      <Badge
                        color={COMMITMENT_COLORS[commitment.status]}
                        variant="light"
                        style={{ minWidth: 'max-content' }}
                      >
                        {commitment.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td title={new Date(commitment.dueAt).toLocaleString()}>
                      <RelativeTime iso={commitment.dueAt} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>

      {data.escalations.length > 0 && (
        <section aria-labelledby="escalations">
          <Title order={2} size="h3" id="escalations" mb="xs">
            Escalations
          </Title>
          <Stack gap="xs">
            {data.escalations.map((escalation) => (
              <Paper key={`${escalation.commitmentId}-${escalation.level}`} withBorder p="sm">
                <Text size="sm">
                  Level {escalation.level} to {nameOf(byId, escalation.assigneeId)} about “
                  {words.commitment(escalation.commitmentId)}”, raised{' '}
                  <RelativeTime iso={escalation.raisedAt} />
                  {escalation.resolvedAt ? (
                    <>
                      , resolved <RelativeTime iso={escalation.resolvedAt} />
                    </>
                  ) : (
                    ' — open'
                  )}
                </Text>
              </Paper>
            ))}
          </Stack>
        </section>
      )}

      <section aria-labelledby="timeline">
        <Title order={2} size="h3" id="timeline" mb="xs">
          What happened
        </Title>
        {events.isPending && <Loader size="sm" aria-label="Loading the timeline" />}
        <Timeline bulletSize={14} lineWidth={2} active={timeline.length - 1}>
          {timeline.map(({ event, text }) => (
            <Timeline.Item key={event.position} title={text}>
              <Text size="xs" c="dimmed" title={new Date(event.recordedAt).toLocaleString()}>
                <RelativeTime iso={event.recordedAt} />
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </section>
    </Stack>
  );
}
