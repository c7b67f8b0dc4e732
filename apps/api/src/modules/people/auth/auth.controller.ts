import { LoginRequest, LoginResponse, RefreshRequest } from '@coachflow/contracts';
import { Body, Controller, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBody,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '#api/config/app-config';
import { JsonSchemaPipe } from '#api/infrastructure/http/json-schema.pipe';
import { openApiSchema } from '#api/infrastructure/http/open-api-schema';
import { PeopleErrorCode, PeopleException } from '#api/modules/people/people.exception';
import { AuthService } from './auth.service';
import { bearerToken } from './bearer-token';
import { Public } from '#api/infrastructure/auth/public.decorator';
import { clearRefreshCookie, refreshCookieOf, setRefreshCookie } from './refresh-cookie';
import { SameOriginGuard } from './same-origin.guard';

const refreshRequest = new JsonSchemaPipe(RefreshRequest);

/** The refresh token of an optional body: the web app posts none and relies on its cookie. */
function refreshTokenOf(body: unknown): string | undefined {
  return body === undefined || body === null ? undefined : refreshRequest.transform(body).refreshToken;
}

function withoutRefreshToken({ refreshToken: _, ...session }: LoginResponse): LoginResponse {
  return session;
}

@ApiTags('auth')
@Controller('api/auth')
@UseGuards(SameOriginGuard)
@ApiForbiddenResponse({ description: 'Called from a page of another origin (Origin header).' })
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Signs in: the access token in the body, the refresh token in an httpOnly cookie, and in the body too
   * when the caller asks (`includeRefreshToken`: scripts, which keep no cookies).
   */
  @Public()
  @Post('login')
  @HttpCode(200)
  // Opts this route into the login rate limit registered in app.setup.ts (per email and client address).
  @RouteConfig({ rateLimit: {} })
  @ApiBody({ schema: openApiSchema(LoginRequest) })
  @ApiOkResponse({ schema: openApiSchema(LoginResponse) })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password (the answer does not say which).' })
  @ApiTooManyRequestsResponse({ description: 'Too many sign-in attempts for this email; wait a minute.' })
  async login(
    @Body(new JsonSchemaPipe(LoginRequest)) body: LoginRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const { includeRefreshToken, ...credentials } = body;
    const session = await this.auth.login(credentials);
    setRefreshCookie(reply, session.refreshToken, this.cookieOptions());
    return includeRefreshToken ? session : withoutRefreshToken(session);
  }

  /**
   * A new access token for a refresh token, rotated: one sent in the body comes back in the body (a
   * script's), one sent in the cookie comes back only in the cookie (a browser's). A token used before
   * ends its session. A cookie that renews nothing is cleared, with the session marker.
   */
  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiBody({ schema: openApiSchema(RefreshRequest), required: false })
  @ApiOkResponse({ schema: openApiSchema(LoginResponse) })
  @ApiUnauthorizedResponse({ description: 'The refresh token is unknown, used, revoked or expired.' })
  async refresh(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const fromBody = refreshTokenOf(body);
    const session = await this.auth.refresh(fromBody ?? refreshCookieOf(request)).catch((error: unknown) => {
      // The cookie renews nothing (revoked, spent, expired, absent): the browser forgets it and its marker.
      if (error instanceof PeopleException && error.code === PeopleErrorCode.Unauthenticated)
        clearRefreshCookie(reply, this.cookieOptions());
      throw error;
    });
    setRefreshCookie(reply, session.refreshToken, this.cookieOptions());
    return fromBody ? session : withoutRefreshToken(session);
  }

  /** Ends the session of the bearer token and/or the refresh token; its access tokens stop working. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiBody({ schema: openApiSchema(RefreshRequest), required: false })
  @ApiNoContentResponse({ description: 'Signed out (also when there was nothing to end).' })
  async logout(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(
      bearerToken(request.headers.authorization),
      refreshTokenOf(body) ?? refreshCookieOf(request),
    );
    clearRefreshCookie(reply, this.cookieOptions());
  }

  private cookieOptions() {
    return { secure: this.config.production, maxAgeSeconds: this.config.refreshTtlSeconds };
  }
}
