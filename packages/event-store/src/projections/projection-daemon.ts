import type { Pool, PoolClient } from 'pg';
import { EVENTS_CHANNEL } from '../postgres/event-notifier';
import type { PostgresEventStore } from '../postgres/postgres-event-store';
import type { ProjectionDefinition } from './projection';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';

export interface ProjectionDaemonOptions extends ProjectionRunnerOptions {
  /** Fallback poll when no notification arrives (a lost NOTIFY only delays a projection by this much). */
  pollIntervalMs?: number;
  /**
   * First re-check delay while committed events wait behind the fence for an older transaction to end; it
   * doubles while they keep waiting, up to `fencedRetryMaxMs`.
   */
  fencedRetryMs?: number;
  fencedRetryMaxMs?: number;
  onError?: (projection: string, error: unknown) => void;
}

/** Keeps every registered projection up to date: woken by LISTEN/NOTIFY, with polling as the fallback. */
export class ProjectionDaemon {
  private readonly runners: ProjectionRunner[];
  private readonly pollIntervalMs: number;
  private listener: PoolClient | undefined;
  private wake: (() => void) | undefined;
  private woken = false;
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    projections: ProjectionDefinition[],
    private readonly options: ProjectionDaemonOptions = {},
  ) {
    this.runners = projections.map((projection) => new ProjectionRunner(pool, store, projection, options));
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  async start(): Promise<void> {
    for (const runner of this.runners) await runner.setUp();
    this.listener = await this.pool.connect();
    this.listener.on('notification', () => this.signal());
    await this.listener.query(`LISTEN ${EVENTS_CHANNEL}`);
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.signal();
    await this.loop;
    if (this.listener) {
      await this.listener.query(`UNLISTEN ${EVENTS_CHANNEL}`).catch(() => undefined);
      this.listener.release();
    }
  }

  private async fenced(): Promise<boolean> {
    try {
      const head = await this.store.headPosition();
      for (const runner of this.runners) if ((await runner.checkpoint()) < head) return true;
    } catch {
      // The database is unreachable: wait for the poll.
    }
    return false;
  }

  private signal(): void {
    this.woken = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    let fencedWaitMs = this.options.fencedRetryMs ?? 5;
    while (this.running) {
      this.woken = false;
      // Side by side: each projection has its own checkpoint, tables and transaction, so the inbox does not
      // wait for the other projections' batches.
      const results = await Promise.all(
        this.runners.map(async (runner) => {
          try {
            await runner.catchUp();
            return true;
          } catch (error) {
            // The batch rolled back; it is retried after the poll interval, not in a tight loop.
            this.options.onError?.(runner.projection.name, error);
            return false;
          }
        }),
      );
      const failed = results.includes(false);
      if (!this.running) break;
      if (this.woken && !failed) continue;
      // Committed events beyond a checkpoint mean the fence held them back: the transaction in the way may
      // end without an append (so without a NOTIFY), so look again soon rather than at the next poll, backing
      // off while it lasts. A failing projection also trails the head, so it waits the full interval instead.
      const soon = !failed && (await this.fenced());
      // stop() or a NOTIFY may have come while the fence was checked: wake is only set below, so signal()
      // could not cut a sleep short then, and sleeping now would lose it (a stop would wait out the whole
      // poll interval, new events would wait for the next poll).
      if (!this.running) break;
      if (this.woken && !failed) continue;
      const waitMs = soon ? fencedWaitMs : this.pollIntervalMs;
      fencedWaitMs = soon
        ? Math.min(fencedWaitMs * 2, this.options.fencedRetryMaxMs ?? 50)
        : (this.options.fencedRetryMs ?? 5);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
