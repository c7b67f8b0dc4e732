import { PostgresEventStore } from '@coachflow/event-store';
import { NativeConnection } from '@temporalio/worker';
import { Pool } from 'pg';
import { createWorker } from './create-worker';
import { loadWorkerConfig } from './worker-config';
import { workflowSource } from './workflow-source';

async function main(): Promise<void> {
  const config = loadWorkerConfig(process.env);
  const pool = new Pool({ connectionString: config.databaseUrl, max: 10 });
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  try {
    const worker = await createWorker({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      eventStore: new PostgresEventStore(pool),
      workflows: workflowSource(config.workflowBundlePath),
    });
    console.log(`worker polling task queue "${config.temporal.taskQueue}" on ${config.temporal.address}`);
    // Temporal's runtime turns SIGINT/SIGTERM into a graceful shutdown, which ends run().
    await worker.run();
  } finally {
    await connection.close();
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
