import type { Role } from '@coachflow/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '#api/config/app-config';

export interface AccessTokenClaims {
  sub: string;
  org: string;
  role: Role;
  /** The session the token was issued for: revoking it ends the token before it expires. */
  sid: string;
}

// One algorithm, named on both sides: a token claiming `none` or another algorithm never verifies.
const ALGORITHM = 'HS256';

/** Signs and verifies access tokens (JWT, HS256, secret from JWT_SECRET, short-lived). */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.jwt = new JwtService({
      secret: config.jwtSecret,
      signOptions: { algorithm: ALGORITHM, expiresIn: config.tokenTtlSeconds, issuer: 'coachflow' },
      verifyOptions: { algorithms: [ALGORITHM], issuer: 'coachflow' },
    });
  }

  sign(claims: AccessTokenClaims): Promise<string> {
    return this.jwt.signAsync(claims);
  }

  /** The token's claims, or null for any token that is forged, expired, malformed or without a session. */
  async verify(token: string): Promise<AccessTokenClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<Partial<AccessTokenClaims>>(token);
      return typeof claims.sub === 'string' &&
        typeof claims.org === 'string' &&
        typeof claims.sid === 'string'
        ? (claims as AccessTokenClaims)
        : null;
    } catch {
      return null;
    }
  }
}
