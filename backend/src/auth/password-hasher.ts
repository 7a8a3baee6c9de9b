import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): ~30 ms on one core, off the event loop.
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** Password hashing (argon2id, PHC strings). */
@Injectable()
export class PasswordHasher {
  private dummy?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(phc: string | null, password: string): Promise<boolean> {
    // Unknown user or no password: verify against a dummy hash anyway, so timing does not tell them apart.
    this.dummy ??= this.hash('not-a-password-' + Math.random());
    const target = phc ?? (await this.dummy);
    try {
      return (await verify(target, password)) && phc !== null;
    } catch {
      return false;
    }
  }
}
