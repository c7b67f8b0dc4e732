import type { EventStore } from '@coachflow/event-store';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Pool } from 'pg';
import { createCoachingCycleActivities } from './activities/coaching-cycle.activities';

export interface CreateWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  eventStore: EventStore;
  /** The people and cycle registry tables (reporting chains, registry status). */
  pool: Pool;
  workflows: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'>;
  /** The sticky cache's size; the SDK's default when unset. */
  workflowCacheSize?: number | undefined;
}

/** A Temporal worker running every Coachflow workflow and activity on one task queue. */
export function createWorker(options: CreateWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...options.workflows,
    ...(options.workflowCacheSize === undefined ? {} : { maxCachedWorkflows: options.workflowCacheSize }),
    // Poller counts follow the server's feedback. With the fixed default, two pollers on the normal queue
    // against a server's default four task queue partitions, a first workflow task that lands in a partition
    // nobody polls waits about two seconds to be forwarded: every few dozen cycle starts, one stalled.
    workflowTaskPollerBehavior: { type: 'autoscaling' },
    activityTaskPollerBehavior: { type: 'autoscaling' },
    // Registered once, these serve both the workflow's activities and its local activities (same names).
    activities: createCoachingCycleActivities({ eventStore: options.eventStore, pool: options.pool }),
  });
}
