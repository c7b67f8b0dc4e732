import { createPool } from '@coachflow/database';
import { PostgresEventStore } from '@coachflow/event-store';
import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '#api/config/app-config';

export const PG_POOL = Symbol('PG_POOL');
export const EVENT_STORE = Symbol('EVENT_STORE');

/** TypeORM for relational read/write models; a plain pg pool for the event store, which needs no ORM. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        type: 'postgres' as const,
        url: config.databaseUrl,
        autoLoadEntities: true,
        // The schema belongs to migrations (@coachflow/database), never to entity metadata.
        synchronize: false,
        migrationsRun: false,
      }),
    }),
  ],
  providers: [
    {
      provide: PG_POOL,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const logger = new Logger('DatabasePool');
        return createPool({ connectionString: config.databaseUrl, max: 10 }, (error) =>
          logger.warn(`a database connection was lost: ${error.message}`),
        );
      },
    },
    { provide: EVENT_STORE, inject: [PG_POOL], useFactory: (pool: Pool) => new PostgresEventStore(pool) },
  ],
  exports: [PG_POOL, EVENT_STORE],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
