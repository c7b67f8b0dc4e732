import { performance } from 'node:perf_hooks';
import { ChannelListener } from '@coachflow/database';
import type { Pool } from 'pg';
import { EVENTS_CHANNEL, notificationOrigin } from '../postgres/event-notifier';
import type { PostgresEventStore } from '../postgres/postgres-event-store';
import type { ProjectionDefinition } from './projection';
import { type LeftAlone, runProjectionBatch } from './projection-batch';
import { DEFAULT_BATCH_SIZE, type ProjectionRunnerOptions, setUpProjection } from './projection-runner';

export interface ProjectionDaemonOptions extends ProjectionRunnerOptions {
  /** Fallback poll when no notification arrives (a lost NOTIFY only delays a projection by this much). */
  pollIntervalMs?: number;
  /**
   * First re-check delay while committed events wait behind the fence for an older transaction to end; it
   * doubles while they keep waiting, up to `fencedRetryMaxMs`.
   */
  fencedRetryMs?: number;
  fencedRetryMaxMs?: number;
  /**
   * The longest one projection may take over its share of a shared batch before it is left to a lane of
   * its own (see `runProjectionBatch`).
   */
  sharedBudgetMs?: number;
  onError?: (projection: string, error: unknown) => void;
}

/**
 * Keeps every registered projection up to date: woken by LISTEN/NOTIFY, with polling as the fallback.
 * Projections that keep up run together in one lane: one transaction a batch, the events read once for all
 * (`runProjectionBatch`). A projection that fails, falls behind or is slower than the budget leaves that
 * lane for one of its own, where it catches up (or keeps failing, backing off) without holding up the
 * others, and comes back once it has caught up with a batch inside the budget.
 */
export class ProjectionDaemon {
  private readonly batchSize: number;
  private readonly budgetMs: number;
  private readonly pollIntervalMs: number;
  /** Wakes the lanes on every append; when Postgres ends it (a restart), the lanes poll until it is back. */
  private readonly listener: ChannelListener;
  private readonly lanes = new Set<Lane>();
  /** Projections in a lane of their own; the others share the shared lane. */
  private readonly alone = new Set<string>();
  private readonly loops = new Set<Promise<void>>();
  private running = false;
  private stopWatchingAppends: (() => void) | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly projections: ProjectionDefinition[],
    private readonly options: ProjectionDaemonOptions = {},
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.budgetMs = options.sharedBudgetMs ?? 2000;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    const wake = () => this.signal();
    this.listener = new ChannelListener(
      pool,
      EVENTS_CHANNEL,
      {
        // This process's own appends woke the lanes already, when they committed (see start()).
        onNotification: (payload) => {
          if (notificationOrigin(payload) !== store.notificationOrigin) wake();
        },
        onListening: wake,
      },
      this.pollIntervalMs,
    );
  }

  async start(): Promise<void> {
    for (const projection of this.projections) await setUpProjection(this.pool, projection);
    this.listener.start();
    this.running = true;
    // The store's appends in this process (the worker's recording) wake the lanes at once, without the
    // NOTIFY's trip through Postgres; other processes' appends still come by NOTIFY.
    this.stopWatchingAppends = this.store.onAppended(() => this.signal());
    this.spawn(() => this.projections.filter((projection) => !this.alone.has(projection.name)));
  }

  async stop(): Promise<void> {
    this.stopWatchingAppends?.();
    this.running = false;
    this.signal();
    while (this.loops.size > 0) await Promise.all(this.loops);
    await this.listener.stop();
  }

  private signal(): void {
    for (const lane of this.lanes) {
      lane.woken = true;
      lane.wake?.();
    }
  }

  /** Runs a lane for `members` (the shared lane's change as projections leave and come back). */
  private spawn(members: () => ProjectionDefinition[], alone?: LeftAlone): void {
    // Registered before the first await, so a signal during start() already reaches this lane.
    const lane: Lane = { woken: false, wake: undefined };
    this.lanes.add(lane);
    const loop = this.run(lane, members, alone).finally(() => {
      this.lanes.delete(lane);
      this.loops.delete(loop);
    });
    this.loops.add(loop);
  }

  /** Leaves a projection to a lane of its own; one that failed waits the poll interval before trying again. */
  private leave(left: LeftAlone): void {
    if (left.reason === 'failed') this.options.onError?.(left.name, left.error);
    const projection = this.projections.find((candidate) => candidate.name === left.name);
    if (!projection || this.alone.has(left.name)) return;
    this.alone.add(left.name);
    this.spawn(() => [projection], left);
  }

  /**
   * Runs batches until caught up. Returns whether committed events wait behind the fence, whether a batch
   * failed, and how long the last batch took.
   */
  private async catchUp(
    members: ProjectionDefinition[],
    shared: boolean,
  ): Promise<{ fenced: boolean; failed: boolean; lastBatchMs: number }> {
    for (;;) {
      const began = performance.now();
      let outcome;
      try {
        outcome = await runProjectionBatch(this.pool, this.store, members, {
          batchSize: this.batchSize,
          budgetMs: this.budgetMs,
        });
      } catch (error) {
        // The batch rolled back; it is retried after the poll interval, not in a tight loop.
        for (const projection of members) this.options.onError?.(projection.name, error);
        return { fenced: false, failed: true, lastBatchMs: performance.now() - began };
      }
      const lastBatchMs = performance.now() - began;
      if (!shared) {
        const failure = outcome.alone.find((left) => left.reason === 'failed');
        if (failure?.reason === 'failed') {
          this.options.onError?.(failure.name, failure.error);
          return { fenced: false, failed: true, lastBatchMs };
        }
      } else {
        for (const left of outcome.alone) this.leave(left);
        const names = new Set(outcome.alone.map((left) => left.name));
        members = members.filter((projection) => !names.has(projection.name));
        // Those left stay behind this batch (a slow one's batch was given up): go again at once.
        if (names.size > 0 && members.length > 0) continue;
      }
      if (outcome.read < this.batchSize || members.length === 0)
        return { fenced: outcome.fenced, failed: false, lastBatchMs };
    }
  }

  private async run(lane: Lane, members: () => ProjectionDefinition[], alone?: LeftAlone): Promise<void> {
    const shared = alone === undefined;
    let fencedWaitMs = this.options.fencedRetryMs ?? 5;
    // One that left for failing waits before its next try, as it would have in the shared lane.
    let failed = alone?.reason === 'failed';
    let fenced = false;
    while (this.running) {
      if (!failed) {
        lane.woken = false;
        const current = members();
        if (current.length === 0) fenced = false;
        else {
          const result = await this.catchUp(current, shared);
          failed = result.failed;
          fenced = result.fenced;
          // Caught up, within the budget: back to the shared lane, which is told so at once.
          if (!shared && !failed && result.lastBatchMs < this.budgetMs) {
            for (const projection of current) this.alone.delete(projection.name);
            this.signal();
            return;
          }
        }
        if (!this.running) break;
        if (lane.woken && !failed) continue;
      }
      // Committed events beyond the fence: the transaction in the way may end without an append (so
      // without a NOTIFY), so look again soon rather than at the next poll, backing off while it lasts. A
      // failing projection waits the full interval.
      const soon = fenced && !failed;
      const waitMs = soon ? fencedWaitMs : this.pollIntervalMs;
      fencedWaitMs = soon
        ? Math.min(fencedWaitMs * 2, this.options.fencedRetryMaxMs ?? 50)
        : (this.options.fencedRetryMs ?? 5);
      failed = false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        lane.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      lane.wake = undefined;
    }
  }
}

interface Lane {
  woken: boolean;
  wake: (() => void) | undefined;
}
