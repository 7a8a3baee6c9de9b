import { Injectable } from '@nestjs/common';
import { ConflictError, DomainError, NotFoundError } from '../common/domain-error';
import { TenantTransaction } from '../tenancy/tenant-transaction';
import { IdentityRepository, PlatformUser } from './identity.repository';
import { PasswordHasher } from './password-hasher';
import { TenantRole } from './principal';
import { TenantProfileRepository } from './tenant-profile.repository';

const MIN_PASSWORD = 8;

/** Creates platform users and their tenant memberships (used by the demo seed, tests, and later user admin). */
@Injectable()
export class IdentityService {
  constructor(
    private readonly identities: IdentityRepository,
    private readonly profiles: TenantProfileRepository,
    private readonly hasher: PasswordHasher,
    private readonly tx: TenantTransaction,
  ) {}

  async createUser(input: { email: string; name: string; password: string; platformAdmin?: boolean }): Promise<PlatformUser> {
    if (input.password.length < MIN_PASSWORD) {
      throw new DomainError('PASSWORD_TOO_SHORT', `A senha deve ter ao menos ${MIN_PASSWORD} caracteres.`, 400);
    }
    const email = input.email.trim().toLowerCase();
    if (await this.identities.findUserByEmail(email)) {
      throw new ConflictError('USER_EXISTS', 'Já existe um usuário com este e-mail.', { email });
    }
    return this.identities.insertUser({
      email,
      name: input.name.trim(),
      passwordHash: await this.hasher.hash(input.password),
      platformAdmin: input.platformAdmin ?? false,
    });
  }

  findUserByEmail(email: string): Promise<PlatformUser | null> {
    return this.identities.findUserByEmail(email);
  }

  /**
   * Makes the user a member of a tenant with a role. The tenant-local profile (tb_usuario, same id) is written
   * first, through a transaction pinned to that tenant; both steps are idempotent, so a retry completes.
   */
  async addMember(userId: string, tenantSlug: string, role: TenantRole): Promise<void> {
    const user = await this.identities.findUserById(userId);
    if (!user) throw new NotFoundError('USER_NOT_FOUND', 'Usuário não encontrado.', { userId });
    const tenant = await this.identities.findTenantBySlug(tenantSlug);
    if (!tenant || tenant.status !== 'ativo') throw new NotFoundError('TENANT_NOT_FOUND', `Tenant "${tenantSlug}" não encontrado.`, { slug: tenantSlug });
    await this.tx.run({ tenantId: tenant.id, slug: tenant.slug, userId: null, role: 'tenant_admin' }, () =>
      this.profiles.upsert({ id: user.id, name: user.name, email: user.email, role }),
    );
    await this.identities.upsertMembership(user.id, tenant.id, role);
  }

  async setUserStatus(userId: string, status: PlatformUser['status']): Promise<void> {
    await this.identities.setUserStatus(userId, status);
  }
}
