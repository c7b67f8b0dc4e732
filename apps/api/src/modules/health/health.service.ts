import type { HealthView } from '@coachflow/contracts';
import { deadLetters, projectionLag, projectionStall } from '@coachflow/event-store';
import { outboxBacklog } from '@coachflow/read-models';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#api/config/app-config';
import { PG_POOL } from '#api/infrastructure/database/database.module';
import { TEMPORAL_CLIENT } from '#api/infrastructure/temporal/temporal.module';

const CHECK_TIMEOUT_MS = 2000;
/** Parked events named in full; the count says how many more there are. */
const DEAD_LETTERS_SHOWN = 20;

/**
 * Checks each dependency with a short deadline, so a hung dependency makes /health fail, not hang; and the
 * projections: one stalled past the configured limit fails it too (inboxes stop moving), parked events make
 * it degraded.
 */
@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(): Promise<HealthView> {
    const [database, temporal] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(async () => {
        await this.temporal.connection.ensureConnected();
        await this.temporal.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () =>
          this.temporal.connection.workflowService.getSystemInfo({}),
        );
      }),
    ]);
    const problems = [
      ...(database === 'down' ? ['the database does not answer'] : []),
      ...(temporal === 'down' ? ['Temporal does not answer'] : []),
    ];
    const health: HealthView = { status: 'ok', checks: { database, temporal } };
    if (database === 'up') {
      const [projections, parked, outbox] = await Promise.all([
        projectionLag(this.pool),
        deadLetters(this.pool),
        outboxBacklog(this.pool),
      ]);
      const stalls = Object.entries(projections)
        .map(([name, lag]) => projectionStall(name, lag, this.config.projectionStallSeconds))
        .filter((stall): stall is string => stall !== null);
      problems.push(...stalls);
      problems.push(
        ...parked
          .slice(0, DEAD_LETTERS_SHOWN)
          .map(
            (letter) =>
              `projection ${letter.projection} parked event ${letter.eventId} (${letter.type} at position ${letter.globalPosition}): ${letter.error}`,
          ),
      );
      if (parked.length > DEAD_LETTERS_SHOWN)
        problems.push(`and ${parked.length - DEAD_LETTERS_SHOWN} more parked events`);
      health.projections = projections;
      health.outbox = outbox;
      health.checks.projections = stalls.length > 0 ? 'down' : parked.length > 0 ? 'degraded' : 'up';
      if (parked.length > 0) health.deadLetters = parked.slice(0, DEAD_LETTERS_SHOWN);
    }
    const down = Object.values(health.checks).includes('down');
    health.status = down ? 'error' : problems.length > 0 ? 'degraded' : 'ok';
    if (problems.length > 0) health.problems = problems;
    return health;
  }
}

async function probe(check: () => Promise<unknown>): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
