import type { Role } from '@coachflow/contracts';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { SessionEntity } from '#api/modules/people/entities/session.entity';
import { UserEntity } from '#api/modules/people/entities/user.entity';
import { PeopleErrorCode, PeopleException } from '#api/modules/people/people.exception';
import { bearerToken } from './bearer-token';
import type { RequestWithUser } from '#api/infrastructure/auth/current-user.decorator';
import { IS_PUBLIC } from '#api/infrastructure/auth/public.decorator';
import { REQUIRED_ROLES } from '#api/infrastructure/auth/roles.decorator';
import { TokenService } from './token.service';

/**
 * The global guard: every route needs a valid bearer token of an active user unless it is `@Public()`,
 * and `@Roles(...)` narrows it further. Registered as APP_GUARD, so a new route cannot forget it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const token = bearerToken(request.headers.authorization);
    const claims = token ? await this.tokens.verify(token) : null;
    // The user and the session are read on each request, so a deactivated user, a changed role or a
    // revoked session (logout, password change) takes effect at once, not when the token expires.
    const user = claims
      ? await this.users
          .createQueryBuilder('user')
          .innerJoin(
            SessionEntity,
            'session',
            'session.user_id = user.id AND session.id = :sid AND session.revoked_at IS NULL AND session.expires_at > now()',
            { sid: claims.sid },
          )
          .where('user.id = :id AND user.organisation_id = :org AND user.active', {
            id: claims.sub,
            org: claims.org,
          })
          .getOne()
      : null;
    if (!user || !claims) {
      throw new PeopleException(
        PeopleErrorCode.Unauthenticated,
        'Sign in and send the token as "Authorization: Bearer <token>".',
      );
    }
    request.user = {
      id: user.id,
      organisationId: user.organisationId,
      role: user.role,
      managerId: user.managerId,
      sessionId: claims.sid,
    };

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw new PeopleException(
        PeopleErrorCode.Forbidden,
        `This needs one of the roles: ${roles.join(', ')}.`,
      );
    }
    return true;
  }
}
