import type { ManagedProcess } from '@coachflow/dev-stack';
import { PostgresEventStore } from '@coachflow/event-store';
import { appProcessEnv, integrationEnv, OutputLog, startBuiltEntry } from '@coachflow/testing';
import { completeTaskUpdate } from '@coachflow/workflows';
import { Client, Connection } from '@temporalio/client';
import { Pool } from 'pg';
import { configuration, CycleDriver, expectSoundStream, insertPeople } from './testing/cycle-test-kit';

describe('a worker killed with SIGKILL in the middle of a cycle', () => {
  const env = integrationEnv();
  const processEnv = appProcessEnv();
  const taskQueue = processEnv['TEMPORAL_TASK_QUEUE']!;
  const log = new OutputLog();
  let pool: Pool;
  let connection: Connection;
  let client: Client;
  let worker: ManagedProcess | undefined;

  const startWorker = async () => {
    worker = startBuiltEntry('worker', 'apps/worker/dist/main.js', processEnv, log);
    await worker.waitForLine(/worker polling task queue/, 60_000);
  };
  const killWorker = async () => {
    await worker?.stop(0, 'SIGKILL');
  };

  beforeAll(async () => {
    pool = new Pool({ connectionString: env.databaseUrl });
    connection = await Connection.connect({ address: env.temporalAddress });
    client = new Client({ connection });
  });

  afterAll(async () => {
    await worker?.stop();
    await connection.close();
    await pool.end();
  });

  it('finishes the cycle after a restart with no duplicate and no missing event', async () => {
    await startWorker();
    const people = await insertPeople(pool);
    const eventStore = new PostgresEventStore(pool);
    // A grace period longer than a restart (a killed worker's sticky tasks wait out their timeout first).
    const config = configuration({ checkInGrace: 'PT15S' });
    const cycle = await CycleDriver.start(client, eventStore, taskQueue, people, config);
    await cycle.toAcceptedPlan([
      { title: 'Kept', due: 'PT2S' },
      { title: 'Forgotten', due: 'PT2S' },
    ]);

    // Killed while both commitments' timers run: they fire with no worker, and are handled after a restart.
    await killWorker();
    const versionAtKill = (await cycle.events()).length;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await startWorker();

    const kept = await cycle.task('commitment-check-in', (task) => task.context['title'] === 'Kept', 30_000);
    await cycle.handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: kept.taskId, userId: people.repId, data: { kept: true } }],
    });
    const escalation = await cycle.task(
      'resolve-escalation',
      (task) => task.context['title'] === 'Forgotten',
      30_000,
    );

    // Killed again with an escalation open, then the manager resolves it once the worker is back.
    await killWorker();
    await startWorker();
    await cycle.handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: escalation.taskId, userId: escalation.assigneeId, data: { action: 'drop' } }],
    });
    await cycle.complete('cycle-review', { ratings: { value: 4 } });
    const completed = await cycle.event('CycleCompleted', 1, 30_000);
    expect(completed.data['commitments']).toEqual({ open: 0, kept: 1, missed: 0, dropped: 1 });

    const events = await cycle.events();
    expect(events.length).toBeGreaterThan(versionAtKill);
    expectSoundStream(events, cycle.input.cycleId);
    const count = (type: string) => events.filter((event) => event.type === type).length;
    expect([
      count('CycleStarted'),
      count('CycleCompleted'),
      count('CommitmentKept'),
      count('EscalationResolved'),
    ]).toEqual([1, 1, 1, 1]);
    expect(
      events.filter((event) => event.type === 'CommitmentMissed').map((event) => event.data['reason']),
    ).toEqual(['no-check-in']);
    const opened = events.filter((event) => event.type === 'TaskOpened').map((event) => event.data['taskId']);
    expect(new Set(opened).size).toBe(opened.length);
    const ended = events
      .filter((event) => event.type === 'TaskCompleted' || event.type === 'TaskClosed')
      .map((event) => event.data['taskId']);
    expect(new Set(ended).size).toBe(ended.length);
    expect(ended.sort()).toEqual([...opened].sort());
  });
});
