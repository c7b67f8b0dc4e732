import { createSecretKey, type KeyObject } from 'node:crypto';
import type { Role } from '@coachflow/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
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
// Tokens in use at once within one access-token lifetime: one or two per signed-in person.
const VERIFIED_TOKENS = 10_000;

type VerifiedClaims = AccessTokenClaims & { exp: number };

/** Signs and verifies access tokens (JWT, HS256, secret from JWT_SECRET, short-lived). */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;
  /**
   * Tokens whose signature and claims were checked, by their text: checking one again would give the same
   * answer until it expires, which is still checked on every use. Only tokens this API signed get in, so
   * the cache cannot be filled with junk. Whether the session behind a token still holds is not cached:
   * the guard reads it on every request.
   */
  private readonly verified = new LRUCache<string, VerifiedClaims>({ max: VERIFIED_TOKENS });

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // The secret as a key object, made once: given a string, jsonwebtoken first tries it as a public key
    // and builds (and throws) an error on every request before falling back to a secret key.
    const key: KeyObject = createSecretKey(Buffer.from(config.jwtSecret));
    this.jwt = new JwtService({
      secretOrKeyProvider: () => key,
      signOptions: { algorithm: ALGORITHM, expiresIn: config.tokenTtlSeconds, issuer: 'coachflow' },
      verifyOptions: { algorithms: [ALGORITHM], issuer: 'coachflow' },
    });
  }

  sign(claims: AccessTokenClaims): Promise<string> {
    return this.jwt.signAsync(claims);
  }

  /** The token's claims, or null for any token that is forged, expired, malformed or without a session. */
  verify(token: string): AccessTokenClaims | null {
    const claims = this.verified.get(token) ?? this.check(token);
    if (!claims) return null;
    // As jsonwebtoken decides it: expired from the second `exp` names.
    if (Math.floor(Date.now() / 1000) >= claims.exp) {
      this.verified.delete(token);
      return null;
    }
    return claims;
  }

  private check(token: string): VerifiedClaims | null {
    let claims: Partial<VerifiedClaims>;
    try {
      claims = this.jwt.verify<Partial<VerifiedClaims>>(token);
    } catch {
      return null;
    }
    if (
      typeof claims.sub !== 'string' ||
      typeof claims.org !== 'string' ||
      typeof claims.sid !== 'string' ||
      typeof claims.exp !== 'number'
    )
      return null;
    const verified = claims as VerifiedClaims;
    this.verified.set(token, verified);
    return verified;
  }
}
