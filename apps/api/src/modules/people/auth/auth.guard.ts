import type { Role } from '@coachflow/contracts';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Pool } from 'pg';
import {
  activeSessionUser,
  activeSessionUserWith,
  type SessionClaims,
  type SessionRead,
} from '#api/infrastructure/auth/active-session-user';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import type { RequestWithUser } from '#api/infrastructure/auth/current-user.decorator';
import { IS_PUBLIC } from '#api/infrastructure/auth/public.decorator';
import { REQUIRED_ROLES } from '#api/infrastructure/auth/roles.decorator';
import { SESSION_READ } from '#api/infrastructure/auth/session-read.decorator';
import { PG_POOL } from '#api/infrastructure/database/database.module';
import { PeopleErrorCode, PeopleException } from '#api/modules/people/people.exception';
import { bearerToken } from './bearer-token';
import { TokenService } from './token.service';

const UNDEFINED_TABLE = '42P01';

/**
 * The global guard: every route needs a valid bearer token of an active user unless it is `@Public()`,
 * and `@Roles(...)` narrows it further. Registered as APP_GUARD, so a new route cannot forget it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const token = bearerToken(request.headers.authorization);
    const claims = token ? this.tokens.verify(token) : null;
    // The user and the session are read on each request, so a deactivated user, a changed role or a
    // revoked session (logout, password change) takes effect at once, not when the token expires.
    const user = claims
      ? await this.caller(
          request,
          { userId: claims.sub, organisationId: claims.org, sessionId: claims.sid },
          this.reflector.get<SessionRead | undefined>(SESSION_READ, context.getHandler()),
        )
      : null;
    if (!user) {
      throw new PeopleException(
        PeopleErrorCode.Unauthenticated,
        'Sign in and send the token as "Authorization: Bearer <token>".',
      );
    }
    request.user = user;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw new PeopleException(
        PeopleErrorCode.Forbidden,
        `This needs one of the roles: ${roles.join(', ')}.`,
      );
    }
    return true;
  }

  /** The session's caller; with the route's session read in the same statement when it can be bound. */
  private async caller(
    request: RequestWithUser,
    claims: SessionClaims,
    read: SessionRead | undefined,
  ): Promise<AuthenticatedUser | null> {
    const value = read ? (request.params as Record<string, unknown> | undefined)?.[read.param] : undefined;
    if (read && typeof value === 'string' && read.accepts(value)) {
      try {
        const found = await activeSessionUserWith(this.pool, claims, read, value);
        request.sessionRead = found?.row ?? null;
        return found?.user ?? null;
      } catch (error) {
        // The read's table is not there yet (a projection the worker has not created): check alone.
        if ((error as { code?: unknown }).code !== UNDEFINED_TABLE) throw error;
      }
    }
    return activeSessionUser(this.pool, claims);
  }
}
