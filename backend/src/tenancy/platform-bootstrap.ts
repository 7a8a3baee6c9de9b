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
    await auditAppendOnly(client, roles);
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

/** The SQL executor's audit is append-only for the API (ensureAppRole grants DML on every tenant_admin table). */
async function auditAppendOnly(client: Client, roles: DbRoles): Promise<void> {
  await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON tenant_admin.tb_execucao_sql FROM ${ident(roles.app)}`);
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
  await revokeFromPublic(client, roles);
  return true;
}

// ---------------------------------------------------------------------------------------------------------------------
// The database lock of the SQL executor (docs/security.md, "What PUBLIC may no longer do"): functions and catalog
// relations that tenant roles never need are taken from PUBLIC. Each group says why; docs/security.md lists them.

/** A group of functions revoked from PUBLIC, matched by name (`proname`) in the listed schemas. */
export interface RevokedFunctionGroup {
  name: string;
  reason: string;
  pattern: RegExp;
  /** Schemas searched; default pg_catalog. */
  schemas?: readonly string[];
  /**
   * Informational functions (statistics, sizes, catalog look-ups, server identity) are granted back to the API's
   * login role, which never runs untrusted SQL and keeps its default view of the database (catalog views, TypeORM's
   * start-up queries, diagnostics). Functions with effects (dynamic SQL, sleep, locks, signals, files…) are not.
   */
  grantToApp: boolean;
}

const ANY_SCHEMA = ['pg_catalog', 'public', 'extensions'] as const;

export const REVOKED_FUNCTION_GROUPS: readonly RevokedFunctionGroup[] = [
  {
    name: 'dynamic SQL',
    reason: 'run SQL given as text, or dump whole tables, schemas and databases (query_to_xml, ts_stat, ts_rewrite)',
    pattern: /_to_xml|^ts_stat$|^ts_rewrite$/,
    grantToApp: false,
  },
  {
    name: 'XML parsing',
    reason: 'parse untrusted XML with libxml (DTDs, entities)',
    pattern: /^xpath|^xmlexists$|^xml_is_well_formed|^xmlvalidate$/,
    grantToApp: false,
  },
  {
    name: 'settings',
    reason: 'read every setting, the configuration and authentication files; change session state (pg_trgm set_limit)',
    pattern: /^pg_show_all_settings$|^pg_show_all_file_settings$|^pg_settings_get_flags$|^pg_hba_file_rules$|^pg_ident_file_mappings$|^set_limit$/,
    schemas: ANY_SCHEMA,
    grantToApp: false,
  },
  { name: 'sleep', reason: 'hold a connection for nothing', pattern: /^pg_sleep/, grantToApp: false },
  {
    name: 'advisory locks',
    reason: 'session locks survive ROLLBACK and block the platform (migrations, provisioning)',
    pattern: /^pg_(try_)?advisory/,
    grantToApp: false,
  },
  { name: 'notifications', reason: 'forge events on channels the platform listens to', pattern: /^pg_notify$/, grantToApp: false },
  { name: 'large objects', reason: 'write storage outside any tenant schema, read/write server files', pattern: /^lo_|^lo(read|write)$/, grantToApp: false },
  {
    name: 'transactions, WAL and replication',
    reason: 'consume transaction ids, export snapshots, write WAL messages, drive replication',
    pattern: /^txid_current|^pg_current_xact_id|^pg_current_snapshot$|^pg_export_snapshot$|^pg_logical_|replication|^pg_switch_wal$|^pg_create_restore_point$|^pg_(start|stop)_backup$|^pg_backup_(start|stop)$|^pg_promote$|^pg_wal_replay_|^pg_log_standby_snapshot$/,
    grantToApp: false,
  },
  {
    name: 'signals and server control',
    reason: "cancel or terminate other sessions (the platform's and other tenants'), reload or rotate the server",
    pattern: /^pg_(terminate|cancel|signal)_backend$|^pg_reload_conf$|^pg_rotate_logfile|^pg_log_backend_memory_contexts$|^pg_import_system_collations$/,
    grantToApp: false,
  },
  {
    name: 'server files',
    reason: 'read or list files of the server',
    pattern: /^pg_read_(binary_)?file$|^pg_ls_|^pg_stat_file$|^pg_file_|^pg_current_logfile/,
    grantToApp: false,
  },
  { name: 'remote connections', reason: 'connect elsewhere with other credentials (dblink)', pattern: /^dblink/, schemas: ANY_SCHEMA, grantToApp: false },
  {
    name: 'activity and statistics',
    reason: "other sessions' queries, locks and wait states; per-table statistics of every tenant by OID",
    pattern: /^pg_stat_get_|^pg_stat_have_stats$|^pg_stat_clear_snapshot$|^pg_lock_status$|^pg_blocking_pids$|^pg_safe_snapshot_blocking_pids$|^pg_isolation_test_session_is_blocked$|^pg_prepared_xact$|^pg_get_backend_memory_contexts$|^pg_get_shmem_allocations|^pg_get_wait_events$|^pg_xact_|^pg_notification_queue_usage$/,
    grantToApp: true,
  },
  {
    name: 'object sizes',
    reason: "sizes of any relation or database reveal other tenants' volumes",
    pattern: /^pg_(total_relation|relation|table|indexes|database|tablespace)_size$|^pg_relation_file(node|path)$|^pg_filenode_relation$|^pg_partition_(tree|root|ancestors)$/,
    grantToApp: true,
  },
  {
    name: 'catalog introspection and existence oracles',
    reason: "tell whether another tenant's schema, table, role or function exists, and print definitions",
    pattern: /^has_[a-z_]+_privilege$|^pg_has_role$|^to_reg|^pg_[a-z_]+_is_visible$|^pg_get_|^pg_describe_object$|^pg_identify_object|^(obj|col|shobj)_description$|^pg_tablespace_(location|databases)$|^pg_my_temp_schema$|^pg_is_other_temp_schema$|^pg_options_to_table$|^pg_sequence_(parameters|last_value)$|^pg_(index|indexam|index_column)_has_property$|^pg_(relation|column)_is_updatable$|^pg_event_trigger_|^pg_extension_config_dump$|^pg_available_extension/,
    grantToApp: true,
  },
  {
    name: 'server identity',
    reason: 'version, addresses, ports, database name, start time, recovery and WAL positions of the server',
    pattern: /^version$|^current_database$|^inet_(client|server)_(addr|port)$|^pg_postmaster_start_time$|^pg_conf_load_time$|^pg_jit_available$|^pg_is_in_recovery$|^pg_is_wal_replay_paused$|^pg_last_(wal|xact)_|^pg_current_wal_|^pg_walfile_name|^pg_control_|^pg_trigger_depth$|^pg_config$/,
    grantToApp: true,
  },
];

/**
 * Catalog relations PUBLIC keeps: per-session views that show only the caller's own state (used to check that a
 * pooled connection is clean) and the time zone lists. Every other relation of pg_catalog loses PUBLIC's SELECT.
 */
export const PUBLIC_CATALOG_RELATIONS: ReadonlySet<string> = new Set([
  'pg_prepared_statements', 'pg_cursors', 'pg_timezone_names', 'pg_timezone_abbrevs',
]);

interface AclRow {
  target: string;
  name: string;
  public_has: boolean;
  app_has: boolean;
}

/**
 * Idempotent and per database (function and relation ACLs live in each database's pg_proc / pg_class, shared
 * catalogs included). Grants back to the API's role only what PUBLIC had (or the role already got from an earlier
 * run), so a function that was never PUBLIC's (pg_stat_reset, pg_read_file…) is never handed to it.
 */
async function revokeFromPublic(client: Client, roles: DbRoles): Promise<void> {
  const app = ident(roles.app);
  const acl = (col: string, kind: string, owner: string) => `
      EXISTS (SELECT 1 FROM aclexplode(coalesce(${col}, acldefault('${kind}', ${owner}))) a
               WHERE a.grantee = 0 AND a.privilege_type = $2) AS public_has,
      EXISTS (SELECT 1 FROM aclexplode(coalesce(${col}, acldefault('${kind}', ${owner}))) a
               WHERE a.grantee = $1::regrole::oid AND a.privilege_type = $2) AS app_has`;
  const fns = await client.query<AclRow & { schema: string }>(
    `SELECT format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) AS target,
            p.proname AS name, n.nspname AS schema, ${acl('p.proacl', 'f', 'p.proowner')}
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = ANY ($3::text[])`,
    [roles.app, 'EXECUTE', ANY_SCHEMA],
  );
  const revokeFns: string[] = [];
  const grantFns: string[] = [];
  for (const f of fns.rows) {
    const groups = REVOKED_FUNCTION_GROUPS.filter((g) => (g.schemas ?? ['pg_catalog']).includes(f.schema) && g.pattern.test(f.name));
    if (groups.length === 0) continue;
    if (f.public_has) revokeFns.push(f.target);
    if ((f.public_has || f.app_has) && groups.every((g) => g.grantToApp)) grantFns.push(f.target);
  }
  const rels = await client.query<AclRow & { public_any: boolean }>(
    `SELECT format('pg_catalog.%I', c.relname) AS target, c.relname AS name, ${acl('c.relacl', 'r', 'c.relowner')},
            EXISTS (SELECT 1 FROM aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a WHERE a.grantee = 0) AS public_any
       FROM pg_class c
      WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind IN ('r', 'v', 'm', 'p')`,
    [roles.app, 'SELECT'],
  );
  const candidates = rels.rows.filter((r) => !PUBLIC_CATALOG_RELATIONS.has(r.name));
  // ALL, not only SELECT: PUBLIC also holds UPDATE on pg_settings (an UPDATE there is a SET through a rule).
  const revokeRels = candidates.filter((r) => r.public_any).map((r) => r.target);
  const grantRels = candidates.filter((r) => r.public_has || r.app_has).map((r) => r.target);

  // One transaction: the API's role never loses what it had, even for a moment.
  await client.query('BEGIN');
  try {
    if (grantFns.length) await client.query(`GRANT EXECUTE ON ROUTINE ${grantFns.join(', ')} TO ${app}`);
    if (revokeFns.length) await client.query(`REVOKE EXECUTE ON ROUTINE ${revokeFns.join(', ')} FROM PUBLIC`);
    if (grantRels.length) await client.query(`GRANT SELECT ON ${grantRels.join(', ')} TO ${app}`);
    if (revokeRels.length) await client.query(`REVOKE ALL ON ${revokeRels.join(', ')} FROM PUBLIC`);
    // information_schema shows only what the caller holds a privilege on, but still lists routines of every
    // schema; tenant roles have no use for it.
    await client.query(`
      GRANT USAGE ON SCHEMA information_schema TO ${app};
      REVOKE USAGE ON SCHEMA information_schema FROM PUBLIC;`);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
