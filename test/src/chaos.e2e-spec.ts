import type { ManagedProcess } from '@coachflow/dev-stack';
import { cycleStreamId } from '@coachflow/domain';
import {
  ApiClient,
  appProcessEnv,
  createOrganisationFixture,
  createPlaybookFixture,
  eventually,
  type FixtureUser,
  type OrganisationFixture,
  openTask,
  OutputLog,
  type RunningApi,
  startApiProcess,
  startBuiltEntry,
  addRep,
  startCycle,
} from '@coachflow/testing';
import { Pool } from 'pg';
import { chaosScale, sendCompletion, walkToPlan } from './chaos/chaos-cycles';
import { CompletionLedger, type StreamVerdict, verifyCycleStreams } from './chaos/stream-verifier';

const SCALE = chaosScale();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Faults injected into a running Coachflow (API and worker as processes of their own, on the suite's
 * Postgres and Temporal), each followed by a verifier that reads every stream the run touched: nothing
 * acknowledged is lost, nothing is stored twice, no stream has a gap, and the inbox agrees with the streams.
 * CHAOS_SCALE sets how many faults each case injects (1 in `npm test`; `npm run chaos` uses more).
 */
describe('chaos: faults under load, nothing lost or done twice', () => {
  const env = appProcessEnv({ LOG_LEVEL: 'warn' });
  const workerLog = new OutputLog();
  let worker: ManagedProcess;
  let api: RunningApi;
  let pool: Pool;
  let org: OrganisationFixture;
  let playbookId: string;
  const ledger = new CompletionLedger();
  const cycleIds: string[] = [];

  const startWorker = () => startBuiltEntry('worker', 'apps/worker/dist/main.js', env, workerLog);

  beforeAll(async () => {
    pool = new Pool({ connectionString: env['DATABASE_URL'], max: 2 });
    worker = startWorker();
    api = await startApiProcess(env);
    org = await createOrganisationFixture(api.baseUrl);
    playbookId = await createPlaybookFixture(org.admin.api, {
      timings: { prioritiseDue: 'P7D', sessionDue: 'P7D', planLength: 'P30D' },
    });
  });

  afterAll(async () => {
    await api?.process.stop();
    await worker?.stop();
    await pool?.end();
  });

  const cycleFor = async (name: string): Promise<{ rep: FixtureUser; cycleId: string }> => {
    const rep = await addRep(org, name, api.baseUrl);
    const cycleId = (await startCycle(org.manager.api, rep.user.id, playbookId)).id;
    cycleIds.push(cycleId);
    return { rep, cycleId };
  };

  const expectSound = (verdict: StreamVerdict) => {
    expect({
      lost: verdict.lost,
      duplicated: verdict.duplicated,
      gaps: verdict.gaps,
      inbox: verdict.inboxMismatches,
    }).toEqual({ lost: [], duplicated: [], gaps: [], inbox: [] });
  };

  it('answers exactly one of several completions of one task sent at the same moment with 200', async () => {
    const races = Math.max(2, Math.round(3 * SCALE));
    for (let race = 0; race < races; race++) {
      const { rep, cycleId } = await cycleFor(`race-${race}`);
      const task = await openTask(rep.api, cycleId, 'self-assessment');
      const data = { ratings: { discovery: 3, closing: 3, objections: 3 } };
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => sendCompletion(rep.api, task, data, ledger)),
      );
      expect(answers.filter((answer) => answer === 200)).toHaveLength(1);
      expect(answers.filter((answer) => answer !== 200).every((answer) => answer === 409)).toBe(true);
    }
  });

  it('never completes a task twice when the API dies mid-request and the client retries on another', async () => {
    const kills = Math.max(2, Math.round(3 * SCALE));
    for (let kill = 0; kill < kills; kill++) {
      const doomed = await startApiProcess(env);
      const { rep, cycleId } = await cycleFor(`api-kill-${kill}`);
      const task = await openTask(rep.api, cycleId, 'self-assessment');
      const data = { ratings: { discovery: 3, closing: 3, objections: 3 } };
      const first = sendCompletion(new ApiClient(doomed.baseUrl, rep.api.token), task, data, ledger);
      // Killed at different moments of the request: before, while and after the workflow takes it.
      await sleep((kill * 17) % 60);
      await doomed.process.stop(0, 'SIGKILL');
      const firstAnswer = await first;
      const retry = await sendCompletion(rep.api, task, data, ledger);
      expect([200, 409]).toContain(retry);
      if (firstAnswer === 200) expect(retry).toBe(409);
      await eventually(async () => {
        const { rows } = await pool.query<{ count: string }>(
          `SELECT count(*) FROM events WHERE event_type = 'TaskCompleted' AND data->>'taskId' = $1`,
          [task.id],
        );
        expect(Number(rows[0]?.count)).toBe(1);
      });
    }
  });

  it('walks every cycle to its plan while the worker is killed with SIGKILL again and again', async () => {
    const cycles = Math.max(4, Math.round(6 * SCALE));
    const kills = Math.max(3, Math.round(4 * SCALE));
    const walkers = await Promise.all(
      Array.from({ length: cycles }, (_, index) => cycleFor(`worker-kill-${index}`)),
    );
    let walking = true;
    const walked = Promise.all(
      walkers.map(({ rep, cycleId }) => walkToPlan(org, rep, cycleId, ledger)),
    ).finally(() => {
      walking = false;
    });
    let killed = 0;
    while (killed < kills) {
      await sleep(1500 + ((killed * 700) % 2000));
      await worker.stop(0, 'SIGKILL');
      killed += 1;
      await sleep(500);
      worker = startWorker();
      if (!walking) break;
    }
    await walked;
    expect(killed).toBeGreaterThanOrEqual(Math.min(kills, 1));
    for (const { cycleId } of walkers)
      await eventually(async () => {
        const { rows } = await pool.query<{ count: string }>(
          `SELECT count(*) FROM events WHERE stream_id = $1 AND event_type = 'PlanAcknowledged'`,
          [cycleStreamId(cycleId)],
        );
        expect(Number(rows[0]?.count)).toBe(1);
      }, 60_000);
  });

  it('leaves every stream whole: nothing acknowledged lost, nothing twice, no gaps, the inbox in step', async () => {
    const verdict = await eventually(async () => {
      const current = await verifyCycleStreams(pool, cycleIds, ledger);
      expect(current.inboxMismatches).toEqual([]);
      return current;
    }, 60_000);
    expect(verdict.streams).toBe(cycleIds.length);
    expect(verdict.events).toBeGreaterThan(cycleIds.length * 3);
    expectSound(verdict);
    process.stdout.write(
      `[chaos] ${verdict.streams} cycles, ${verdict.events} events, ${ledger.acknowledged().length} completions acknowledged; ` +
        `lost ${verdict.lost.length}, duplicated ${verdict.duplicated.length}, gaps ${verdict.gaps.length}\n`,
    );
  });
});
