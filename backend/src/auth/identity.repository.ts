import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TenantStatus } from '../tenancy/tenant.types';
import { TenantRole } from './principal';

export interface PlatformUser {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  status: 'ativo' | 'desativado';
  platformAdmin: boolean;
}

export interface Membership {
  tenantId: string;
  slug: string;
  tenantName: string;
  tenantStatus: TenantStatus;
  role: TenantRole;
}

const USER_COLUMNS = `id, email, nome AS name, senha_hash AS "passwordHash", status, platform_admin AS "platformAdmin"`;

/**
 * SQL of platform identities (tenant_admin.tb_usuario_plataforma, tb_membro). These are catalog tables, read
 * with the login role outside any tenant transaction; every membership query is keyed by user.
 */
@Injectable()
export class IdentityRepository {
  constructor(private readonly db: DataSource) {}

  async findUserByEmail(email: string): Promise<PlatformUser | null> {
    const rows: PlatformUser[] = await this.db.query(
      `SELECT ${USER_COLUMNS} FROM tenant_admin.tb_usuario_plataforma WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows[0] ?? null;
  }

  async findUserById(id: string, manager: EntityManager = this.db.manager): Promise<PlatformUser | null> {
    const rows: PlatformUser[] = await manager.query(
      `SELECT ${USER_COLUMNS} FROM tenant_admin.tb_usuario_plataforma WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async insertUser(u: { email: string; name: string; passwordHash: string | null; platformAdmin: boolean }): Promise<PlatformUser> {
    const rows: PlatformUser[] = await this.db.query(
      `INSERT INTO tenant_admin.tb_usuario_plataforma (email, nome, senha_hash, platform_admin)
       VALUES ($1, $2, $3, $4) RETURNING ${USER_COLUMNS}`,
      [u.email, u.name, u.passwordHash, u.platformAdmin],
    );
    return rows[0];
  }

  async setUserStatus(id: string, status: PlatformUser['status']): Promise<void> {
    await this.db.query(
      'UPDATE tenant_admin.tb_usuario_plataforma SET status = $2, atualizado_em = now() WHERE id = $1',
      [id, status],
    );
  }

  async recordLogin(id: string): Promise<void> {
    await this.db.query('UPDATE tenant_admin.tb_usuario_plataforma SET ultimo_login_em = now() WHERE id = $1', [id]);
  }

  /** Active memberships of a user in active tenants (what the user may log into), by slug. */
  async activeMemberships(userId: string, manager: EntityManager = this.db.manager): Promise<Membership[]> {
    return manager.query(
      `SELECT t.id AS "tenantId", t.slug, t.nome AS "tenantName", t.status AS "tenantStatus", m.papel AS role
         FROM tenant_admin.tb_membro m
         JOIN tenant_admin.tb_tenant t ON t.id = m.tenant_id
        WHERE m.usuario_id = $1 AND m.ativo AND t.status = 'ativo'
        ORDER BY t.slug`,
      [userId],
    );
  }

  /** The membership of a user in one tenant, if active in an active tenant. */
  async activeMembership(userId: string, tenant: { id?: string; slug?: string }, manager: EntityManager = this.db.manager): Promise<Membership | null> {
    if (!tenant.id && !tenant.slug) return null;
    const rows: Membership[] = await manager.query(
      `SELECT t.id AS "tenantId", t.slug, t.nome AS "tenantName", t.status AS "tenantStatus", m.papel AS role
         FROM tenant_admin.tb_membro m
         JOIN tenant_admin.tb_tenant t ON t.id = m.tenant_id
        WHERE m.usuario_id = $1 AND m.ativo AND t.status = 'ativo'
          AND ($2::uuid IS NULL OR t.id = $2) AND ($3::text IS NULL OR t.slug = $3)`,
      [userId, tenant.id ?? null, tenant.slug ?? null],
    );
    return rows.length === 1 ? rows[0] : null;
  }

  async findTenantBySlug(slug: string): Promise<{ id: string; slug: string; status: TenantStatus } | null> {
    const rows: { id: string; slug: string; status: TenantStatus }[] = await this.db.query(
      'SELECT id, slug, status FROM tenant_admin.tb_tenant WHERE slug = $1',
      [slug],
    );
    return rows[0] ?? null;
  }

  async upsertMembership(userId: string, tenantId: string, role: TenantRole): Promise<void> {
    await this.db.query(
      `INSERT INTO tenant_admin.tb_membro (usuario_id, tenant_id, papel) VALUES ($1, $2, $3)
       ON CONFLICT (usuario_id, tenant_id) DO UPDATE SET papel = EXCLUDED.papel, ativo = true, atualizado_em = now()`,
      [userId, tenantId, role],
    );
  }
}
