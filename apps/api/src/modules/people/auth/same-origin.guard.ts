import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '#api/config/app-config';
import { PeopleErrorCode, PeopleException } from '#api/modules/people/people.exception';

/**
 * Refuses a browser call from a page of another origin on routes that read or set the refresh cookie
 * (login, refresh, logout): a browser names the calling page in `Origin` on every cross-origin POST, so a
 * foreign page can neither sign a victim in as someone else nor spend their session. This server's own
 * origin and the CORS_ORIGINS are allowed; calls without `Origin` (scripts, curl) carry no cookie of a
 * victim and pass.
 */
@Injectable()
export class SameOriginGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const origin = request.headers.origin;
    if (origin === undefined) return true;
    const own = `${request.protocol}://${request.host}`;
    if (origin === own || this.config.corsOrigins.includes(origin)) return true;
    throw new PeopleException(
      PeopleErrorCode.ForeignOrigin,
      'Sign-in and sessions answer only pages of this server or of CORS_ORIGINS.',
    );
  }
}
