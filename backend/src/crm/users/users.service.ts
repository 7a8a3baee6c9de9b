import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { PasswordHasher } from '../../auth/password-hasher';
import { TenantRole } from '../../auth/principal';
import { ConflictError, NotFoundError } from '../../common/domain-error';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { AuditService, HistoryItem } from '../audit/audit.service';
import { isUniqueViolation } from '../shared/db-errors';
import { parseListQuery, RawQuery } from '../shared/list/list-plan';
import { Page } from '../shared/list/list.repository';
import { MoreReferencesRepository } from '../shared/more-references.repository';
import { changedFields, sentFields } from '../shared/record-changes';
import { UserRecord } from './dto/user.dto';
import { InviteUserDto, UpdateUserDto } from './dto/user-write.dto';
import { MembershipsRepository } from './memberships.repository';
import { UserProfilesRepository } from './user-profiles.repository';
import { USER_AUDITED, USER_LIST, USER_WRITABLE } from './users.list';

const notFound = (id: string) => new NotFoundError('USER_NOT_FOUND', 'Usuário não encontrado.', { id });
const lastAdmin = () =>
  new ConflictError('LAST_TENANT_ADMIN', 'Este é o último administrador ativo do tenant: promova outra pessoa antes.', {});

/**
 * The tenant's members. A member is a platform identity + a membership in this tenant (what login checks) +
 * a tenant-local profile in tb_usuario (what records point at); every change here writes them together, in
 * the request's one transaction (see MembershipsRepository), and is audited on the profile.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly profiles: UserProfilesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly refs: MoreReferencesRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly db: TenantDb,
  ) {}

  list(query: RawQuery): Promise<Page<UserRecord>> {
    return this.profiles.findPage(parseListQuery(USER_LIST, query, this.db.scope.userId));
  }

  async get(id: string): Promise<UserRecord> {
    const row = await this.profiles.findById(id);
    if (!row) throw notFound(id);
    return row;
  }

  me(): Promise<UserRecord> {
    return this.get(this.db.scope.userId!);
  }

  /**
   * A new e-mail gets a platform account (with the given password, or a generated one returned once); an
   * e-mail that already has an account (a member of another tenant) joins with the password it has.
   */
  async invite(input: InviteUserDto): Promise<{ user: UserRecord; existingAccount: boolean; temporaryPassword: string | null }> {
    await this.refs.assertExist({ teamId: input.teamId });
    const identity = await this.memberships.findIdentityByEmail(input.email);
    let temporaryPassword: string | null = null;
    let userId: string;
    if (identity) {
      if (input.password !== undefined) {
        throw new ConflictError('ACCOUNT_EXISTS', 'Este e-mail já tem conta na plataforma: convide sem senha (a pessoa entra com a senha que já tem).', {
          field: 'password',
        });
      }
      const membership = await this.memberships.findMembership(identity.id);
      if (membership) throw new ConflictError('USER_EXISTS', 'Este e-mail já é usuário deste tenant.', { existingId: identity.id, active: membership.active });
      userId = identity.id;
    } else {
      const password = input.password ?? (temporaryPassword = randomBytes(12).toString('base64url'));
      userId = await this.memberships
        .insertIdentity({ email: input.email, name: input.name, passwordHash: await this.hasher.hash(password) })
        .catch((err) => rethrowTaken(err, 'ux_usuario_plataforma_email'));
    }
    await this.memberships.upsert(userId, input.role as TenantRole, true);
    const user = await this.profiles
      .upsert({
        id: userId,
        name: input.name,
        email: input.email,
        role: input.role as TenantRole,
        teamId: input.teamId ?? null,
        jobTitle: input.jobTitle ?? null,
        phone: input.phone ?? null,
        timeZone: input.timeZone ?? null,
        language: input.language ?? 'pt-BR',
      })
      .catch((err) => rethrowTaken(err, 'ux_usuario_email'));
    await this.audit.created(USER_LIST, userId, sentFields(user, USER_AUDITED));
    return { user, existingAccount: identity !== null, temporaryPassword };
  }

  /** Profile fields; a role change moves the membership too (effective at the next login or session refresh). */
  async update(id: string, input: UpdateUserDto): Promise<UserRecord> {
    const current = await this.profiles.findById(id, { forUpdate: true });
    if (!current) throw notFound(id);
    const changes = changedFields(current, sentFields(input, USER_WRITABLE));
    if (!Object.keys(changes).length) return current;
    await this.refs.assertExist({ teamId: changes.teamId as string });
    if (changes.role !== undefined) {
      if (changes.role !== 'tenant_admin') await this.assertNotLastAdmin(id);
      await this.memberships.upsert(id, changes.role as TenantRole, current.active);
    }
    const updated = (await this.profiles.update(id, changes))!;
    await this.audit.changed(USER_LIST, id, AuditService.diff(current, updated, USER_AUDITED));
    return updated;
  }

  /** Blocks login to this tenant (membership inactive, sessions revoked); the person's records keep their owner. */
  async deactivate(id: string): Promise<UserRecord> {
    return this.setActive(id, false);
  }

  async reactivate(id: string): Promise<UserRecord> {
    return this.setActive(id, true);
  }

  async history(id: string, query: RawQuery): Promise<Page<HistoryItem>> {
    if (!(await this.profiles.findById(id))) throw notFound(id);
    return this.audit.history(USER_LIST, id, query);
  }

  private async setActive(id: string, active: boolean): Promise<UserRecord> {
    const current = await this.profiles.findById(id, { forUpdate: true });
    if (!current) throw notFound(id);
    const membership = await this.memberships.findMembership(id);
    if (current.active === active && membership?.active === active) return current;
    if (!active) await this.assertNotLastAdmin(id);
    await this.memberships.upsert(id, membership?.role ?? current.role, active);
    if (!active) await this.memberships.revokeSessions(id);
    const updated = (await this.profiles.update(id, { active }))!;
    await this.audit.changed(USER_LIST, id, AuditService.diff(current, updated, USER_AUDITED));
    return updated;
  }

  /** The tenant must keep one active tenant admin; checked on the locked membership rows. */
  private async assertNotLastAdmin(userId: string): Promise<void> {
    const admins = await this.memberships.lockActiveAdmins();
    if (admins.includes(userId) && admins.length === 1) throw lastAdmin();
  }
}

function rethrowTaken(err: unknown, constraint: string): never {
  if (isUniqueViolation(err, constraint)) throw new ConflictError('USER_EXISTS', 'Já existe um usuário com este e-mail.', { field: 'email', existingId: null });
  throw err;
}

