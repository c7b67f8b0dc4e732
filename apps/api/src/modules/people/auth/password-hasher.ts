import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** argon2id password hashing. */
@Injectable()
export class PasswordHasher {
  // Verified against when the email is unknown, so a wrong email takes as long as a wrong password.
  private readonly decoy = argon2.hash('decoy-password-for-unknown-users', OPTIONS);

  /** Stored for users without a password of their own: no password verifies against it. */
  static readonly NO_PASSWORD = '!no-password';

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    try {
      // A user without a password (imported, signs in by SSO) costs as much time as any other failure.
      if (!hash?.startsWith('$argon2')) {
        await argon2.verify(await this.decoy, password);
        return false;
      }
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
}
