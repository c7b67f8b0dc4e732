import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from './authenticated-user';

export type RequestWithUser = FastifyRequest & {
  user?: AuthenticatedUser;
  /** The row of the route's `@ReadWithSession` read, when the guard ran it. */
  sessionRead?: Record<string, unknown> | null;
};

/** The authenticated caller; only on routes behind the auth guard (all but `@Public()` ones). */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedUser => {
    const user = context.switchToHttp().getRequest<RequestWithUser>().user;
    if (!user) throw new Error('CurrentUser used on a route without authentication');
    return user;
  },
);
