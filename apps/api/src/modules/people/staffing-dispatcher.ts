import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import type { EntityManager } from 'typeorm';
import { PG_POOL } from '#api/infrastructure/database/database.module';
import { StaffingChanges } from './staffing-changes';

/** A staffing change still to reach running cycles. */
export type StaffingDispatch =
  /** The rep's running cycles follow the rep's manager as it is when the dispatch runs. */
  | { kind: 'manager-changed'; organisationId: string; repId: string; by: string }
  /** The deactivated user's open tasks go to `toUserId`. */
  | { kind: 'user-deactivated'; organisationId: string; userId: string; toUserId: string };

interface DispatchRow {
  id: string;
  organisation_id: string;
  kind: StaffingDispatch['kind'];
  payload: Record<string, string>;
  attempts: number;
}

/**
 * How long a claimed dispatch is left to its claimer before another process may take it: also how long a
 * change waits when its claimer died mid-send. Short, since sending twice is harmless (idempotent Updates).
 */
const LEASE_SECONDS = 10;
const SWEEP_EVERY_MS = 2000;
/** How long a request waits for its own dispatches before answering; they carry on (or are swept) after. */
const DISPATCH_WAIT_MS = 3000;
const SWEEP_BATCH = 20;
/** Retry delay after a failure: doubling from 1 s, at most 5 minutes. */
const retryDelaySeconds = (attempts: number) => Math.min(300, 2 ** Math.min(attempts - 1, 9));

/**
 * Staffing changes as a transactional outbox. People changes record their consequences for running
 * cycles (`recordIn`) in the transaction that changes the people, so a crash after the commit cannot lose
 * them; after the commit they are sent at once (`dispatch`), and every API process sweeps what is left
 * (Temporal was down, the process died) every couple of seconds, with backoff. A dispatch is claimed with a
 * lease (SKIP LOCKED), so two processes do not send it at once; the Updates are idempotent, so a claimer
 * dying mid-send costs a repeat, never a loss.
 */
@Injectable()
export class StaffingDispatcher implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(StaffingDispatcher.name);
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly staffing: StaffingChanges,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep().finally(() => (this.sweeping = undefined));
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Records `dispatches` in the caller's transaction; returns their ids, for `dispatch` after the commit. */
  async recordIn(manager: EntityManager, dispatches: StaffingDispatch[]): Promise<string[]> {
    if (dispatches.length === 0) return [];
    const rows = (await manager.query(
      `INSERT INTO staffing_dispatches (organisation_id, kind, payload)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[]) RETURNING id`,
      [
        dispatches.map((dispatch) => dispatch.organisationId),
        dispatches.map((dispatch) => dispatch.kind),
        dispatches.map(({ kind: _kind, organisationId: _organisation, ...payload }) =>
          JSON.stringify(payload),
        ),
      ],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /**
   * Sends the recorded dispatches now, in order, waiting at most DISPATCH_WAIT_MS (Temporal may be away and
   * its client retrying). One that fails stays for the sweep (logged): the change is committed and its
   * consequence will follow, so the caller's request still succeeds.
   */
  async dispatch(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const sending = (async () => {
      const claimed = await this.claim(`id = ANY($1::bigint[])`, [ids]);
      for (const row of claimed) await this.run(row);
    })().catch((error: Error) =>
      this.logger.warn(`staffing dispatch failed, left for the sweep: ${error.message}`),
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([sending, new Promise((resolve) => (timer = setTimeout(resolve, DISPATCH_WAIT_MS)))]);
    clearTimeout(timer);
  }

  /** Sends every dispatch that is due, oldest first. */
  async sweep(): Promise<void> {
    try {
      for (const row of await this.claim(`next_attempt_at <= now()`, [])) await this.run(row);
    } catch (error) {
      // The database is away: the next sweep tries again.
      this.logger.warn(`staffing sweep failed: ${(error as Error).message}`);
    }
  }

  /** Claims matching rows for LEASE_SECONDS (rows another process holds are skipped), oldest first. */
  private async claim(where: string, values: unknown[]): Promise<DispatchRow[]> {
    const { rows } = await this.pool.query<DispatchRow>(
      `UPDATE staffing_dispatches d
          SET next_attempt_at = now() + interval '${LEASE_SECONDS} seconds', attempts = d.attempts + 1
        WHERE d.id IN (SELECT id FROM staffing_dispatches WHERE ${where}
                        ORDER BY id LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING d.id, d.organisation_id, d.kind, d.payload, d.attempts`,
      values,
    );
    return rows.sort((a, b) => Number(a.id) - Number(b.id));
  }

  private async run(row: DispatchRow): Promise<void> {
    try {
      await this.send(row);
      await this.pool.query(`DELETE FROM staffing_dispatches WHERE id = $1`, [row.id]);
    } catch (error) {
      const message = (error as Error).message;
      this.logger.warn(`staffing change ${row.id} (${row.kind}) not through yet, will retry: ${message}`);
      await this.pool
        .query(
          `UPDATE staffing_dispatches SET next_attempt_at = now() + make_interval(secs => $2), last_error = $3
            WHERE id = $1`,
          [row.id, retryDelaySeconds(row.attempts), message.slice(0, 1000)],
        )
        .catch(() => undefined);
    }
  }

  private async send(row: DispatchRow): Promise<void> {
    const payload = row.payload;
    if (row.kind === 'user-deactivated') {
      await this.staffing.userDeactivated(row.organisation_id, payload['userId']!, payload['toUserId']!);
      return;
    }
    // The manager as it is now: of two changes in a row, whichever runs last sends the latest.
    const { rows } = await this.pool.query<{ manager_id: string | null; role: string }>(
      `SELECT manager_id, role FROM users WHERE id = $1 AND organisation_id = $2`,
      [payload['repId'], row.organisation_id],
    );
    const rep = rows[0];
    if (!rep?.manager_id || rep.role !== 'rep') return;
    await this.staffing.managerChanged(
      row.organisation_id,
      payload['repId']!,
      rep.manager_id,
      payload['by']!,
    );
  }
}
