import { liveUpdatesAfter } from '@coachflow/read-models';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '#api/config/app-config';
import { PG_POOL } from '#api/infrastructure/database/database.module';
import { activeSessionUser } from '#api/infrastructure/auth/active-session-user';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { LiveStream } from './live-stream';
import { LiveUpdatesBus } from './live-updates-bus';
import { LiveUpdatesErrorCode, LiveUpdatesException } from './live-updates.exception';

/** Streams one user may hold open in one API process (tabs, devices); more answer 429. */
export const MAX_STREAMS_PER_USER = 10;

/** Opens live-update streams: the caller's own messages, from the bus and, when resuming, the table. */
@Injectable()
export class LiveUpdatesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly bus: LiveUpdatesBus,
  ) {}

  async open(caller: AuthenticatedUser, after: number, reply: FastifyReply): Promise<void> {
    if (this.bus.streamsOf(caller.id) >= MAX_STREAMS_PER_USER)
      throw new LiveUpdatesException(
        LiveUpdatesErrorCode.TooManyStreams,
        `At most ${MAX_STREAMS_PER_USER} live-update streams per user; close one first.`,
      );
    reply.hijack();
    const response = reply.raw;
    // The hook-set headers (security headers) live on the reply, which a hijacked response does not send.
    for (const [name, value] of Object.entries(reply.getHeaders()))
      if (value !== undefined) response.setHeader(name, value);
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    let unsubscribe = (): void => undefined;
    const stream = new LiveStream(response, {
      userId: caller.id,
      organisationId: caller.organisationId,
      after,
      heartbeatMs: this.config.streamHeartbeatSeconds * 1000,
      maxLifetimeMs: this.config.tokenTtlSeconds * 1000,
      readBacklog: (from, limit) =>
        liveUpdatesAfter(this.pool, {
          userId: caller.id,
          organisationId: caller.organisationId,
          after: from,
          limit,
        }),
      sessionIsOpen: () => this.sessionIsOpen(caller),
      onEnd: () => unsubscribe(),
    });
    unsubscribe = this.bus.subscribe(stream);
    await stream.start();
  }

  private async sessionIsOpen(caller: AuthenticatedUser): Promise<boolean> {
    if (!caller.sessionId) return false;
    const user = await activeSessionUser(this.pool, {
      userId: caller.id,
      organisationId: caller.organisationId,
      sessionId: caller.sessionId,
    });
    return user !== null;
  }
}

/** The Last-Event-ID header as a position: absent is 0 (start from now); anything but digits is a 400. */
export function parseLastEventId(header: string | undefined): number {
  if (header === undefined || header === '') return 0;
  const position = /^\d{1,15}$/.test(header) ? Number(header) : Number.NaN;
  if (!Number.isSafeInteger(position))
    throw new LiveUpdatesException(
      LiveUpdatesErrorCode.InvalidLastEventId,
      'Last-Event-ID must be the id of a message this stream sent (a number).',
    );
  return position;
}
