import type { Pool } from 'pg';

/** The channel projection runners LISTEN on; the payload is the newest global position. */
export const EVENTS_CHANNEL = 'coachflow_events';

/**
 * Tells listeners that events were appended, outside the append's transaction: a NOTIFY inside it would
 * take Postgres's global notify lock at every commit and serialise writers. Notifications are coalesced
 * to one per interval per process; runners also poll, so a lost one only delays, never skips.
 */
export class EventNotifier {
  private pendingPosition = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly intervalMs = 10,
  ) {}

  appended(position: number): void {
    this.pendingPosition = Math.max(this.pendingPosition, position);
    this.timer ??= setTimeout(() => void this.flush(), this.intervalMs);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const position = this.pendingPosition;
    try {
      await this.pool.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, String(position)]);
    } catch {
      // Best effort: pollers pick the events up anyway.
    }
  }

  /** Sends what is pending now (before a pool closes). */
  async close(): Promise<void> {
    if (!this.timer) return;
    clearTimeout(this.timer);
    await this.flush();
  }
}
