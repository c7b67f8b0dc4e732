import { Button, Checkbox, Fieldset, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { WebhookEventType } from './useWebhooks';

/** Every event an endpoint may subscribe to, in plain words. */
export const EVENT_TYPE_LABELS: Record<WebhookEventType, string> = {
  EscalationRaised: 'Escalation raised',
  EscalationResolved: 'Escalation resolved',
  TaskOverdue: 'Task overdue',
  TaskCompleted: 'Task completed',
  CommitmentMade: 'Commitment made',
  CommitmentKept: 'Commitment kept',
  CommitmentMissed: 'Commitment missed',
  CycleCompleted: 'Cycle completed',
  CycleCancelled: 'Cycle cancelled',
};

export interface WebhookRegistration {
  url: string;
  eventTypes: WebhookEventType[];
  format: 'standard' | 'slack';
}

interface Props {
  registering: boolean;
  onRegister: (registration: WebhookRegistration) => void;
}

/** URL, the events to send, and whether to post Slack-shaped messages. */
export function RegisterWebhookForm({ registering, onRegister }: Props) {
  const [url, setUrl] = useState('');
  const [eventTypes, setEventTypes] = useState<WebhookEventType[]>([]);
  const [slack, setSlack] = useState(false);
  const [noEvents, setNoEvents] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (eventTypes.length === 0) return setNoEvents(true);
    onRegister({ url: url.trim(), eventTypes, format: slack ? 'slack' : 'standard' });
  };

  return (
    <form onSubmit={submit} aria-label="Register a webhook">
      <Stack gap="md">
        <TextInput
          type="url"
          label="Endpoint URL"
          placeholder="https://example.com/hooks/coachflow"
          required
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
        />
        <Fieldset legend="Events to send">
          <Checkbox.Group
            aria-label="Events to send"
            value={eventTypes}
            onChange={(value) => {
              setEventTypes(value as WebhookEventType[]);
              setNoEvents(false);
            }}
            error={noEvents ? 'Choose at least one event.' : undefined}
          >
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
              {(Object.keys(EVENT_TYPE_LABELS) as WebhookEventType[]).map((type) => (
                <Checkbox key={type} value={type} label={EVENT_TYPE_LABELS[type]} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </Fieldset>
        <Switch
          label="Slack format (post messages a Slack incoming webhook accepts)"
          checked={slack}
          onChange={(event) => setSlack(event.currentTarget.checked)}
        />
        <div>
          <Button type="submit" loading={registering}>
            Register webhook
          </Button>
        </div>
      </Stack>
    </form>
  );
}
