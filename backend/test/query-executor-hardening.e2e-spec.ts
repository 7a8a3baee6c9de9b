import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { withDatabase } from '../src/database/embedded-postgres';
import { ALLOWED_FUNCTIONS } from '../src/query-executor/sql-validator/allow-lists';
import { bootstrapPlatform, PUBLIC_CATALOG_RELATIONS, REVOKED_FUNCTION_GROUPS } from '../src/tenancy/platform-bootstrap';
import { createUser, http, login, provisionTenant, startApp } from './support/auth-helpers';
import { createTestDb, TestDb } from './support/test-db';

// The database lock's revokes from PUBLIC (platform-bootstrap.ts, docs/security.md "What PUBLIC may no longer do"):
// tenant roles lose them, the API's login role keeps what it needs, and nothing the validator allows is lost.
describe('revokes from PUBLIC at bootstrap (real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let admin: Client;
  let ro: string;
  let rw: string;
  let appRole: string;

  beforeAll(async () => {
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000' });
    app = await startApp(db);
    admin = await db.admin();
    await provisionTenant(app, 'acme');
    ro = db.roles.tenantReadOnly('acme');
    rw = db.roles.tenantReadWrite('acme');
    appRole = db.roles.app;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const canExecute = async (role: string, fn: string) =>
    (await admin.query('SELECT has_function_privilege($1, $2, $3) AS ok', [role, fn, 'EXECUTE'])).rows[0].ok as boolean;
  const canSelect = async (role: string, rel: string) =>
    (await admin.query('SELECT has_table_privilege($1, $2, $3) AS ok', [role, rel, 'SELECT'])).rows[0].ok as boolean;

  it('tenant roles cannot run the dangerous or revealing functions; the API role keeps only the informational ones', async () => {
    const cases: Array<[string, boolean]> = [
      // [function, API role keeps it]
      ['pg_catalog.query_to_xml(text, boolean, boolean, text)', false],
      ['pg_catalog.ts_stat(text)', false],
      ['pg_catalog.xpath(text, xml)', false],
      ['pg_catalog.set_config(text, text, boolean)', true], // granted explicitly: the tenant transaction pins with it
      ['pg_catalog.pg_show_all_settings()', false],
      ['pg_catalog.pg_sleep(double precision)', false],
      ['pg_catalog.pg_try_advisory_lock(bigint)', false],
      ['pg_catalog.pg_advisory_xact_lock(bigint)', false],
      ['pg_catalog.pg_notify(text, text)', false],
      ['pg_catalog.lo_from_bytea(oid, bytea)', false],
      ['pg_catalog.txid_current()', false],
      ['pg_catalog.pg_logical_emit_message(boolean, text, text)', false],
      ['pg_catalog.pg_cancel_backend(integer)', false],
      ['pg_catalog.pg_read_file(text)', false],
      ['pg_catalog.pg_ls_dir(text)', false],
      ['pg_catalog.pg_stat_get_activity(integer)', true],
      ['pg_catalog.pg_lock_status()', true],
      ['pg_catalog.pg_total_relation_size(regclass)', true],
      ['pg_catalog.has_table_privilege(text, text)', true],
      ['pg_catalog.to_regclass(text)', true],
      ['pg_catalog.pg_get_viewdef(oid)', true],
      ['pg_catalog.version()', true], // TypeORM runs SELECT version() at start-up
      ['pg_catalog.current_database()', true], // and SELECT current_database()
      ['pg_catalog.inet_server_addr()', true],
      ['pg_catalog.pg_postmaster_start_time()', true],
    ];
    const got: Array<[string, boolean, boolean, boolean]> = [];
    for (const [fn] of cases) got.push([fn, await canExecute(ro, fn), await canExecute(rw, fn), await canExecute(appRole, fn)]);
    expect(got).toEqual(cases.map(([fn, keeps]) => [fn, false, false, keeps]));
    // never handed to the API what PUBLIC never had
    for (const fn of ['pg_catalog.pg_stat_reset()', 'pg_catalog.pg_read_binary_file(text)', 'pg_catalog.lo_import(text)']) {
      expect({ fn, app: await canExecute(appRole, fn) }).toEqual({ fn, app: false });
    }
  });

  it('tenant roles cannot read the catalog views that reveal other tenants; the API role still can', async () => {
    const rels = ['pg_catalog.pg_namespace', 'pg_catalog.pg_class', 'pg_catalog.pg_tables', 'pg_catalog.pg_stat_activity',
      'pg_catalog.pg_roles', 'pg_catalog.pg_settings', 'pg_catalog.pg_proc', 'pg_catalog.pg_locks', 'pg_catalog.pg_database',
      'pg_catalog.pg_user', 'pg_catalog.pg_stat_user_tables', 'pg_catalog.pg_stats', 'pg_catalog.pg_attribute', 'pg_catalog.pg_type'];
    for (const rel of rels) {
      expect({ rel, ro: await canSelect(ro, rel), rw: await canSelect(rw, rel), app: await canSelect(appRole, rel) })
        .toEqual({ rel, ro: false, rw: false, app: true });
    }
    for (const rel of ['pg_catalog.pg_authid', 'pg_catalog.pg_shadow', 'pg_catalog.pg_statistic']) {
      expect({ rel, app: await canSelect(appRole, rel) }).toEqual({ rel, app: false }); // never PUBLIC's: not granted
    }
    for (const rel of PUBLIC_CATALOG_RELATIONS) expect({ rel, ro: await canSelect(ro, `pg_catalog.${rel}`) }).toEqual({ rel, ro: true });
    // nothing else of pg_catalog is PUBLIC's any more: not even UPDATE on pg_settings (a SET through a rule)
    const { rows: stillPublic } = await admin.query(
      `SELECT c.relname FROM pg_class c, aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
        WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind IN ('r', 'v', 'm', 'p') AND a.grantee = 0
        GROUP BY 1 ORDER BY 1`,
    );
    expect(stillPublic.map((r) => r.relname)).toEqual([...PUBLIC_CATALOG_RELATIONS].sort());
    expect((await admin.query("SELECT has_table_privilege($1, 'pg_catalog.pg_settings', 'UPDATE') AS u", [ro])).rows[0].u).toBe(false);
    const schema = async (role: string) =>
      (await admin.query("SELECT has_schema_privilege($1, 'information_schema', 'USAGE') AS ok", [role])).rows[0].ok;
    expect({ ro: await schema(ro), rw: await schema(rw), app: await schema(appRole) }).toEqual({ ro: false, rw: false, app: true });
  });

  it('no function the validator allows is revoked, and no revoke group touches one', async () => {
    const { rows } = await admin.query(
      `SELECT DISTINCT proname FROM pg_proc
        WHERE pronamespace = 'pg_catalog'::regnamespace AND proname = ANY ($1::text[]) AND NOT has_function_privilege($2, oid, 'EXECUTE')`,
      [[...ALLOWED_FUNCTIONS], ro],
    );
    expect(rows).toEqual([]);
    for (const name of ALLOWED_FUNCTIONS) {
      for (const g of REVOKED_FUNCTION_GROUPS) expect({ name, group: g.name, matches: g.pattern.test(name) }).toEqual({ name, group: g.name, matches: false });
    }
    // what tenant SQL and RLS need at run time stays executable by tenant roles
    for (const fn of ['pg_catalog.current_setting(text, boolean)', 'pg_catalog.now()', 'pg_catalog.gen_random_uuid()',
      'pg_catalog.pg_backend_pid()', 'pg_catalog.pg_listening_channels()', 'pg_catalog.pg_typeof("any")']) {
      expect({ fn, ro: await canExecute(ro, fn), rw: await canExecute(rw, fn) }).toEqual({ fn, ro: true, rw: true });
    }
  });

  it('the application still works: TypeORM start-up, readiness, login, a CRM list under RLS as sales and as admin', async () => {
    expect((await http(app).get('/api/health/ready')).status).toBe(200);
    const ds = app.get(DataSource);
    const [probe] = await ds.query('SELECT version() AS v, current_database() AS d, current_schema() AS s, (SELECT count(*) FROM pg_roles) > 0 AS roles');
    expect(probe).toMatchObject({ d: db.name, roles: true });
    await createUser(app, { email: 'sales@hard.test', memberships: [['acme', 'sales']] });
    await createUser(app, { email: 'admin@hard.test', memberships: [['acme', 'tenant_admin']] });
    for (const who of ['sales', 'admin']) {
      const { accessToken } = await login(app, `${who}@hard.test`, 'acme');
      const created = await http(app).post('/api/contacts').set('Authorization', `Bearer ${accessToken}`).send({ name: `Contato de ${who}` });
      expect({ who, status: created.status }).toEqual({ who, status: 201 });
      const list = await http(app).get('/api/contacts?q=contato').set('Authorization', `Bearer ${accessToken}`);
      expect({ who, status: list.status }).toEqual({ who, status: 200 });
      expect(list.body.items.length).toBeGreaterThan(0);
    }
  });

  it('is idempotent, and per database: a second bootstrap changes no privilege; other databases keep the defaults', async () => {
    const acls = async () =>
      (
        await admin.query(
          `SELECT md5(string_agg(p.oid || ':' || coalesce(p.proacl::text, ''), ',' ORDER BY p.oid)) AS f,
                  (SELECT md5(string_agg(c.oid || ':' || coalesce(c.relacl::text, ''), ',' ORDER BY c.oid)) FROM pg_class c
                    WHERE c.relnamespace = 'pg_catalog'::regnamespace) AS r,
                  (SELECT nspacl::text FROM pg_namespace WHERE nspname = 'information_schema') AS i
             FROM pg_proc p WHERE p.pronamespace = 'pg_catalog'::regnamespace`,
        )
      ).rows[0];
    const before = await acls();
    await bootstrapPlatform(db.urls.admin, db.roles);
    expect(await acls()).toEqual(before);

    const other = new Client({ connectionString: withDatabase(db.urls.admin, 'postgres') });
    await other.connect();
    try {
      const { rows } = await other.query(
        `SELECT EXISTS (SELECT 1 FROM pg_class c, aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
                         WHERE c.oid = 'pg_catalog.pg_class'::regclass AND a.grantee = 0 AND a.privilege_type = 'SELECT') AS public_reads_pg_class,
                EXISTS (SELECT 1 FROM pg_class c, aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
                         WHERE c.oid = 'pg_catalog.pg_database'::regclass AND a.grantee = 0 AND a.privilege_type = 'SELECT') AS public_reads_pg_database`,
      );
      expect(rows[0]).toEqual({ public_reads_pg_class: true, public_reads_pg_database: true });
    } finally {
      await other.end();
    }
  });
});
