import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { TenantRole } from '../../src/auth/principal';
import { cnpjCheckDigits, cpfCheckDigits } from '../../src/common/br';
import { ident } from '../../src/database/sql';
import { createUser, login, provisionTenant } from './auth-helpers';
import { TestDb } from './test-db';

/** Fixtures of the CRM tests: a tenant with one member per role and two sales teams. */
export interface CrmTenant {
  slug: string;
  id: string;
  schema: string;
  users: Record<CrmUser, { id: string; token: string }>;
  teams: { north: string; south: string };
  /** Runs SQL as the superuser inside the tenant schema with app.tenant_id set (fixtures and look-behind checks; RLS bypassed). */
  sql<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
}

export type CrmUser = 'admin' | 'manager' | 'analyst' | 'salesNorth' | 'salesNorth2' | 'salesSouth';

const ROLES: Record<CrmUser, TenantRole> = {
  admin: 'tenant_admin',
  manager: 'manager',
  analyst: 'analyst',
  salesNorth: 'sales',
  salesNorth2: 'sales',
  salesSouth: 'sales',
};

export async function setupCrmTenant(app: INestApplication, db: TestDb, slug: string): Promise<CrmTenant> {
  const t = await provisionTenant(app, slug);
  const admin = await db.admin();
  const schema = `tenant_${slug}`;
  const sql = async <T,>(text: string, values: unknown[] = []): Promise<T[]> => {
    await admin.query('BEGIN');
    try {
      await admin.query(`SELECT set_config('search_path', $1, true), set_config('app.tenant_id', $2, true)`, [ident(schema), t.id]);
      const res = await admin.query(text, values);
      await admin.query('COMMIT');
      return res.rows as T[];
    } catch (err) {
      await admin.query('ROLLBACK');
      throw err;
    }
  };
  const users = {} as CrmTenant['users'];
  for (const [name, role] of Object.entries(ROLES) as [CrmUser, TenantRole][]) {
    const email = `${name.toLowerCase()}@${slug.replace(/_/g, '-')}.test`;
    const u = await createUser(app, { email, memberships: [[slug, role]] });
    users[name] = { id: u.id, token: (await login(app, email, slug)).accessToken };
  }
  const [north] = await sql<{ id: string }>("INSERT INTO tb_equipe (nome) VALUES ('Norte') RETURNING id");
  const [south] = await sql<{ id: string }>("INSERT INTO tb_equipe (nome) VALUES ('Sul') RETURNING id");
  await sql('UPDATE tb_usuario SET equipe_id = $1 WHERE id = ANY ($2::uuid[])', [north.id, [users.salesNorth.id, users.salesNorth2.id]]);
  await sql('UPDATE tb_usuario SET equipe_id = $1 WHERE id = $2', [south.id, users.salesSouth.id]);
  return { slug, id: t.id, schema, users, teams: { north: north.id, south: south.id }, sql };
}

/**
 * A plain pg client acting exactly as the API's tenant transaction does (login role crm_app, then role
 * t_<slug>_rw, search_path, app.tenant_id/user_id/role, all transaction-local): for hand-written SQL that must
 * see what the API sees, RLS included. Each call runs in its own transaction, rolled back.
 */
export async function tenantClient(db: TestDb, tenant: CrmTenant) {
  const client = new Client({ connectionString: db.urls.app });
  await client.connect();
  return {
    async query<T = Record<string, unknown>>(as: CrmUser | null, text: string, values: unknown[] = []): Promise<T[]> {
      await client.query('BEGIN');
      try {
        await client.query(
          `SELECT set_config('search_path', $1, true), set_config('app.tenant_id', $2, true), set_config('app.user_id', $3, true),
                  set_config('app.role', $4, true), set_config('role', $5, true)`,
          [ident(tenant.schema), tenant.id, as ? tenant.users[as].id : '', as ? ROLES[as] : 'tenant_admin', db.roles.tenantReadWrite(tenant.slug)],
        );
        return (await client.query(text, values)).rows as T[];
      } finally {
        await client.query('ROLLBACK');
      }
    },
    end: () => client.end(),
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Valid documents for tests, from the validators' own check-digit functions. */
export const cpfFrom = (base9: string) => `${base9}${cpfCheckDigits(base9)}`;
export const cnpjFrom = (base12: string) => `${base12}${cnpjCheckDigits(base12)}`;
