import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '#web/api/client';
import { queryKeys } from '#web/api/query-keys';

/** Completes a task; afterwards every task list and the task's cycle are refreshed. */
export function useCompleteTask(taskId: string, cycleId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: Record<string, unknown>) =>
      unwrap(api.POST('/api/tasks/{id}/complete', { params: { path: { id: taskId } }, body: { data } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.tasks.all });
      if (cycleId) await queryClient.invalidateQueries({ queryKey: queryKeys.cycles.one(cycleId) });
    },
  });
}

/** The caller's next open task in a cycle, if there is one (after finishing one, it opens next). */
export async function nextTaskInCycle(cycleId: string, after: string): Promise<string | undefined> {
  const page = await unwrap(api.GET('/api/tasks', { params: { query: { status: 'open', cycleId } } }));
  return page.items
    .filter((task) => task.id !== after)
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0]?.id;
}
