import type { ChangeManagerCommand, CycleContext, ReassignTasksCommand } from './cycle-commands';
import type { Decision } from './cycle-decision';
import { sortedTasks } from './cycle-order';

/** The rep's manager changed: the cycle follows, and the old manager's open tasks go to the new one. */
export function decideManagerChange(
  decision: Decision,
  { managerId: toId, by }: ChangeManagerCommand['data'],
  ctx: CycleContext,
): void {
  const fromId = decision.state.managerId;
  if (fromId === toId) return;
  const open = sortedTasks(decision.state);
  decision.emit('CycleManagerChanged', { fromId, toId, by, at: ctx.now });
  for (const task of open)
    if (task.assigneeId === fromId)
      decision.emit('TaskReassigned', {
        taskId: task.taskId,
        fromId,
        toId,
        reason: 'manager-changed',
        at: ctx.now,
      });
}

/** A user was deactivated: their open tasks go to `toUserId`. */
export function decideTaskReassignment(
  decision: Decision,
  { fromUserId, toUserId }: ReassignTasksCommand['data'],
  ctx: CycleContext,
): void {
  if (fromUserId === toUserId) return;
  for (const task of sortedTasks(decision.state))
    if (task.assigneeId === fromUserId)
      decision.emit('TaskReassigned', {
        taskId: task.taskId,
        fromId: fromUserId,
        toId: toUserId,
        reason: 'assignee-deactivated',
        at: ctx.now,
      });
}
