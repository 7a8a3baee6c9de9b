import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { ENV } from '../config/config.module';
import { Env } from '../config/env.schema';
import { AccessTokenService } from './access-token.service';
import { IdentityRepository, Membership, PlatformUser } from './identity.repository';
import { LoginLockoutService } from './login-lockout.service';
import { PasswordHasher } from './password-hasher';
import { PLATFORM_ADMIN, Principal, Role, TenantRef } from './principal';
import { RefreshTokenRepository } from './refresh-token.repository';
import { newRefreshToken, sha256 } from './token-secrets';

export interface Session {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
  user: PlatformUser;
  tenant: TenantRef | null;
  role: Role;
}

export interface Me {
  user: PlatformUser | null;
  apiTokenId: string | null;
  tenant: TenantRef | null;
  role: Role;
  tenants: Membership[];
}

/** A session is either inside one tenant (a membership) or, for a platform admin, on the platform. */
type Target = { membership: Membership } | { platform: true };

// One message for unknown e-mail, wrong password, wrong tenant, disabled user or archived tenant.
const invalidCredentials = () => new DomainError('INVALID_CREDENTIALS', 'E-mail, senha ou tenant inválidos.', 401);
const invalidRefresh = () => new DomainError('INVALID_REFRESH_TOKEN', 'Sessão inválida ou expirada. Entre novamente.', 401);

@Injectable()
export class AuthService {
  constructor(
    private readonly identities: IdentityRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly lockout: LoginLockoutService,
    private readonly accessTokens: AccessTokenService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async login(input: { tenant?: string; email: string; password: string; ip: string }): Promise<Session> {
    const email = input.email.trim().toLowerCase();
    await this.lockout.assertNotLocked(email, input.ip);
    const user = await this.identities.findUserByEmail(email);
    // The hash is verified even for an unknown e-mail (against a dummy), so timing reveals nothing either.
    const passwordOk = await this.hasher.verify(user?.passwordHash ?? null, input.password);
    const target = user && passwordOk && user.status === 'ativo' ? await this.targetOf(user, input.tenant) : null;
    if (!user || !target) {
      await this.lockout.recordFailure(email, input.ip);
      throw invalidCredentials();
    }
    await this.lockout.recordSuccess(email);
    if ('choices' in target) {
      throw new DomainError('TENANT_CHOICE_REQUIRED', 'Você participa de mais de um tenant: escolha um.', 409, {
        tenants: target.choices.map((m) => ({ slug: m.slug, name: m.tenantName, role: m.role })),
      });
    }
    await this.identities.recordLogin(user.id);
    return this.issue(user, target, randomUUID());
  }

  /**
   * Rotates a refresh token: the presented one is marked used and a new one joins its family. Presenting a
   * used or revoked token (theft or replay) revokes the whole family. Membership, user and tenant are
   * re-checked, so a removed member or archived tenant cannot refresh.
   */
  async refresh(token: string): Promise<Session> {
    const outcome = await this.refreshTokens.transaction(async (m): Promise<Session | DomainError> => {
      const row = await this.refreshTokens.findByHashForUpdate(sha256(token), m);
      if (!row) return invalidRefresh();
      if (row.usedAt || row.revokedAt) {
        await this.refreshTokens.revokeFamily(row.familyId, m);
        return new DomainError('REFRESH_TOKEN_REUSED', 'Sessão encerrada por segurança. Entre novamente.', 401);
      }
      const user = row.expired ? null : await this.identities.findUserById(row.userId, m);
      const target = user?.status === 'ativo' ? await this.targetById(user, row.tenantId, m) : null;
      if (!user || !target) {
        await this.refreshTokens.revokeFamily(row.familyId, m);
        return invalidRefresh();
      }
      await this.refreshTokens.markUsed(row.id, m);
      return this.issue(user, target, row.familyId, m);
    });
    // Thrown after COMMIT: the family revocation must persist even though the request fails.
    if (outcome instanceof DomainError) throw outcome;
    return outcome;
  }

  /** Ends the refresh token's family. Answers the same whether or not the token existed. */
  async logout(token: string): Promise<void> {
    const row = await this.refreshTokens.findByHash(sha256(token));
    if (row) await this.refreshTokens.revokeFamily(row.familyId);
  }

  async me(caller: Principal): Promise<Me> {
    const user = caller.userId ? await this.identities.findUserById(caller.userId) : null;
    const tenants = user ? await this.identities.activeMemberships(user.id) : [];
    return { user, apiTokenId: caller.apiTokenId, tenant: caller.tenant, role: caller.role, tenants };
  }

  /** New tokens (a new family) for another of the caller's memberships. */
  async switchTenant(caller: Principal, slug: string): Promise<Session> {
    const user = caller.userId ? await this.identities.findUserById(caller.userId) : null;
    const membership = user?.status === 'ativo' ? await this.identities.activeMembership(user.id, { slug }) : null;
    if (!user || !membership) {
      throw new DomainError('TENANT_ACCESS_DENIED', 'Você não tem acesso a este tenant.', 403, { tenant: slug });
    }
    return this.issue(user, { membership }, randomUUID());
  }

  private async targetOf(user: PlatformUser, slug: string | undefined): Promise<Target | { choices: Membership[] } | null> {
    if (slug) {
      const membership = await this.identities.activeMembership(user.id, { slug });
      return membership ? { membership } : null;
    }
    if (user.platformAdmin) return { platform: true };
    const memberships = await this.identities.activeMemberships(user.id);
    if (memberships.length === 1) return { membership: memberships[0] };
    return memberships.length > 1 ? { choices: memberships } : null;
  }

  private async targetById(user: PlatformUser, tenantId: string | null, m: EntityManager): Promise<Target | null> {
    if (tenantId === null) return user.platformAdmin ? { platform: true } : null;
    const membership = await this.identities.activeMembership(user.id, { id: tenantId }, m);
    return membership ? { membership } : null;
  }

  private async issue(user: PlatformUser, target: Target, familyId: string, m?: EntityManager): Promise<Session> {
    const membership = 'membership' in target ? target.membership : null;
    const role: Role = membership ? membership.role : PLATFORM_ADMIN;
    const accessToken = this.accessTokens.sign({
      sub: user.id,
      ...(membership ? { tid: membership.tenantId, tslug: membership.slug } : {}),
      role,
      ...(user.platformAdmin ? { padm: true } : {}),
    });
    const refreshToken = newRefreshToken();
    await this.refreshTokens.insert(
      { familyId, userId: user.id, tenantId: membership?.tenantId ?? null, hash: sha256(refreshToken), ttlSeconds: this.env.JWT_REFRESH_TTL_S },
      m,
    );
    return {
      accessToken,
      expiresIn: this.accessTokens.ttlSeconds,
      refreshToken,
      refreshExpiresIn: this.env.JWT_REFRESH_TTL_S,
      user,
      tenant: membership ? { id: membership.tenantId, slug: membership.slug, name: membership.tenantName } : null,
      role,
    };
  }
}
