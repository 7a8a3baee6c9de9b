import { Inject, Injectable } from '@nestjs/common';
import { TenantRole } from '../../auth/principal';
import { DB_ROLES } from '../../database/database.tokens';
import { DbRoles } from '../../database/roles';
import { TenantDb } from '../../tenancy/tenant-transaction';

export interface PlatformIdentity {
  id: string;
  platformAdmin: boolean;
}

/**
 * Platform identities and memberships (tenant_admin.tb_usuario_plataforma, tb_membro, tb_refresh_token),
 * written INSIDE the request's tenant transaction, so a member's identity, membership and tenant profile
 * (tb_usuario) commit or roll back together: one connection, one transaction, no second commit to lose.
 *
 * The tenant role (t_<slug>_rw) has no access to the catalog, so each statement here runs as the API's login
 * role: `SET LOCAL ROLE NONE` returns to it (the session user), and the tenant role is pinned again right after.
 * This is the one place request code leaves the tenant role; every statement is keyed by the caller's tenant id.
 */
@Injectable()
export class MembershipsRepository {
  constructor(
    private readonly db: TenantDb,
    @Inject(DB_ROLES) private readonly roles: DbRoles,
  ) {}

  findIdentityByEmail(email: string): Promise<PlatformIdentity | null> {
    return this.asLoginRole(async () => {
      const rows = await this.db.query<PlatformIdentity>(
        'SELECT id, platform_admin AS "platformAdmin" FROM tenant_admin.tb_usuario_plataforma WHERE lower(email) = lower($1::text)',
        [email],
      );
      return rows[0] ?? null;
    });
  }

  insertIdentity(u: { email: string; name: string; passwordHash: string }): Promise<string> {
    return this.asLoginRole(async () => {
      const rows = await this.db.query<{ id: string }>(
        'INSERT INTO tenant_admin.tb_usuario_plataforma (email, nome, senha_hash) VALUES ($1::text, $2::text, $3::text) RETURNING id',
        [u.email, u.name, u.passwordHash],
      );
      return rows[0].id;
    });
  }

  findMembership(userId: string): Promise<{ role: TenantRole; active: boolean } | null> {
    return this.asLoginRole(async () => {
      const rows = await this.db.query<{ role: TenantRole; active: boolean }>(
        'SELECT papel AS role, ativo AS active FROM tenant_admin.tb_membro WHERE usuario_id = $1::uuid AND tenant_id = $2::uuid',
        [userId, this.tenantId],
      );
      return rows[0] ?? null;
    });
  }

  /** Creates or updates the membership in the caller's tenant (role, active). */
  upsert(userId: string, role: TenantRole, active: boolean): Promise<void> {
    return this.asLoginRole(async () => {
      await this.db.query(
        `INSERT INTO tenant_admin.tb_membro (usuario_id, tenant_id, papel, ativo) VALUES ($1::uuid, $2::uuid, $3::text, $4::bool)
         ON CONFLICT (usuario_id, tenant_id) DO UPDATE SET papel = EXCLUDED.papel, ativo = EXCLUDED.ativo, atualizado_em = now()`,
        [userId, this.tenantId, role, active],
      );
    });
  }

  /**
   * The active tenant admins of the caller's tenant, their membership rows locked: two admins demoting each
   * other at once are serialized here, and the second sees the first's change.
   */
  lockActiveAdmins(): Promise<string[]> {
    return this.asLoginRole(async () => {
      const rows = await this.db.query<{ id: string }>(
        `SELECT usuario_id AS id FROM tenant_admin.tb_membro WHERE tenant_id = $1::uuid AND papel = 'tenant_admin' AND ativo
          ORDER BY usuario_id FOR UPDATE`,
        [this.tenantId],
      );
      return rows.map((r) => r.id);
    });
  }

  /** Ends the member's sessions in this tenant (refresh tokens); access tokens expire on their own. */
  revokeSessions(userId: string): Promise<void> {
    return this.asLoginRole(async () => {
      await this.db.query(
        'UPDATE tenant_admin.tb_refresh_token SET revogado_em = now() WHERE usuario_id = $1::uuid AND tenant_id = $2::uuid AND revogado_em IS NULL',
        [userId, this.tenantId],
      );
    });
  }

  private get tenantId(): string {
    return this.db.scope.tenantId;
  }

  private async asLoginRole<T>(work: () => Promise<T>): Promise<T> {
    await this.db.query('SET LOCAL ROLE NONE');
    const back = () => this.db.query("SELECT set_config('role', $1, true)", [this.roles.tenantReadWrite(this.db.scope.slug)]);
    let result: T;
    try {
      result = await work();
    } catch (err) {
      // After a failed statement the transaction is aborted (it will roll back, role included); after a
      // thrown domain error it is not, and must not go on as the login role.
      await back().catch(() => undefined);
      throw err;
    }
    await back();
    return result;
  }
}
