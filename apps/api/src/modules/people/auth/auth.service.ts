import type { LoginRequest, LoginResponse } from '@coachflow/contracts';
import { Injectable } from '@nestjs/common';
import { AuditService } from '#api/modules/audit/audit.service';
import { PeopleErrorCode, PeopleException } from '#api/modules/people/people.exception';
import { PeopleService, toUserView } from '#api/modules/people/people.service';
import type { UserEntity } from '#api/modules/people/entities/user.entity';
import { auditLoginFailures } from './audit-login-failures';
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
   * A new session for the right email and password of an active user. An address may belong to users of
   * several organisations: the password picks the one it fits, and when it fits several the caller names
   * the organisation (409 lists those, which the caller just proved the password for). Every failure
   * answers the same 401, whichever part was wrong; failures are audited in each organisation concerned.
   */
  async login(request: Omit<LoginRequest, 'includeRefreshToken'>): Promise<Required<LoginResponse>> {
    const candidates = await this.people.findLoginCandidates(request.email, request.organisationId);
    const fits: UserEntity[] = [];
    // One check at least, so an unknown email takes as long as a wrong password.
    for (const candidate of candidates.length > 0 ? candidates : [undefined]) {
      if (await this.hasher.verify(candidate?.passwordHash, request.password)) fits.push(candidate!);
    }
    const active = fits.filter((user) => user.active);
    const [user] = active;
    if (!user) {
      await auditLoginFailures(this.audit, candidates, (candidate) => ({
        reason: fits.includes(candidate) ? 'deactivated' : 'wrong-password',
      }));
      throw new PeopleException(PeopleErrorCode.InvalidCredentials, 'Wrong email or password.');
    }
    if (active.length > 1) {
      const choose = new PeopleException(
        PeopleErrorCode.ChooseOrganisation,
        'This email and password sign in to several organisations: send organisationId with one of them.',
      );
      choose.extensions = { organisations: await this.people.organisationsOf(active) };
      throw choose;
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
    const claims = accessToken ? this.tokens.verify(accessToken) : null;
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
