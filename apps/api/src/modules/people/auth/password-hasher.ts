import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * argon2id password hashing, stored as PHC strings (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`). Verifying
 * reads the parameters from the stored string, so hashes made with other parameters or by another
 * argon2 library (the project used `argon2` before) keep verifying.
 */
@Injectable()
export class PasswordHasher {
  // Verified against when the email is unknown, so a wrong email takes as long as a wrong password.
  private readonly decoy = hash('decoy-password-for-unknown-users', OPTIONS);

  /** Stored for users without a password of their own: no password verifies against it. */
  static readonly NO_PASSWORD = '!no-password';

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(stored: string | undefined, password: string): Promise<boolean> {
    try {
      // A user without a password (imported, signs in by SSO) costs as much time as any other failure.
      if (!stored?.startsWith('$argon2')) {
        await verify(await this.decoy, password);
        return false;
      }
      return await verify(stored, password);
    } catch {
      return false;
    }
  }
}
