import { Alert, Badge, Button, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { DELIVERY_CHANNELS, DELIVERY_STATUSES } from '@coachflow/contracts';
import { useNavigate } from '@tanstack/react-router';
import { problemMessage } from '#web/api/problem';
import { AnchorLink } from '#web/app/AnchorLink';
import { RelativeTime } from '#web/app/RelativeTime';
import { useUsers } from '#web/modules/people/useUsers';
import {
  DELIVERY_WINDOWS,
  type DeliveriesSearch,
  type DeliveryWindow,
  deliveriesRoute,
} from './notification-settings.routes';
import { eventName } from './event-name';
import { type Delivery, useDeliveries } from './useDeliveries';
import { useWebhooks } from './useWebhooks';

type Status = Delivery['status'];
type Channel = Delivery['channel'];

const STATUS_LABELS: Record<Status, string> = {
  pending: 'Waiting',
  sent: 'Sent',
  failed: 'Failed',
  expired: 'Expired',
  skipped: 'Skipped',
};
const STATUS_COLORS: Record<Status, string> = {
  pending: 'blue',
  sent: 'green',
  failed: 'red',
  expired: 'gray',
  skipped: 'gray',
};
const CHANNEL_LABELS: Record<Channel, string> = { email: 'Email', webhook: 'Webhook' };
const KIND_LABELS: Record<Delivery['kind'], string> = {
  'escalation-raised': 'escalation mail',
  'task-overdue': 'overdue mail',
  'task-due-soon': 'due-soon reminder',
  'commitment-due': 'commitment due mail',
  'coaching-session': 'session invite',
  'weekly-digest': 'weekly digest',
  'webhook-disabled': 'endpoint disabled mail',
  'webhook-event': 'webhook event',
  'webhook-test': 'test event',
};
const WINDOW_LABELS: Record<DeliveryWindow, string> = {
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
};

function When({ iso }: { iso: string }) {
  return (
    <Text size="sm" title={new Date(iso).toLocaleString()}>
      <RelativeTime iso={iso} />
    </Text>
  );
}

function DeliveryRow({ delivery }: { delivery: Delivery }) {
  return (
    <Table.Tr>
      <Table.Td>
        <When iso={delivery.createdAt} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {eventName(delivery.eventType)}
        </Text>
        <Text size="xs" c="dimmed">
          {KIND_LABELS[delivery.kind]}
        </Text>
      </Table.Td>
      <Table.Td maw={260}>
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          {delivery.recipientName ??
            (delivery.channel === 'webhook' ? 'A deleted endpoint' : 'Unknown person')}
        </Text>
      </Table.Td>
      <Table.Td>{CHANNEL_LABELS[delivery.channel]}</Table.Td>
      <Table.Td>
        <Badge color={STATUS_COLORS[delivery.status]} variant="light">
          {STATUS_LABELS[delivery.status]}
        </Badge>
        {delivery.responseCode !== undefined && (
          <Text size="xs" c="dimmed">
            answered {delivery.responseCode}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{delivery.attempts}</Table.Td>
      <Table.Td maw={280}>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {delivery.lastError ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        {delivery.sentAt ? (
          <When iso={delivery.sentAt} />
        ) : delivery.status === 'pending' ? (
          <Text size="sm">
            next try <RelativeTime iso={delivery.nextAttemptAt} />
          </Text>
        ) : (
          '—'
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Admins read the outbox: every mail and webhook, who it went to, whether it went, and why not. */
export function DeliveriesPage() {
  const search = deliveriesRoute.useSearch();
  const navigate = useNavigate({ from: deliveriesRoute.fullPath });
  const deliveries = useDeliveries(search);
  const { users } = useUsers();
  const webhooks = useWebhooks();
  const setSearch = (change: Partial<DeliveriesSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, ...change }) });

  const items = deliveries.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.values(search).some((value) => value !== undefined);
  const recipients = [
    { group: 'People', items: users.map((user) => ({ value: user.id, label: user.name })) },
    {
      group: 'Webhook endpoints',
      items: (webhooks.data?.items ?? []).map((endpoint) => ({ value: endpoint.id, label: endpoint.url })),
    },
  ].filter((group) => group.items.length > 0);

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>Deliveries</Title>
        <Text c="dimmed" size="sm">
          Every mail and webhook Coachflow sends, newest first: who it went to, whether it arrived, and why
          not.
        </Text>
      </div>

      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Status"
          placeholder="Any status"
          data={DELIVERY_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))}
          value={search.status ?? null}
          onChange={(value) => setSearch({ status: (value as Status | null) ?? undefined })}
          clearable
          w={160}
        />
        <Select
          label="Channel"
          placeholder="Any channel"
          data={DELIVERY_CHANNELS.map((channel) => ({ value: channel, label: CHANNEL_LABELS[channel] }))}
          value={search.channel ?? null}
          onChange={(value) => setSearch({ channel: (value as Channel | null) ?? undefined })}
          clearable
          w={160}
        />
        <Select
          label="Recipient"
          placeholder="Anyone"
          data={recipients}
          value={search.recipient ?? null}
          onChange={(value) => setSearch({ recipient: value ?? undefined })}
          clearable
          searchable
          w={280}
        />
        <Select
          label="Queued"
          placeholder="Any time"
          data={DELIVERY_WINDOWS.map((window) => ({ value: window, label: WINDOW_LABELS[window] }))}
          value={search.within ?? null}
          onChange={(value) => setSearch({ within: (value as DeliveryWindow | null) ?? undefined })}
          clearable
          w={180}
        />
      </Group>

      {deliveries.isPending && (
        <Group>
          <Loader size="sm" />
          <Text>Loading deliveries…</Text>
        </Group>
      )}
      {deliveries.isError && (
        <Alert color="red" title="Deliveries could not be loaded">
          {problemMessage(deliveries.error)}{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => void deliveries.refetch()}>
            Try again
          </Button>
        </Alert>
      )}
      {deliveries.isSuccess && items.length === 0 && (
        <Paper withBorder p="lg">
          {filtered ? (
            <Text>
              No delivery matches these filters.{' '}
              <AnchorLink to="/admin/deliveries" search={{}}>
                Clear the filters
              </AnchorLink>
            </Text>
          ) : (
            <Text>
              Nothing has been sent yet. Mails go out as cycles raise escalations, open tasks and fall due; to
              send events to another system, <AnchorLink to="/admin/webhooks">register a webhook</AnchorLink>{' '}
              and send it a test event.
            </Text>
          )}
        </Paper>
      )}

      {items.length > 0 && (
        <Table.ScrollContainer minWidth={960}>
          <Table verticalSpacing="xs" highlightOnHover aria-label="Deliveries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Queued</Table.Th>
                <Table.Th>Event</Table.Th>
                <Table.Th>Recipient</Table.Th>
                <Table.Th>Channel</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Attempts</Table.Th>
                <Table.Th>Last error</Table.Th>
                <Table.Th>Sent</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((delivery) => (
                <DeliveryRow key={delivery.id} delivery={delivery} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {deliveries.hasNextPage && (
        <div>
          <Button
            variant="light"
            loading={deliveries.isFetchingNextPage}
            onClick={() => void deliveries.fetchNextPage()}
          >
            Show older deliveries
          </Button>
        </div>
      )}
    </Stack>
  );
}
