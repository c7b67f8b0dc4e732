import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { problemMessage } from '#web/api/problem';
import type { Notification } from '#web/api/types';
import { AnchorLink } from '#web/app/AnchorLink';
import { RelativeTime } from '#web/app/RelativeTime';
import { useMarkNotificationsRead, useNotifications } from './useNotifications';

function describe(notification: Notification): string {
  if (notification.kind === 'escalation') {
    const level = notification.details['level'];
    return `A missed commitment was escalated to you${typeof level === 'number' ? ` (level ${level})` : ''}.`;
  }
  return 'One of your tasks is overdue.';
}

/** The caller's notifications, newest first: open one, mark one or all read. */
export function NotificationsPage() {
  const list = useNotifications();
  const markRead = useMarkNotificationsRead();
  const items = list.data?.items ?? [];
  const unread = items.filter((item) => !item.readAt);

  return (
    <Stack gap="md" maw={760}>
      <Group justify="space-between">
        <Title order={1}>Notifications</Title>
        <Button
          variant="light"
          disabled={unread.length === 0}
          loading={markRead.isPending}
          onClick={() => markRead.mutate(unread.map((item) => item.id))}
        >
          Mark all read
        </Button>
      </Group>
      {list.isPending && <Loader size="sm" aria-label="Loading notifications" />}
      {list.isError && (
        <Alert color="red" title="Notifications could not be loaded">
          {problemMessage(list.error)}
        </Alert>
      )}
      {list.isSuccess && items.length === 0 && (
        <Paper withBorder p="lg">
          <Text>
            No notifications. You will hear here when a task runs late or a commitment is escalated to you.
          </Text>
        </Paper>
      )}
      {items.map((item) => (
        <Paper key={item.id} withBorder p="sm" bg={item.readAt ? undefined : 'indigo.0'}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text fw={item.readAt ? 400 : 600}>{describe(item)}</Text>
              <Text size="xs" c="dimmed">
                <RelativeTime iso={item.createdAt} />
                {item.taskId && (
                  <>
                    {' · '}
                    <AnchorLink to="/tasks/$taskId" params={{ taskId: item.taskId }} size="xs">
                      Open the task
                    </AnchorLink>
                  </>
                )}
                {item.cycleId && (
                  <>
                    {' · '}
                    <AnchorLink to="/cycles/$cycleId" params={{ cycleId: item.cycleId }} size="xs">
                      Open the cycle
                    </AnchorLink>
                  </>
                )}
              </Text>
            </div>
            {!item.readAt && (
              <Button
                size="compact-sm"
                variant="subtle"
                // The message wraps instead; the button keeps its words on a phone.
                style={{ flexShrink: 0 }}
                onClick={() => markRead.mutate([item.id])}
              >
                Mark read
              </Button>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
