import { randomUUID } from 'node:crypto';
import type { HealthView } from '@coachflow/contracts';
import { PostgresEventStore } from '@coachflow/event-store';
import {
  ApiClient,
  appProcessEnv,
  eventually,
  integrationEnv,
  type RunningApi,
  startApiProcess,
} from '@coachflow/testing';
import { Pool } from 'pg';

const STALL_SECONDS = 1;

/**
 * /health says what the projections are doing: a parked event makes it degraded and names the event, and a
 * projection that has left an event unapplied past PROJECTION_STALL_SECONDS makes it 503 with the reason.
 * No worker runs here, so the projections' rows are this file's own and nothing moves them behind its back.
 */
describe('/health and the projections (real Postgres and Temporal)', () => {
  let server: RunningApi;
  let api: ApiClient;
  let pool: Pool;

  beforeAll(async () => {
    pool = new Pool({ connectionString: integrationEnv().databaseUrl });
    server = await startApiProcess(
      appProcessEnv({ LOG_LEVEL: 'warn', PROJECTION_STALL_SECONDS: String(STALL_SECONDS) }),
    );
    api = new ApiClient(server.baseUrl);
  });

  afterAll(async () => {
    await server?.process.stop();
    await pool?.end();
  });

  afterEach(async () => {
    await pool.query(`DELETE FROM projection_dead_letters WHERE projection = 'health-probe'`);
    await pool.query(`DELETE FROM projection_checkpoints WHERE name = 'health-probe'`);
  });

  it('is degraded while an event is parked, naming the projection and the event, and ok once it is cleared', async () => {
    const eventId = randomUUID();
    await pool.query(
      `INSERT INTO projection_dead_letters (projection, global_position, event_id, stream_id, event_type, error)
       VALUES ('health-probe', 1, $1, 'cycle-probe', 'TaskOpened', 'date/time field value out of range')`,
      [eventId],
    );

    const degraded = await api.get<HealthView>('/health');
    expect(degraded.status).toBe(200);
    expect(degraded.body.status).toBe('degraded');
    expect(degraded.body.checks.projections).toBe('degraded');
    expect(degraded.body.deadLetters).toEqual([
      expect.objectContaining({ projection: 'health-probe', eventId, type: 'TaskOpened' }),
    ]);
    expect(degraded.body.problems?.join('\n')).toContain(`projection health-probe parked event ${eventId}`);

    await pool.query(`DELETE FROM projection_dead_letters WHERE projection = 'health-probe'`);
    const ok = await api.get<HealthView>('/health');
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('ok');
  });

  it('answers 503 when a projection leaves an event unapplied past the limit, and 200 once it catches up', async () => {
    // A projection whose checkpoint sits before an event and has not moved for two minutes.
    await new PostgresEventStore(pool).appendToStream(`health-probe-${randomUUID()}`, [
      { id: randomUUID(), type: 'Noted', data: { note: 'waiting' } },
    ]);
    await pool.query(
      `INSERT INTO projection_checkpoints (name, position, transaction_id, updated_at)
       VALUES ('health-probe', 0, '0', now() - interval '2 minutes')`,
    );

    const stalled = await eventually(async () => {
      const response = await api.get<HealthView>('/health');
      expect(response.status).toBe(503);
      return response;
    }, 10_000);
    expect(stalled.body.checks.projections).toBe('down');
    expect(stalled.body.problems?.join('\n')).toMatch(/projection health-probe is stuck/);

    await pool.query(
      `UPDATE projection_checkpoints
          SET (position, transaction_id, updated_at) =
              (SELECT global_position, transaction_id, now() FROM events
                ORDER BY transaction_id DESC, global_position DESC LIMIT 1)
        WHERE name = 'health-probe'`,
    );
    const caughtUp = await api.get<HealthView>('/health');
    expect(caughtUp.body.projections?.['health-probe']?.behind).toBe(0);
    expect(caughtUp.body.checks.projections).not.toBe('down');
  });
});
