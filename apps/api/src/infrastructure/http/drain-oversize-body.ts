import type { IncomingMessage } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** How much of an oversize body is read (and thrown away) before its 413 goes out, at most. */
export const OVERSIZE_DRAIN_BYTES = 32 * 1024 * 1024;
/** How long reading an oversize body may take before its 413 goes out anyway. */
export const OVERSIZE_DRAIN_MS = 10_000;

/**
 * A body over the size limit is refused before it is read; if the server then closed the connection while
 * the client was still sending, Node's fetch and browsers would see a reset instead of the 413. So the
 * rest of the body is read and thrown away first, up to a bound in bytes and time; past the bound the 413
 * still goes out and the connection closes.
 */
export function registerOversizeBodyDrain(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode !== 413) return payload;
      const drained = await drainBody(request.raw, OVERSIZE_DRAIN_BYTES, OVERSIZE_DRAIN_MS);
      if (!drained) void reply.header('connection', 'close');
      return payload;
    });
}

/**
 * Reads what is left of `request`'s body and discards it. True once the body has ended within the bounds;
 * false when it was longer (by its declared length or as read) or slower than they allow.
 */
export function drainBody(request: IncomingMessage, maxBytes: number, maxMs: number): Promise<boolean> {
  if (request.complete) return Promise.resolve(true);
  const declared = Number(request.headers['content-length']);
  if (request.destroyed || declared > maxBytes) return Promise.resolve(false);
  return new Promise((resolve) => {
    let read = 0;
    const finish = (ended: boolean) => {
      clearTimeout(timer);
      request.off('data', onData).off('end', onEnd).off('error', onStop).off('close', onStop);
      request.pause();
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > maxBytes) finish(false);
    };
    const onEnd = () => finish(true);
    const onStop = () => finish(request.complete);
    const timer = setTimeout(() => finish(false), maxMs);
    request.on('data', onData).once('end', onEnd).once('error', onStop).once('close', onStop);
    request.resume();
  });
}
