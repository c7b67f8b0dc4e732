import { ChannelListener } from '@coachflow/database';
import type { Pool } from 'pg';
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
  /** Wakes the lanes on every append; when Postgres ends it (a restart), the lanes poll until it is back. */
  private readonly listener: ChannelListener;
  /** One lane per projection: each catches up and sleeps on its own, so a slow one holds up no other. */
  private readonly lanes = new Set<Lane>();
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    projections: ProjectionDefinition[],
    private readonly options: ProjectionDaemonOptions = {},
  ) {
    this.runners = projections.map((projection) => new ProjectionRunner(pool, store, projection, options));
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    const wake = () => this.signal();
    this.listener = new ChannelListener(
      pool,
      EVENTS_CHANNEL,
      { onNotification: wake, onListening: wake },
      this.pollIntervalMs,
    );
  }

  async start(): Promise<void> {
    for (const runner of this.runners) await runner.setUp();
    this.listener.start();
    this.running = true;
    this.loops = this.runners.map((runner) => this.run(runner));
  }

  async stop(): Promise<void> {
    this.running = false;
    this.signal();
    await Promise.all(this.loops);
    await this.listener.stop();
  }

  /** Committed events lie beyond the runner's checkpoint: the fence held them back. */
  private async fenced(runner: ProjectionRunner): Promise<boolean> {
    try {
      return await this.store.hasEventsAfter(await runner.checkpoint());
    } catch {
      // The database is unreachable: wait for the poll.
      return false;
    }
  }

  private signal(): void {
    for (const lane of this.lanes) {
      lane.woken = true;
      lane.wake?.();
    }
  }

  private async run(runner: ProjectionRunner): Promise<void> {
    // Registered before the first await, so a signal during start() already reaches this lane.
    const lane: Lane = { woken: false, wake: undefined };
    this.lanes.add(lane);
    let fencedWaitMs = this.options.fencedRetryMs ?? 5;
    try {
      while (this.running) {
        lane.woken = false;
        let failed = false;
        try {
          await runner.catchUp();
        } catch (error) {
          // The batch rolled back; it is retried after the poll interval, not in a tight loop.
          failed = true;
          this.options.onError?.(runner.projection.name, error);
        }
        if (!this.running) break;
        if (lane.woken && !failed) continue;
        // Committed events beyond the checkpoint mean the fence held them back: the transaction in the way
        // may end without an append (so without a NOTIFY), so look again soon rather than at the next poll,
        // backing off while it lasts. A failing projection also trails the head, so it waits the full interval.
        const soon = !failed && (await this.fenced(runner));
        // stop() or a NOTIFY may have come while the fence was checked: wake is only set below, so signal()
        // could not cut a sleep short then, and sleeping now would lose it.
        if (!this.running) break;
        if (lane.woken && !failed) continue;
        const waitMs = soon ? fencedWaitMs : this.pollIntervalMs;
        fencedWaitMs = soon
          ? Math.min(fencedWaitMs * 2, this.options.fencedRetryMaxMs ?? 50)
          : (this.options.fencedRetryMs ?? 5);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, waitMs);
          lane.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        lane.wake = undefined;
      }
    } finally {
      this.lanes.delete(lane);
    }
  }
}

interface Lane {
  woken: boolean;
  wake: (() => void) | undefined;
}
