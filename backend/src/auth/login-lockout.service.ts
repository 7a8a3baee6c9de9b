import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DomainError } from '../common/domain-error';
import { ENV } from '../config/config.module';
import { Env } from '../config/env.schema';
import { LoginFailureRepository } from './login-failure.repository';

const PURGE_EVERY_MS = 60_000;

/**
 * Lockout after repeated login failures, per account (e-mail, known or not) and per client address, with a
 * delay that doubles at each further failure up to a cap. Counters live in the database, so every API
 * replica sees them and process memory does not grow with attackers.
 */
@Injectable()
export class LoginLockoutService {
  private lastPurge = 0;

  constructor(
    private readonly failures: LoginFailureRepository,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** Throws LOGIN_LOCKED (429) while any key is locked: the same answer for every e-mail. */
  async assertNotLocked(email: string, ip: string): Promise<void> {
    const until = await this.failures.lockedUntil([accountKey(email), ipKey(ip)]);
    if (until) throw lockedError(until);
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const common = { windowS: this.env.LOGIN_FAILURE_WINDOW_S, baseMs: this.env.LOGIN_LOCKOUT_BASE_MS, maxMs: this.env.LOGIN_LOCKOUT_MAX_MS };
    await this.failures.recordFailure(accountKey(email), { ...common, threshold: this.env.LOGIN_MAX_FAILURES });
    await this.failures.recordFailure(ipKey(ip), { ...common, threshold: this.env.LOGIN_MAX_FAILURES_PER_IP });
    if (Date.now() - this.lastPurge > PURGE_EVERY_MS) {
      this.lastPurge = Date.now();
      await this.failures.purgeStale(this.env.LOGIN_FAILURE_WINDOW_S);
    }
  }

  /** A successful password resets the account counter (not the address's: one valid account must not reset it). */
  async recordSuccess(email: string): Promise<void> {
    await this.failures.clear(accountKey(email));
  }
}

// The e-mail is stored only as a hash: counters for addresses that have no account reveal nothing.
const accountKey = (email: string) => `conta:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
const ipKey = (ip: string) => `ip:${ip.slice(0, 90)}`;

function lockedError(until: Date): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new DomainError(
    'LOGIN_LOCKED',
    `Muitas tentativas de login. Tente novamente em ${retryAfterSeconds} s.`,
    429,
    { retryAfterSeconds, lockedUntil: until.toISOString() },
  );
}
