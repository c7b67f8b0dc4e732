import type { EventStore } from '@coachflow/event-store';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createCoachingCycleActivities } from './activities/coaching-cycle.activities';

export interface CreateWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  eventStore: EventStore;
  workflows: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'>;
}

/** A Temporal worker running every Coachflow workflow and activity on one task queue. */
export function createWorker(options: CreateWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...options.workflows,
    activities: createCoachingCycleActivities({ eventStore: options.eventStore }),
  });
}
