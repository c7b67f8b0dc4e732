import { randomUUID } from 'node:crypto';
import { cycleStreamId, cycleWorkflowId } from '@coachflow/domain';
import { PostgresEventStore } from '@coachflow/event-store';
import { eventually, integrationEnv } from '@coachflow/testing';
import { type coachingCycle, cycleStateQuery, type CoachingCycleInput } from '@coachflow/workflows';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import { createCoachingCycleActivities } from './activities/coaching-cycle.activities';
import { createWorker } from './create-worker';

describe('coachingCycle workflow on a real dev server and Postgres', () => {
  const env = integrationEnv();
  const taskQueue = `it-worker-${randomUUID()}`;
  let pool: Pool;
  let eventStore: PostgresEventStore;
  let nativeConnection: NativeConnection;
  let connection: Connection;
  let client: Client;
  let worker: Worker;
  let running: Promise<void>;

  beforeAll(async () => {
    pool = new Pool({ connectionString: env.databaseUrl });
    eventStore = new PostgresEventStore(pool);
    nativeConnection = await NativeConnection.connect({ address: env.temporalAddress });
    connection = await Connection.connect({ address: env.temporalAddress });
    client = new Client({ connection });
    worker = await createWorker({
      connection: nativeConnection,
      namespace: 'default',
      taskQueue,
      eventStore,
      workflows: { workflowBundle: { codePath: env.workflowBundlePath } },
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker.shutdown();
    await running;
    await nativeConnection.close();
    await connection.close();
    await pool.end();
  });

  const input = (): CoachingCycleInput => ({
    cycleId: randomUUID(),
    organisationId: randomUUID(),
    repId: randomUUID(),
    managerId: randomUUID(),
    playbook: { id: randomUUID(), version: 2 },
  });

  it('records CycleStarted once in the cycle stream and reports the prioritise phase', async () => {
    const cycle = input();
    const handle = await client.workflow.start<typeof coachingCycle>('coachingCycle', {
      workflowId: cycleWorkflowId(cycle.cycleId),
      taskQueue,
      args: [cycle],
    });
    const events = await eventually(async () => {
      const stored = await eventStore.readStream(cycleStreamId(cycle.cycleId));
      expect(stored).toHaveLength(1);
      return stored;
    });
    expect(events[0]).toMatchObject({ type: 'CycleStarted', streamVersion: 1, data: { ...cycle } });
    expect(await handle.query(cycleStateQuery)).toEqual({ phase: 'prioritise', status: 'running' });
    await handle.terminate('test done');
  });

  it('writes nothing twice when the activity is retried with the same input', async () => {
    const cycle = input();
    const activities = createCoachingCycleActivities({ eventStore });
    const streamId = cycleStreamId(cycle.cycleId);
    const events = [
      { id: `${cycleWorkflowId(cycle.cycleId)}/cycle-started`, type: 'CycleStarted', data: { ...cycle } },
    ];
    await activities.recordCycleEvents({ streamId, events });
    await activities.recordCycleEvents({ streamId, events });
    expect(await eventStore.readStream(streamId)).toHaveLength(1);
  });
});
