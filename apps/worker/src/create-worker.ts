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

/**
 * Workflow task polls open at once, sticky and normal queue together (the SDK's default is 10). Measured in
 * the load bench (docs/benchmarks.md, "Workflow task pollers"): with autoscaling, 50 completions a second
 * after a light warm-up waited a third of a second longer each second before the workflow saw them (2.5 s
 * after 8 s); with 20 fixed, under 25 ms throughout.
 */
const WORKFLOW_TASK_POLLERS = 20;

/** A Temporal worker running every Coachflow workflow and activity on one task queue. */
export function createWorker(options: CreateWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...options.workflows,
    ...(options.workflowCacheSize === undefined ? {} : { maxCachedWorkflows: options.workflowCacheSize }),
    // Fixed, not autoscaling: autoscaling did not add pollers for a steady stream of Updates after a quiet
    // spell, so completions queued (see WORKFLOW_TASK_POLLERS). A fifth of them poll the normal queue: four,
    // one for each of a server's default task queue partitions (with two, a first workflow task landing in a
    // partition nobody polled waited about two seconds to be forwarded).
    workflowTaskPollerBehavior: { type: 'simple-maximum', maximum: WORKFLOW_TASK_POLLERS },
    activityTaskPollerBehavior: { type: 'autoscaling' },
    // Registered once, these serve both the workflow's activities and its local activities (same names).
    activities: createCoachingCycleActivities({ eventStore: options.eventStore, pool: options.pool }),
  });
}
