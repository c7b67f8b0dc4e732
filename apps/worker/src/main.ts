import { createPool } from '@coachflow/database';
import { PostgresEventStore, ProjectionDaemon } from '@coachflow/event-store';
import { PROJECTIONS } from '@coachflow/read-models';
import { NativeConnection } from '@temporalio/worker';
import { createWorker } from './create-worker';
import type { DeliverySender } from './notifications/delivery-sender';
import { startNotifications } from './notifications/start-notifications';
import { loadWorkerConfig } from './worker-config';
import { workflowSource } from './workflow-source';

async function main(): Promise<void> {
  const config = loadWorkerConfig(process.env);
  const pool = createPool({ connectionString: config.databaseUrl, max: 10 }, (error) =>
    console.warn(`a database connection was lost: ${error.message}`),
  );
  const eventStore = new PostgresEventStore(pool);
  const projections = new ProjectionDaemon(pool, eventStore, [...PROJECTIONS], {
    onError: (name, error) => console.error(`projection ${name} failed a batch (will retry):`, error),
  });
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  let notifications: DeliverySender | undefined;
  try {
    const worker = await createWorker({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      eventStore,
      pool,
      workflows: workflowSource(config.workflowBundlePath),
      workflowCacheSize: config.workflowCacheSize,
    });
    await projections.start();
    notifications = startNotifications(pool, eventStore, process.env);
    console.log(`worker polling task queue "${config.temporal.taskQueue}" on ${config.temporal.address}`);
    console.log(`projections running: ${PROJECTIONS.map((projection) => projection.name).join(', ')}`);
    // Temporal's runtime turns SIGINT/SIGTERM into a graceful shutdown, which ends run().
    await worker.run();
  } finally {
    await notifications?.stop();
    await projections.stop();
    await eventStore.close();
    await connection.close();
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
