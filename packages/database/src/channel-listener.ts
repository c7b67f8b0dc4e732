import type { Pool, PoolClient } from 'pg';

/**
 * Holds one pooled connection LISTENing on a Postgres channel and calls `onNotify` for each notification.
 * A listener is a shortcut, never the only path: its owner keeps polling. When Postgres ends the connection
 * (a restart), it listens again on a new one every `retryMs` until that works, then calls `onNotify` once
 * for whatever was announced meanwhile.
 */
export class ChannelListener {
  private client: PoolClient | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly pool: Pool,
    private readonly channel: string,
    private readonly onNotify: () => void,
    private readonly retryMs: number,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`"${channel}" is not a plain channel name`);
  }

  /** Starts listening; when the database cannot be reached now, keeps trying in the background. */
  start(): void {
    this.running = true;
    this.listen().then(
      () => this.onNotify(),
      () => this.retrySoon(),
    );
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

  private async listen(): Promise<void> {
    const client = await this.pool.connect();
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.onNotify();
    });
    client.on('error', (error) => {
      if (this.client !== client) return;
      this.client = undefined;
      client.release(error);
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
      return;
    }
    this.client = client;
  }

  private retrySoon(): void {
    if (this.retryTimer || !this.running) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.running || this.client) return;
      this.listen().then(
        () => this.onNotify(),
        () => this.retrySoon(),
      );
    }, this.retryMs);
  }
}
