import type { CompleteTaskRequest, TaskCompletionRecord } from '@coachflow/contracts';
import type { Recorded } from './cycle-recorder';

/** What a completion's Update answers: its TaskCompleted event, and the tasks it opened for the caller. */
export function completionRecord(
  request: CompleteTaskRequest,
  recorded: Recorded | null,
): TaskCompletionRecord {
  const completed = recorded?.events[0];
  return {
    eventId: completed?.id ?? '',
    // Only a replay of a history recorded before the activity returned it lacks `stored`; its answer
    // was given long ago and is not used.
    position: recorded?.stored?.firstPosition ?? 0,
    recordedAt: recorded?.stored?.recordedAt ?? new Date().toISOString(),
    openedTaskIds: (recorded?.events ?? []).flatMap((event) =>
      event.type === 'TaskOpened' && event.data.assigneeId === request.userId ? [event.data.taskId] : [],
    ),
  };
}
