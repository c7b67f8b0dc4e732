import { inAppPath, SsoStatusView } from '@coachflow/contracts';
import { Controller, Get, Inject, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import {
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { openApiSchema } from '#api/infrastructure/http/open-api-schema';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '#api/config/app-config';
import { OidcService } from './oidc.service';
import { Public } from '#api/infrastructure/auth/public.decorator';
import { setRefreshCookie } from './refresh-cookie';

const ATTEMPT_COOKIE = 'coachflow_oidc';
const ATTEMPT_PATH = '/api/auth/oidc';

/**
 * Single sign-on: `/login` sends the browser to the provider, `/callback` brings it back signed in (the
 * refresh cookie set; the web app then calls `POST /api/auth/refresh`). Both 404 when OIDC is not
 * configured; the sign-in page asks the bare path whether to show the button.
 */
@ApiTags('auth')
@Controller('api/auth/oidc')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ schema: openApiSchema(SsoStatusView) })
  status(): SsoStatusView {
    return this.config.oidc
      ? { enabled: true, loginUrl: `${ATTEMPT_PATH}/login` }
      : { enabled: false, loginUrl: null };
  }

  @Public()
  @Get('login')
  @ApiFoundResponse({ description: "Redirect to the identity provider's sign-in page." })
  @ApiNotFoundResponse({ description: 'Single sign-on is not configured.' })
  @ApiQuery({
    name: 'return',
    required: false,
    description: "The web app's page to land on once signed in (a path of this origin; anything else: /).",
  })
  async login(
    @Res() reply: FastifyReply,
    // Only for an address that belongs to users of several organisations: which one to sign in to.
    @Query('organisation', new ParseUUIDPipe({ optional: true })) organisation?: string,
    @Query('return') returnTo?: string,
  ): Promise<void> {
    const back = inAppPath(returnTo);
    const { url, attempt } = await this.oidc.start({
      ...(organisation ? { organisationId: organisation } : {}),
      ...(back ? { returnTo: back } : {}),
    });
    // Lax, not Strict: the cookie must come back on the provider's top-level redirect to the callback.
    void reply.setCookie(ATTEMPT_COOKIE, attempt, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.production,
      path: ATTEMPT_PATH,
      maxAge: 600,
    });
    await reply.redirect(url, 302);
  }

  @Public()
  @Get('callback')
  @ApiFoundResponse({
    description: 'Signed in: redirect to the page the sign-in started for, with the refresh cookie set.',
  })
  @ApiUnauthorizedResponse({ description: 'The provider refused, or no active user has that email.' })
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const search = new URL(request.url, 'http://callback.invalid').search;
    const { session, returnTo } = await this.oidc.finish(search, request.cookies[ATTEMPT_COOKIE]);
    setRefreshCookie(reply, session.refreshToken, {
      secure: this.config.production,
      maxAgeSeconds: this.config.refreshTtlSeconds,
    });
    void reply.clearCookie(ATTEMPT_COOKIE, { path: ATTEMPT_PATH });
    await reply.redirect(returnTo, 302);
  }
}
