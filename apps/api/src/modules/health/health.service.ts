import type { HealthView } from '@coachflow/contracts';
import { projectionLag } from '@coachflow/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { PG_POOL } from '#api/infrastructure/database/database.module';
import { TEMPORAL_CLIENT } from '#api/infrastructure/temporal/temporal.module';

const CHECK_TIMEOUT_MS = 2000;

/** Checks each dependency with a short deadline, so a hung dependency makes /health fail, not hang. */
@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(PG_POOL) private readonly pool: Pool,
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
    const health: HealthView = {
      status: database === 'up' && temporal === 'up' ? 'ok' : 'error',
      checks: { database, temporal },
    };
    // Lag is information for operators: it never turns a healthy service unhealthy.
    const projections = database === 'up' ? await projectionLag(this.pool).catch(() => undefined) : undefined;
    return projections ? { ...health, projections } : health;
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
