import type { ServerResponse } from 'node:http';
import type { LiveUpdateRow } from '@coachflow/read-models';
import type { LiveSubscriber } from './live-updates-bus';

export interface LiveStreamOptions {
  userId: string;
  organisationId: string;
  /** The Last-Event-ID the client resumes after (0: only what happens from now on). */
  after: number;
  heartbeatMs: number;
  /** Ends the stream after this long; the client reconnects with a fresh token. */
  maxLifetimeMs: number;
  /** Rows for the user after a position, oldest first (at most `limit`). */
  readBacklog(after: number, limit: number): Promise<LiveUpdateRow[]>;
  /** Whether the caller's session still holds (logout, deactivation end the stream). */
  sessionIsOpen(): Promise<boolean>;
  /** Called once when the stream ends, whoever ends it. */
  onEnd(): void;
}

const BACKLOG_PAGE = 500;
// A client that reads nothing while this much waits in the socket is dropped; it resumes on reconnect.
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * One open `text/event-stream` response. Catching up (a resume, or after the bus reconnected) reads the
 * table while live rows wait in a queue, then drops the queued rows the catch-up already sent.
 */
export class LiveStream implements LiveSubscriber {
  readonly userId: string;
  readonly organisationId: string;
  private lastPosition: number;
  private catchingUp: LiveUpdateRow[] | undefined;
  private ended = false;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly lifetime: NodeJS.Timeout;

  constructor(
    private readonly response: ServerResponse,
    private readonly options: LiveStreamOptions,
  ) {
    this.userId = options.userId;
    this.organisationId = options.organisationId;
    this.lastPosition = options.after;
    this.heartbeat = setInterval(() => void this.beat(), options.heartbeatMs);
    this.lifetime = setTimeout(() => this.close(), options.maxLifetimeMs);
    response.on('close', () => this.close());
  }

  /** Sends the backlog after the client's Last-Event-ID (when it sent one), then goes live. */
  async start(): Promise<void> {
    this.write(`retry: 1000\n: connected\n\n`);
    if (this.options.after > 0) await this.catchUp();
  }

  deliver(row: LiveUpdateRow): void {
    if (this.catchingUp) this.catchingUp.push(row);
    else this.send(row);
  }

  resync(): void {
    void this.catchUp();
  }

  close(): void {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.heartbeat);
    clearTimeout(this.lifetime);
    this.options.onEnd();
    if (!this.response.writableEnded) this.response.end();
  }

  private async catchUp(): Promise<void> {
    if (this.catchingUp || this.ended) return;
    this.catchingUp = [];
    const sent = new Set<string>();
    try {
      for (;;) {
        const rows = await this.options.readBacklog(this.lastPosition, BACKLOG_PAGE);
        for (const row of rows) {
          this.send(row);
          sent.add(keyOf(row));
        }
        if (rows.length < BACKLOG_PAGE || this.ended) break;
      }
    } catch {
      this.close();
    }
    const queued = this.catchingUp;
    this.catchingUp = undefined;
    for (const row of queued) if (!sent.has(keyOf(row))) this.send(row);
  }

  private send(row: LiveUpdateRow): void {
    this.lastPosition = Math.max(this.lastPosition, row.position);
    this.write(`id: ${row.position}\nevent: ${row.kind}\ndata: ${JSON.stringify(row.data)}\n\n`);
  }

  private async beat(): Promise<void> {
    const open = await this.options.sessionIsOpen().catch(() => true);
    if (!open) this.close();
    else this.write(': heartbeat\n\n');
  }

  private write(text: string): void {
    if (this.ended) return;
    if (this.response.writableLength > MAX_BUFFERED_BYTES) this.close();
    else this.response.write(text);
  }
}

function keyOf(row: LiveUpdateRow): string {
  return `${row.position}:${row.kind}`;
}
