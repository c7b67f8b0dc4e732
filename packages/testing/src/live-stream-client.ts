import type { LiveUpdateData } from '@coachflow/contracts';
import { createParser } from 'eventsource-parser';

/** A message of `GET /api/stream` as a client saw it, with when it arrived (`Date.now()`). */
export interface ReceivedLiveMessage {
  id: string;
  event: string;
  data: LiveUpdateData;
  receivedAt: number;
}

/**
 * A live-update stream read the way the web app reads it (fetch with a bearer token, not EventSource):
 * keeps every message and comment, and waits for one that matches.
 */
export class LiveStreamClient {
  readonly messages: ReceivedLiveMessage[] = [];
  readonly comments: string[] = [];
  private readonly controller = new AbortController();
  private readonly waiters = new Set<() => void>();
  private ended = false;

  private constructor(readonly status: number) {}

  /** Opens a stream; resolves once the response's headers arrived (check `status`). */
  static async open(
    baseUrl: string,
    token: string | undefined,
    lastEventId?: string,
  ): Promise<LiveStreamClient> {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
    const controller = new AbortController();
    const response = await fetch(new URL('/api/stream', baseUrl), { headers, signal: controller.signal });
    const client = new LiveStreamClient(response.status);
    client.controller.signal.addEventListener('abort', () => controller.abort());
    if (response.ok && response.body) void client.read(response.body);
    else {
      await response.body?.cancel();
      client.ended = true;
    }
    return client;
  }

  /** The first message (already received or still to come) matching `where`, or a timeout error. */
  next(where: (message: ReceivedLiveMessage) => boolean, timeoutMs = 10_000): Promise<ReceivedLiveMessage> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.messages.find(where);
        if (found) resolve(found);
        else if (this.ended) reject(new Error('the stream ended before the message came'));
        return Boolean(found) || this.ended;
      };
      if (check()) return;
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no such message within ${timeoutMs} ms; got ${JSON.stringify(this.messages)}`));
      }, timeoutMs);
      const waiter = (): void => {
        if (check()) {
          clearTimeout(timer);
          this.waiters.delete(waiter);
        }
      };
      this.waiters.add(waiter);
    });
  }

  /** Whether the server ended the stream. */
  get isEnded(): boolean {
    return this.ended;
  }

  close(): void {
    this.controller.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const parser = createParser({
      onEvent: (message) => {
        this.messages.push({
          id: message.id ?? '',
          event: message.event ?? 'message',
          data: JSON.parse(message.data) as LiveUpdateData,
          receivedAt: Date.now(),
        });
        this.wake();
      },
      onComment: (comment) => {
        this.comments.push(comment.trim());
        this.wake();
      },
    });
    const decoder = new TextDecoder();
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>)
        parser.feed(decoder.decode(chunk, { stream: true }));
    } catch {
      // aborted by close(), or the connection dropped
    }
    this.ended = true;
    this.wake();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
