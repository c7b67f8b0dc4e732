import type { Pool, PoolClient } from 'pg';

/** What a `ChannelListener` tells its owner. */
export interface ChannelListenerHandlers {
  /** A notification on the channel, with its payload (empty when NOTIFY sent none). */
  onNotification(payload: string): void;
  /**
   * The channel is listened to: at start, and again after Postgres ended the connection. Whatever was
   * announced while nobody listened is lost, so the owner reads what it missed here.
   */
  onListening(): void;
  /** The connection was lost or could not listen; the listener tries again by itself. */
  onLost?(error: Error): void;
}

/**
 * Holds one pooled connection LISTENing on a Postgres channel: the projection daemon's, the outbox
 * sender's and the API's live updates each have one. A listener is a shortcut, never the only path: its
 * owner keeps polling or reading a table. When Postgres ends the connection (a restart), it listens again
 * on a new one every `retryMs` until that works.
 */
export class ChannelListener {
  private client: PoolClient | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly pool: Pool,
    private readonly channel: string,
    private readonly handlers: ChannelListenerHandlers,
    private readonly retryMs: number,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`"${channel}" is not a plain channel name`);
  }

  /** Starts listening; when the database cannot be reached now, keeps trying in the background. */
  start(): void {
    this.running = true;
    this.listenNow();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    await client.query(`UNLISTEN ${this.channel}`).catch(() => undefined);
    client.release();
  }

  private listenNow(): void {
    this.listen().then(
      (listening) => {
        if (listening) this.handlers.onListening();
      },
      (error: Error) => {
        this.handlers.onLost?.(error);
        this.retrySoon();
      },
    );
  }

  private async listen(): Promise<boolean> {
    const client = await this.pool.connect();
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.handlers.onNotification(message.payload ?? '');
    });
    client.on('error', (error) => {
      if (this.client !== client) return;
      this.client = undefined;
      client.release(error);
      this.handlers.onLost?.(error);
      this.retrySoon();
    });
    try {
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    if (!this.running) {
      client.release();
      return false;
    }
    this.client = client;
    return true;
  }

  private retrySoon(): void {
    if (this.retryTimer || !this.running) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.running && !this.client) this.listenNow();
    }, this.retryMs);
  }
}
