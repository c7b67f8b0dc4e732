import type { CompleteTaskRequest, TaskCompletionRecord } from '@coachflow/contracts';
import { completeTaskRejection, CycleRuleCode, CycleRuleError } from '@coachflow/domain';
import { setHandler } from '@temporalio/workflow';
import type { CommandQueue } from './command-queue';
import type { CycleRecorder } from './cycle-recorder';
import {
  cancelCycleUpdate,
  changeManagerUpdate,
  type CoachingCycleState,
  completeTaskUpdate,
  cycleStateQuery,
  reassignTasksUpdate,
} from './messages';
import { notRunning, toFailure } from './refusals';

export interface CycleHandlerDeps {
  recorder: CycleRecorder;
  queue: CommandQueue;
  /** The cycle's manager as started, until the state knows it. */
  startingManagerId: string;
  /** Whether a refused not-open completion may still pass because a due deadline may open it (due-first). */
  mayOpenByDueTick: () => boolean;
}

/**
 * Registers the query and the updates. Each update's validator refuses (before anything enters history)
 * what the cycle would refuse; the handler only queues the command for the main loop.
 */
export function registerCycleHandlers({
  recorder,
  queue,
  startingManagerId,
  mayOpenByDueTick,
}: CycleHandlerDeps): void {
  setHandler(cycleStateQuery, (): CoachingCycleState => {
    const { state } = recorder;
    return {
      phase: state.phase,
      status: state.status === 'not-started' ? 'running' : state.status,
      openTaskIds: Object.keys(state.tasks),
      managerId: state.managerId || startingManagerId,
      version: recorder.recordedVersion,
    };
  });

  // Takes (and ignores) the update's argument so it fits every update's validator signature.
  const assertRunning = (_request?: unknown) => {
    const { status } = recorder.state;
    const ending = queue.pending().some((command) => command.type === 'CancelCycle');
    if (status === 'completed' || status === 'cancelled' || ending) throw notRunning();
  };

  setHandler(
    completeTaskUpdate,
    (request) => queue.submit<TaskCompletionRecord>({ type: 'CompleteTask', data: request }),
    { validator: (request) => validateCompletion(request) },
  );
  setHandler(cancelCycleUpdate, (request) => queue.submit<void>({ type: 'CancelCycle', data: request }), {
    validator: assertRunning,
  });
  setHandler(changeManagerUpdate, (request) => queue.submit<void>({ type: 'ChangeManager', data: request }), {
    validator: assertRunning,
  });
  setHandler(reassignTasksUpdate, (request) => queue.submit<void>({ type: 'ReassignTasks', data: request }), {
    validator: assertRunning,
  });

  function validateCompletion(request: CompleteTaskRequest): void {
    assertRunning(request);
    const rejection = completeTaskRejection(recorder.state, request, new Date().toISOString());
    const openedByDueTick = rejection?.code === CycleRuleCode.TaskNotOpen && mayOpenByDueTick();
    if (rejection && !openedByDueTick) throw toFailure(rejection);
    // A completion of the same task already accepted but not yet recorded: this one is the second.
    const queued = queue
      .pending()
      .some((command) => command.type === 'CompleteTask' && command.data.taskId === request.taskId);
    if (queued) throw toFailure(new CycleRuleError(CycleRuleCode.TaskNotOpen, 'The task is not open.'));
  }
}
