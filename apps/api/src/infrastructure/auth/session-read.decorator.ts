import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { SessionRead } from './active-session-user';
import type { RequestWithUser } from './current-user.decorator';

export const SESSION_READ = 'coachflow:session-read';

/**
 * The auth guard runs `read` in its session check's statement (one round trip to Postgres for both); the
 * handler takes the row with `@SessionReadRow()`.
 */
export const ReadWithSession = (read: SessionRead) => SetMetadata(SESSION_READ, read);

/**
 * The row of the route's `@ReadWithSession` read: null when there is none, undefined when the guard did not
 * run it (the parameter was not one it could bind, or the table is not there yet): then read it yourself.
 */
export const SessionReadRow = createParamDecorator(
  (_: unknown, context: ExecutionContext): Record<string, unknown> | null | undefined =>
    context.switchToHttp().getRequest<RequestWithUser>().sessionRead,
);
