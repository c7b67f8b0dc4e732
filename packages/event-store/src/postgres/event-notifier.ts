import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';

/**
 * The channel projection runners LISTEN on; the payload is the newest global position and the notifier's
 * origin, `<position> <origin>`.
 */
export const EVENTS_CHANNEL = 'coachflow_events';

/** The origin of an EVENTS_CHANNEL payload (undefined for a bare position). */
export function notificationOrigin(payload: string): string | undefined {
  return payload.split(' ')[1];
}

/**
 * Tells listeners that events were appended, outside the append's transaction: a NOTIFY inside it would
 * take Postgres's global notify lock at every commit and serialise writers. Notifications are throttled to
 * one per interval per process: the first append after a quiet interval notifies at once (a lone command's
 * events reach the projections without waiting), appends within the interval share one NOTIFY at its end.
 * Runners also poll, so a lost one only delays, never skips.
 */
export class EventNotifier {
  private pendingPosition = 0;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;
  private sending: Promise<void> | undefined;

  /** Names this notifier's NOTIFYs, so its own process can tell them from other processes' appends. */
  readonly origin = randomUUID();

  constructor(
    private readonly pool: Pool,
    private readonly intervalMs = 10,
  ) {}

  appended(position: number): void {
    this.pendingPosition = Math.max(this.pendingPosition, position);
    if (this.timer) return;
    const wait = this.lastSentAt + this.intervalMs - performance.now();
    if (wait <= 0) this.flush();
    else
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, wait);
  }

  private flush(): void {
    this.lastSentAt = performance.now();
    const position = this.pendingPosition;
    const payload = `${position} ${this.origin}`;
    this.sending = this.pool.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, payload]).then(
      () => undefined,
      // Best effort: pollers pick the events up anyway.
      () => undefined,
    );
  }

  /** Sends what is pending now and waits for what is being sent (before a pool closes). */
  async close(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.flush();
    }
    await this.sending;
  }
}
