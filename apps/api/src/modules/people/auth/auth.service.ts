import type { LoginRequest, LoginResponse } from '@coachflow/contracts';
import { Injectable } from '@nestjs/common';
import { AuditService } from '#api/modules/audit/audit.service';
import { PeopleErrorCode, PeopleException } from '#api/modules/people/people.exception';
import { PeopleService, toUserView } from '#api/modules/people/people.service';
import type { UserEntity } from '#api/modules/people/entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { SessionService } from './session.service';
import { TokenService } from './token.service';

/** Sign-in, token refresh and sign-out. */
@Injectable()
export class AuthService {
  constructor(
    private readonly people: PeopleService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  /**
   * A new session for the right email and password of an active user. Every failure answers the same
   * 401, whichever part was wrong; failures for a known user are audited in their organisation.
   */
  async login(request: LoginRequest): Promise<Required<LoginResponse>> {
    const user = await this.people.findForLogin(request.email);
    const valid = await this.hasher.verify(user?.passwordHash, request.password);
    if (!user || !valid || !user.active) {
      if (user) {
        await this.audit.record([
          {
            type: 'LoginFailed',
            organisationId: user.organisationId,
            actorId: null,
            data: { userId: user.id, reason: valid ? 'deactivated' : 'wrong-password' },
          },
        ]);
      }
      throw new PeopleException(PeopleErrorCode.InvalidCredentials, 'Wrong email or password.');
    }
    const session = await this.sessions.open(user);
    return this.issue(user, session.sessionId, session.refreshToken);
  }

  /** A fresh access token and the next refresh token; the one presented is used up. */
  async refresh(refreshToken: string | undefined): Promise<Required<LoginResponse>> {
    const rotated = refreshToken ? await this.sessions.rotate(refreshToken) : null;
    const user = rotated ? await this.people.findActive(rotated.userId) : null;
    if (!rotated || !user) {
      if (rotated) await this.sessions.revoke(rotated.sessionId);
      throw new PeopleException(PeopleErrorCode.Unauthenticated, 'The session is over; sign in again.');
    }
    return this.issue(user, rotated.sessionId, rotated.refreshToken);
  }

  /** Ends the session of the access token and/or of the refresh token, whichever the caller holds. */
  async logout(accessToken: string | undefined, refreshToken: string | undefined): Promise<void> {
    const claims = accessToken ? await this.tokens.verify(accessToken) : null;
    if (claims) await this.sessions.revoke(claims.sid);
    const session = refreshToken ? await this.sessions.findOpenByRefreshToken(refreshToken) : null;
    if (session) await this.sessions.revoke(session.id);
  }

  private async issue(
    user: UserEntity,
    sessionId: string,
    refreshToken: string,
  ): Promise<Required<LoginResponse>> {
    const token = await this.tokens.sign({
      sub: user.id,
      org: user.organisationId,
      role: user.role,
      sid: sessionId,
    });
    return { token, user: toUserView(user), refreshToken };
  }
}
