import { Client } from 'pg';
import { ident } from '../database/sql';
import { DbRoles } from '../database/roles';
import { loadMigrations, PLATFORM_MIGRATIONS_DIR } from './migration-files';

// Any constant works: it only has to be the same for every process bootstrapping one database.
const BOOTSTRAP_LOCK = 727_001;

export interface BootstrapResult {
  applied: string[];
  hardened: boolean;
}

/**
 * Brings a database to the platform's current shape: platform migrations of `tenant_admin`, the API's
 * login role, and the revokes that keep tenant roles from escaping. Idempotent; safe to run at every boot
 * and from several processes at once.
 */
export async function bootstrapPlatform(adminUrl: string, roles: DbRoles): Promise<BootstrapResult> {
  const client = new Client({ connectionString: adminUrl, application_name: 'crm-bootstrap' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [BOOTSTRAP_LOCK]);
    const applied = await applyPlatformMigrations(client);
    await ensureAppRole(client, roles);
    const hardened = await hardenPublicPrivileges(client, roles);
    return { applied, hardened };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [BOOTSTRAP_LOCK]).catch(() => undefined);
    await client.end();
  }
}

async function applyPlatformMigrations(client: Client): Promise<string[]> {
  await client.query(`
    CREATE SCHEMA IF NOT EXISTS tenant_admin;
    CREATE TABLE IF NOT EXISTS tenant_admin.tb_migracao_plataforma (
      versao integer PRIMARY KEY,
      nome text NOT NULL,
      checksum text NOT NULL,
      aplicada_em timestamptz NOT NULL DEFAULT now()
    )`);
  const { rows } = await client.query<{ versao: number; checksum: string; nome: string }>(
    'SELECT versao, checksum, nome FROM tenant_admin.tb_migracao_plataforma ORDER BY versao',
  );
  const done = new Map(rows.map((r) => [r.versao, r]));
  const applied: string[] = [];
  for (const m of loadMigrations(PLATFORM_MIGRATIONS_DIR)) {
    const previous = done.get(m.version);
    if (previous) {
      if (previous.checksum !== m.checksum) {
        throw new Error(`platform migration ${m.version}_${m.name} was changed after being applied`);
      }
      continue;
    }
    await client.query('BEGIN');
    try {
      await client.query(m.sql);
      await client.query(
        'INSERT INTO tenant_admin.tb_migracao_plataforma (versao, nome, checksum) VALUES ($1, $2, $3)',
        [m.version, m.name, m.checksum],
      );
      await client.query('COMMIT');
      applied.push(`${m.version}_${m.name}`);
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
  }
  return applied;
}

async function ensureAppRole(client: Client, roles: DbRoles): Promise<void> {
  const app = ident(roles.app);
  const password = roles.password(roles.app);
  if (!/^[0-9a-f]{64}$/.test(password)) throw new Error('derived password has an unexpected shape');
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [roles.app]);
  // NOINHERIT: membership in tenant roles gives nothing until SET LOCAL ROLE is used.
  const verb = rowCount ? 'ALTER' : 'CREATE';
  await client.query(`${verb} ROLE ${app} LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}'`);
  const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
  await client.query(`
    REVOKE ALL ON DATABASE ${ident(rows[0].db)} FROM PUBLIC;
    GRANT CONNECT ON DATABASE ${ident(rows[0].db)} TO ${app};
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
    GRANT USAGE ON SCHEMA tenant_admin TO ${app};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA tenant_admin TO ${app};
    REVOKE ALL ON tenant_admin.tb_migracao_plataforma FROM ${app};
    GRANT SELECT ON tenant_admin.tb_migracao_plataforma, tenant_admin.tb_tenant_migracao TO ${app};`);
}

/**
 * Functions that change settings or run dynamic SQL are revoked from PUBLIC, so a tenant role can never
 * call set_config('role', …) to leave its tenant. The API's login role gets set_config back: it pins each
 * transaction before switching to the tenant role. Needs a superuser; without one the step is reported.
 */
async function hardenPublicPrivileges(client: Client, roles: DbRoles): Promise<boolean> {
  const { rows } = await client.query<{ super: boolean }>(
    'SELECT rolsuper AS super FROM pg_roles WHERE rolname = current_user',
  );
  if (!rows[0].super) return false;
  await client.query(`
    REVOKE EXECUTE ON FUNCTION pg_catalog.set_config(text, text, boolean) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION pg_catalog.set_config(text, text, boolean) TO ${ident(roles.app)};`);
  // Under RLS only leakproof operators can become index conditions. These raise no error that depends on a
  // row's value, so marking them lets ?q= search and numeric keyset pages use their indexes for tenant roles
  // (docs/data-model.md, "Row-level security and indexes").
  await client.query(`
    ALTER FUNCTION pg_catalog.textlike(text, text) LEAKPROOF;
    ALTER FUNCTION extensions.similarity_op(text, text) LEAKPROOF;
    ALTER FUNCTION extensions.word_similarity_op(text, text) LEAKPROOF;
    ALTER FUNCTION pg_catalog.numeric_eq(numeric, numeric) LEAKPROOF;
    ALTER FUNCTION pg_catalog.numeric_ne(numeric, numeric) LEAKPROOF;
    ALTER FUNCTION pg_catalog.numeric_lt(numeric, numeric) LEAKPROOF;
    ALTER FUNCTION pg_catalog.numeric_le(numeric, numeric) LEAKPROOF;
    ALTER FUNCTION pg_catalog.numeric_gt(numeric, numeric) LEAKPROOF;
    ALTER FUNCTION pg_catalog.numeric_ge(numeric, numeric) LEAKPROOF;`);
  return true;
}
