import type { Role } from '@coachflow/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '#api/config/app-config';

export interface AccessTokenClaims {
  sub: string;
  org: string;
  role: Role;
}

// One algorithm, named on both sides: a token claiming `none` or another algorithm never verifies.
const ALGORITHM = 'HS256';

/** Signs and verifies access tokens (JWT, HS256, secret from JWT_SECRET). */
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

  /** The token's claims, or null for any token that is forged, expired or malformed. */
  async verify(token: string): Promise<AccessTokenClaims | null> {
    try {
      return await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      return null;
    }
  }
}
