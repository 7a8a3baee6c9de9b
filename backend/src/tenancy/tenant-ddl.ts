import { PoolClient } from 'pg';
import { DbRoles } from '../database/roles';
import { ident } from '../database/sql';
import { Migration } from './migration-files';

/** Settings of the read-only LOGIN role that runs untrusted SQL; they apply at login, so they sit on the role. */
const READ_ONLY_ROLE_SETTINGS: Record<string, string> = {
  default_transaction_read_only: 'on',
  statement_timeout: '5s',
  lock_timeout: '1s',
  idle_in_transaction_session_timeout: '10s',
  work_mem: '8MB',
  temp_file_limit: '64MB',
};

export interface TenantNames {
  schema: string;
  rw: string;
  ro: string;
}

export function tenantNames(roles: DbRoles, slug: string): TenantNames {
  return { schema: `tenant_${slug}`, rw: roles.tenantReadWrite(slug), ro: roles.tenantReadOnly(slug) };
}

/** DDL that creates a tenant's schema and roles. Identifiers pass through ident(); nothing else is interpolated. */
export function createTenantSkeletonSql(roles: DbRoles, names: TenantNames, database: string): string {
  const [schema, rw, ro, app] = [ident(names.schema), ident(names.rw), ident(names.ro), ident(roles.app)];
  const password = roles.password(names.ro);
  if (!/^[0-9a-f]{64}$/.test(password)) throw new Error('derived password has an unexpected shape');
  const settings = Object.entries(READ_ONLY_ROLE_SETTINGS)
    .map(([k, v]) => `ALTER ROLE ${ro} SET ${k} = '${v}';`)
    .join('\n');
  return `
CREATE ROLE ${rw} NOLOGIN NOINHERIT;
CREATE ROLE ${ro} LOGIN NOINHERIT CONNECTION LIMIT 8 PASSWORD '${password}';
${settings}
ALTER ROLE ${ro} SET search_path = ${schema};
GRANT CONNECT ON DATABASE ${ident(database)} TO ${ro};
GRANT ${rw} TO ${app};
CREATE SCHEMA ${schema};
REVOKE ALL ON SCHEMA ${schema} FROM PUBLIC;
${defaultPrivilegesSql(names)}`;
}

/** What the current (DDL) role creates in the tenant schema is granted to the tenant roles at creation. */
function defaultPrivilegesSql(names: TenantNames): string {
  const [schema, rw, ro] = [ident(names.schema), ident(names.rw), ident(names.ro)];
  return `GRANT USAGE ON SCHEMA ${schema} TO ${rw}, ${ro};
ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${rw};
ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${rw};
ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT ON TABLES TO ${ro};`;
}

/**
 * Privileges of the tenant roles on everything already in the schema, and default privileges so that whatever the
 * DDL role creates there later is granted at creation. `GRANT … ON ALL TABLES IN SCHEMA` reads all of pg_class
 * sequentially (PostgreSQL has no index by namespace): with 1,000 tenants that is ~300,000 rows per statement, so it
 * runs only for a schema without default privileges of the DDL role (see {@link grantTenantPrivileges}); provisioning
 * installs them with the schema, before any migration.
 */
export function grantTenantPrivilegesSql(names: TenantNames): string {
  const [schema, rw, ro] = [ident(names.schema), ident(names.rw), ident(names.ro)];
  return `
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${rw};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${rw};
GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${ro};
${defaultPrivilegesSql(names)}`;
}

/**
 * Makes sure the tenant roles can use what the migrations created: when the current DDL role already has default
 * privileges in the schema (an index lookup in pg_default_acl), new objects were granted at creation and nothing
 * else is needed; otherwise (a new tenant, a tenant provisioned before default privileges, another DDL role) the
 * full grant runs and installs them.
 */
export async function grantTenantPrivileges(client: PoolClient, names: TenantNames): Promise<'defaults' | 'full'> {
  const { rows } = await client.query(
    `SELECT 1 FROM pg_catalog.pg_default_acl d
      WHERE d.defaclrole = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user)
        AND d.defaclnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = $1)
        AND d.defaclobjtype = 'r'`,
    [names.schema],
  );
  if (rows.length) return 'defaults';
  await client.query(grantTenantPrivilegesSql(names));
  return 'full';
}

/**
 * Applies migrations to one tenant schema inside the caller's transaction: the search_path and the tenant id
 * are set transaction-locally, so column defaults and seed rows take the right tenant.
 */
export async function applyTenantMigrations(
  client: PoolClient,
  tenantId: string,
  names: TenantNames,
  pending: Migration[],
): Promise<{ m: Migration; ms: number }[]> {
  await client.query("SELECT set_config('search_path', $1, true), set_config('app.tenant_id', $2, true)", [
    ident(names.schema),
    tenantId,
  ]);
  const applied: { m: Migration; ms: number }[] = [];
  for (const m of pending) {
    const started = performance.now();
    await client.query(m.sql);
    applied.push({ m, ms: performance.now() - started });
  }
  await grantTenantPrivileges(client, names);
  return applied;
}
