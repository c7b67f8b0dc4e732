import { Paper, Text, Timeline } from '@mantine/core';
import type { CommitmentHistoryEntry } from '../form-context';

/** What happened to the commitment at stake, oldest first, before deciding what to do with it. */
export function EscalationHistory({
  title,
  history,
}: {
  title: string | undefined;
  history: readonly CommitmentHistoryEntry[];
}) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text fw={700} mb="xs">
        {title ? `History of “${title}”` : 'History of the commitment'}
      </Text>
      {history.length === 0 ? (
        <Text size="sm" c="dimmed">
          No history recorded yet.
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} active={history.length - 1}>
          {history.map((entry, index) => (
            <Timeline.Item key={index} title={entry.text}>
              <Text size="xs" c="dimmed">
                {new Date(entry.at).toLocaleString()}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
