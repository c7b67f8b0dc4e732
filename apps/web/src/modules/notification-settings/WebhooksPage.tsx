import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { problemMessage } from '#web/api/problem';
import { ConfirmDialog } from '#web/app/ConfirmDialog';
import { eventName } from './event-name';
import { EVENT_TYPE_LABELS, RegisterWebhookForm } from './RegisterWebhookForm';
import {
  type WebhookEndpoint,
  useDeleteWebhook,
  useEnableWebhook,
  useRegisterWebhook,
  useSendTestEvent,
  useWebhookDeliveries,
  useWebhooks,
} from './useWebhooks';

function DeliveryLog({ endpointId }: { endpointId: string }) {
  const deliveries = useWebhookDeliveries(endpointId);
  if (deliveries.isPending) return <Loader size="xs" aria-label="Loading deliveries" />;
  if (deliveries.isError)
    return (
      <Alert color="red" title="Deliveries could not be loaded">
        {problemMessage(deliveries.error)}
      </Alert>
    );
  const items = deliveries.data.items;
  if (items.length === 0) return <Text size="sm">No deliveries yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing="xs" aria-label="Deliveries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>Event</Table.Th>
            <Table.Th>Response</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((delivery) => (
            <Table.Tr key={delivery.id}>
              <Table.Td>{new Date(delivery.sentAt ?? delivery.createdAt).toLocaleString()}</Table.Td>
              <Table.Td>{eventName(delivery.eventType)}</Table.Td>
              <Table.Td>{delivery.responseCode ?? '—'}</Table.Td>
              <Table.Td>
                {delivery.status}
                {delivery.attempts > 1 ? ` (${delivery.attempts} attempts)` : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Asks before deleting: deliveries still waiting for the endpoint are dropped. */
function DeleteEndpoint({ endpoint }: { endpoint: WebhookEndpoint }) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteWebhook(endpoint.id);
  return (
    <>
      <Button variant="subtle" color="red" size="compact-sm" onClick={() => setOpen(true)}>
        Delete
      </Button>
      <ConfirmDialog
        opened={open}
        onClose={() => setOpen(false)}
        title="Delete this webhook?"
        error={remove.error}
        cancelLabel="Keep it"
        confirmLabel="Delete webhook"
        confirmColor="red"
        confirming={remove.isPending}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              setOpen(false);
              notifications.show({ color: 'green', title: 'Webhook deleted', message: endpoint.url });
            },
          })
        }
      >
        <Text size="sm">Coachflow stops sending to this address at once:</Text>
        {/* The address on lines of its own, broken anywhere (a URL has few spaces); the sentence around it
            wraps between words. */}
        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {endpoint.url}
        </Code>
        <Text size="sm">
          It drops what was still waiting for it. Its past deliveries stay in Admin / Deliveries.
        </Text>
      </ConfirmDialog>
    </>
  );
}

function EndpointCard({ endpoint }: { endpoint: WebhookEndpoint }) {
  const sendTest = useSendTestEvent(endpoint.id);
  const enable = useEnableWebhook(endpoint.id);
  const failed = (title: string) => (error: Error) =>
    notifications.show({ color: 'red', title, message: problemMessage(error) });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Text fw={600} style={{ wordBreak: 'break-all' }}>
            {endpoint.url}
          </Text>
          <Badge color={endpoint.disabledAt ? 'red' : 'green'} variant="light">
            {endpoint.disabledAt ? 'Disabled' : 'Enabled'}
          </Badge>
        </Group>
        {endpoint.disabledReason && (
          <Text size="sm">
            Disabled because: {endpoint.disabledReason}. Fix the receiver, then enable it again.
          </Text>
        )}
        <Text size="sm">
          {endpoint.format === 'slack' ? 'Slack format · ' : ''}
          {endpoint.eventTypes.map((type) => EVENT_TYPE_LABELS[type]).join(', ')}
        </Text>
        <Group gap="xs">
          {endpoint.disabledAt ? (
            <Button
              variant="light"
              size="compact-sm"
              loading={enable.isPending}
              onClick={() =>
                enable.mutate(undefined, {
                  onSuccess: () =>
                    notifications.show({ color: 'green', title: 'Webhook enabled', message: endpoint.url }),
                  onError: failed('Not enabled'),
                })
              }
            >
              Enable again
            </Button>
          ) : (
            <Button
              variant="light"
              size="compact-sm"
              loading={sendTest.isPending}
              onClick={() =>
                sendTest.mutate(undefined, {
                  onSuccess: () =>
                    notifications.show({ color: 'green', title: 'Test event queued', message: endpoint.url }),
                  onError: failed('Test not sent'),
                })
              }
            >
              Send test event
            </Button>
          )}
          <DeleteEndpoint endpoint={endpoint} />
        </Group>
        <DeliveryLog endpointId={endpoint.id} />
      </Stack>
    </Paper>
  );
}

/** The secret of a just-registered endpoint: the API answers it this once only. */
function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <Alert color="yellow" title="Copy the signing secret now: you will not see it again">
      <Stack gap="xs">
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {secret}
        </Code>
        <Group>
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button size="compact-sm" onClick={copy}>
                {copied ? 'Copied' : 'Copy secret'}
              </Button>
            )}
          </CopyButton>
          <Button size="compact-sm" variant="subtle" onClick={onDone}>
            I have stored it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Admins register webhook endpoints, send test events and read each endpoint's deliveries. */
export function WebhooksPage() {
  const webhooks = useWebhooks();
  const register = useRegisterWebhook();
  const [secret, setSecret] = useState<string>();
  const items = webhooks.data?.items ?? [];

  return (
    <Stack gap="md" maw={860}>
      <Title order={1}>Webhooks</Title>
      {secret && <SecretOnce secret={secret} onDone={() => setSecret(undefined)} />}
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          Register a webhook
        </Title>
        <RegisterWebhookForm
          registering={register.isPending}
          onRegister={(registration) =>
            register.mutate(registration, {
              onSuccess: (created) => setSecret(created.secret),
              onError: (error) =>
                notifications.show({ color: 'red', title: 'Not registered', message: problemMessage(error) }),
            })
          }
        />
      </Paper>
      <Title order={2} size="h4">
        Endpoints
      </Title>
      {webhooks.isPending && <Loader size="sm" aria-label="Loading webhooks" />}
      {webhooks.isError && (
        <Alert color="red" title="Webhooks could not be loaded">
          {problemMessage(webhooks.error)}
        </Alert>
      )}
      {webhooks.isSuccess && items.length === 0 && (
        <Paper withBorder p="lg">
          <Text>No webhooks yet. Register one above to send Coachflow's events to another system.</Text>
        </Paper>
      )}
      {items.map((endpoint) => (
        <EndpointCard key={endpoint.id} endpoint={endpoint} />
      ))}
    </Stack>
  );
}
