import { ChannelListener } from '@coachflow/database';
import {
  LIVE_UPDATES_CHANNEL,
  type LiveUpdateRow,
  parseLiveUpdatePayload,
  pruneLiveUpdates,
} from '@coachflow/read-models';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnModuleInit,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '#api/infrastructure/database/database.module';

/** What a stream gives the bus: where its messages go, and what to do after the bus missed some. */
export interface LiveSubscriber {
  userId: string;
  organisationId: string;
  deliver(row: LiveUpdateRow): void;
  /** The bus lost its connection for a while: read what was missed from the table. */
  resync(): void;
  /** The API is shutting down. */
  close(): void;
}

const RECONNECT_DELAY_MS = 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * This process's one LISTEN connection on the live-updates channel, fanned out to the streams open here.
 * Every API process has its own, so any of them can serve any user's stream. Rows carry the user and the
 * organisation; a subscriber gets only rows of both.
 */
@Injectable()
export class LiveUpdatesBus implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(LiveUpdatesBus.name);
  private readonly subscribers = new Map<string, Set<LiveSubscriber>>();
  private readonly listener: ChannelListener;
  private pruneTimer: NodeJS.Timeout | undefined;

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {
    this.listener = new ChannelListener(
      pool,
      LIVE_UPDATES_CHANNEL,
      {
        onNotification: (payload) => this.dispatch(parseLiveUpdatePayload(payload)),
        // Whatever was published while nobody listened is in the table.
        onListening: () => {
          for (const subscriber of this.all()) subscriber.resync();
        },
        onLost: (error) => this.logger.warn(`live updates not listened to: ${error.message}`),
      },
      RECONNECT_DELAY_MS,
    );
  }

  onModuleInit(): void {
    this.listener.start();
    this.pruneTimer = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    this.pruneTimer.unref();
  }

  /** Ends every open stream first: the HTTP server cannot close while they are open. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.pruneTimer);
    for (const subscriber of this.all()) subscriber.close();
    this.subscribers.clear();
    await this.listener.stop();
  }

  subscribe(subscriber: LiveSubscriber): () => void {
    let own = this.subscribers.get(subscriber.userId);
    if (!own) this.subscribers.set(subscriber.userId, (own = new Set()));
    own.add(subscriber);
    return () => {
      own.delete(subscriber);
      if (own.size === 0 && this.subscribers.get(subscriber.userId) === own)
        this.subscribers.delete(subscriber.userId);
    };
  }

  /** How many streams a user has open in this process. */
  streamsOf(userId: string): number {
    return this.subscribers.get(userId)?.size ?? 0;
  }

  private dispatch(rows: readonly LiveUpdateRow[]): void {
    for (const row of rows)
      for (const subscriber of this.subscribers.get(row.userId) ?? [])
        if (subscriber.organisationId === row.organisationId) subscriber.deliver(row);
  }

  private *all(): Iterable<LiveSubscriber> {
    for (const own of this.subscribers.values()) yield* own;
  }

  private async prune(): Promise<void> {
    await pruneLiveUpdates(this.pool).catch((error: Error) =>
      this.logger.warn(`live-updates prune failed: ${error.message}`),
    );
  }
}
