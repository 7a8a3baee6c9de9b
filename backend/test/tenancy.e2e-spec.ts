import { TestingModule } from '@nestjs/testing';
import { Client } from 'pg';
import { ConflictError, DomainError } from '../src/common/domain-error';
import { ident } from '../src/database/sql';
import { TenantMigrations } from '../src/tenancy/migration-files';
import { TenantMigratorService } from '../src/tenancy/tenant-migrator.service';
import { TenantProvisioningService } from '../src/tenancy/tenant-provisioning.service';
import { migration, tenancyContext } from './support/tenancy-context';
import { createTestDb, TestDb } from './support/test-db';

const real = TenantMigrations.fromDisk().list;
const expectedTables = [...new Set(real.flatMap((m) => [...m.sql.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?(\w+)"?/gi)].map((x) => x[1])))].sort();

describe('tenant provisioning (real PostgreSQL)', () => {
  let db: TestDb;
  let ctx: TestingModule;
  let admin: Client;
  let tenants: TenantProvisioningService;

  beforeAll(async () => {
    db = await createTestDb();
    ctx = await tenancyContext(db);
    tenants = ctx.get(TenantProvisioningService);
    admin = await db.admin();
  });
  afterAll(async () => {
    await ctx?.close();
    await db?.drop();
  });

  const tablesOf = async (schema: string) =>
    (await admin.query<{ t: string }>('SELECT tablename AS t FROM pg_tables WHERE schemaname = $1 ORDER BY 1', [schema])).rows.map((r) => r.t);
  const rolesLike = async (slug: string) =>
    // roles are cluster-wide: only this database's (its prefix), other test files may provision the same slug
    (await admin.query<{ r: string }>('SELECT rolname AS r FROM pg_roles WHERE starts_with(rolname, $2) AND rolname LIKE $1 ORDER BY 1', [`%t\\_${slug}\\_%`, db.roles.rolePrefix])).rows.map((r) => r.r);

  it('creates exactly the schema, roles, tables and catalog row of a tenant', async () => {
    const t = await tenants.provision({ slug: 'acme', name: 'Acme Ltda' });
    expect(t).toMatchObject({ slug: 'acme', schema: 'tenant_acme', status: 'ativo', schemaVersion: real.length });
    expect(expectedTables.length).toBeGreaterThanOrEqual(45);
    expect(await tablesOf('tenant_acme')).toEqual(expectedTables);
    expect(await rolesLike('acme')).toEqual([db.roles.tenantReadOnly('acme'), db.roles.tenantReadWrite('acme')].sort());

    // every table: RLS enabled and forced, tenant_id defaulting to the transaction's tenant
    const { rows: rls } = await admin.query(
      `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
              (SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
                WHERE d.adrelid = c.oid AND a.attname = 'tenant_id') AS tenant_default
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'tenant_acme' AND c.relkind = 'r'`,
    );
    for (const r of rls) {
      expect({ table: r.relname, rls: r.relrowsecurity, forced: r.relforcerowsecurity }).toEqual({ table: r.relname, rls: true, forced: true });
      expect(r.tenant_default).toContain("current_setting('app.tenant_id'");
    }
    // the API's login role can switch to the tenant role, and owns nothing
    const { rows: member } = await admin.query('SELECT pg_has_role($1, $2, $3) AS can_set', [db.roles.app, db.roles.tenantReadWrite('acme'), 'SET']).catch(
      () => admin.query('SELECT pg_has_role($1, $2, $3) AS can_set', [db.roles.app, db.roles.tenantReadWrite('acme'), 'MEMBER']),
    );
    expect(member[0].can_set).toBe(true);
    const { rows: owned } = await admin.query(
      'SELECT count(*)::int AS n FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = $1',
      [db.roles.app],
    );
    expect(owned[0].n).toBe(0);
    const { rows: log } = await admin.query('SELECT versao FROM tenant_admin.tb_tenant_migracao WHERE tenant_id = $1 ORDER BY versao', [t.id]);
    expect(log.map((r) => r.versao)).toEqual(real.map((m) => m.version));
  });

  it('refuses a duplicate slug with a conflict', async () => {
    await tenants.provision({ slug: 'dup_one', name: 'Primeiro' });
    await expect(tenants.provision({ slug: 'dup_one', name: 'Segundo' })).rejects.toMatchObject({ code: 'TENANT_EXISTS', status: 409 });
  });

  it('lets exactly one of two concurrent provisionings of a slug win', async () => {
    const results = await Promise.allSettled([
      tenants.provision({ slug: 'race_slug', name: 'A' }),
      tenants.provision({ slug: 'race_slug', name: 'B' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    expect(rejected.reason.code).toBe('TENANT_EXISTS');
    expect(await tablesOf('tenant_race_slug')).toEqual(expectedTables);
  });

  it.each([
    ['Maiusculas', 'TENANT_SLUG_INVALID'],
    ['ab', 'TENANT_SLUG_INVALID'],
    ['1abc', 'TENANT_SLUG_INVALID'],
    ['x'.repeat(41), 'TENANT_SLUG_INVALID'],
    ['acme; drop', 'TENANT_SLUG_INVALID'],
    ['tenant_admin', 'TENANT_SLUG_RESERVED'],
    ['pg_evil', 'TENANT_SLUG_RESERVED'],
    ['public', 'TENANT_SLUG_RESERVED'],
  ])('refuses slug %j with %s', async (slug, code) => {
    await expect(tenants.provision({ slug, name: 'X' })).rejects.toMatchObject({ code, status: 400 });
  });

  it('leaves nothing behind when a step fails mid-way', async () => {
    const broken = await tenancyContext(db, [...real, migration(real.length + 1, 'broken', 'CREATE TABLE tb_ok (id int); SELECT 1/0;')]);
    try {
      await expect(broken.get(TenantProvisioningService).provision({ slug: 'half_made', name: 'Meio' })).rejects.toThrow(/division by zero/);
    } finally {
      await broken.close();
    }
    const { rows } = await admin.query(
      `SELECT (SELECT count(*)::int FROM tenant_admin.tb_tenant WHERE slug = 'half_made') AS catalog,
              (SELECT count(*)::int FROM pg_namespace WHERE nspname = 'tenant_half_made') AS schemas,
              (SELECT count(*)::int FROM pg_roles WHERE rolname LIKE '%t\\_half\\_made\\_%') AS roles`,
    );
    expect(rows[0]).toEqual({ catalog: 0, schemas: 0, roles: 0 });
    // and the slug is free again
    await expect(tenants.provision({ slug: 'half_made', name: 'Meio' })).resolves.toMatchObject({ slug: 'half_made' });
  });

  it('archives a tenant and lists tenants with status and version', async () => {
    await tenants.provision({ slug: 'to_archive', name: 'Arquivar' });
    const archived = await tenants.archive('to_archive');
    expect(archived.status).toBe('arquivado');
    expect(archived.archivedAt).toBeInstanceOf(Date);
    const list = await tenants.list();
    expect(list.find((t) => t.slug === 'to_archive')).toMatchObject({ status: 'arquivado', schemaVersion: real.length });
    await expect(tenants.archive('nao_existe')).rejects.toBeInstanceOf(DomainError);
  });
});

describe('migration fan-out (real PostgreSQL)', () => {
  let db: TestDb;
  let admin: Client;
  const small = [migration(1, 'base', 'CREATE TABLE tb_base (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), tenant_id uuid NOT NULL DEFAULT current_setting(\'app.tenant_id\')::uuid)')];
  const next = migration(2, 'next', 'CREATE TABLE tb_next (id int PRIMARY KEY); INSERT INTO tb_next VALUES (1);');
  const slow = migration(2, 'next', 'SELECT pg_sleep(0.15); CREATE TABLE tb_next (id int PRIMARY KEY); INSERT INTO tb_next VALUES (1);');

  beforeAll(async () => {
    db = await createTestDb();
    admin = await db.admin();
    const ctx = await tenancyContext(db, small);
    const tenants = ctx.get(TenantProvisioningService);
    for (let i = 0; i < 30; i++) await tenants.provision({ slug: `fan_${String(i).padStart(2, '0')}`, name: `Fan ${i}` });
    await ctx.close();
  });
  afterAll(async () => db?.drop());

  const state = async () =>
    (
      await admin.query<{ slug: string; versao: number; has_next: boolean; logs: number }>(
        `SELECT t.slug, t.versao_schema AS versao,
                to_regclass(format('%I.tb_next', t.schema_nome)) IS NOT NULL AS has_next,
                (SELECT count(*)::int FROM tenant_admin.tb_tenant_migracao m WHERE m.tenant_id = t.id AND m.versao = 2) AS logs
           FROM tenant_admin.tb_tenant t ORDER BY t.slug`,
      )
    ).rows;

  it('survives connections killed mid-fan-out, then a rerun completes and a further rerun is a no-op', async () => {
    const ctx = await tenancyContext(db, [...small, slow]);
    const migrator = ctx.get(TenantMigratorService);
    // Kill every DDL backend a few times while the fan-out runs: the server rolls back what was in flight.
    const killer = (async () => {
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setTimeout(r, 250));
        await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'crm-ddl' AND datname = current_database()");
      }
    })();
    const first = await migrator.migrateAll({ concurrency: 4 });
    await killer;
    await ctx.close();
    expect(first.total).toBe(30);
    expect(first.failed).toBeGreaterThan(0);
    // nothing half-migrated: version 2 ⇔ table present ⇔ one log row
    for (const s of await state()) {
      expect({ slug: s.slug, consistent: s.versao === 2 ? s.has_next && s.logs === 1 : !s.has_next && s.logs === 0 }).toEqual({ slug: s.slug, consistent: true });
    }

    const ctx2 = await tenancyContext(db, [...small, next]);
    const progress: number[] = [];
    const second = await ctx2.get(TenantMigratorService).migrateAll({ concurrency: 4, onProgress: (p) => progress.push(p.done) });
    expect(second.failed).toBe(0);
    expect(second.done).toBe(first.failed);
    expect(progress[progress.length - 1]).toBe(first.failed);
    expect((await state()).every((s) => s.versao === 2 && s.has_next && s.logs === 1)).toBe(true);

    const third = await ctx2.get(TenantMigratorService).migrateAll({ concurrency: 4 });
    expect(third).toMatchObject({ total: 0, done: 0, failed: 0 });
    await ctx2.close();
  });

  it('grants the tenant roles access to tables created by a later migration', async () => {
    const { rows } = await admin.query('SELECT has_table_privilege($1, $2, $3) AS rw, has_table_privilege($4, $2, $5) AS ro', [
      db.roles.tenantReadWrite('fan_00'),
      'tenant_fan_00.tb_next',
      'INSERT',
      db.roles.tenantReadOnly('fan_00'),
      'SELECT',
    ]);
    expect(rows[0]).toEqual({ rw: true, ro: true });
  });

  it('grants what later migrations create through default privileges, without re-granting the whole schema', async () => {
    const rw = db.roles.tenantReadWrite('fan_01');
    const acl = await admin.query("SELECT count(*)::int AS n FROM pg_default_acl WHERE defaclnamespace = 'tenant_fan_01'::regnamespace");
    expect(acl.rows[0].n).toBeGreaterThan(0);
    // A privilege taken away by hand stays away: the next migration does not run GRANT … ON ALL TABLES again.
    await admin.query(`REVOKE DELETE ON tenant_fan_01.tb_base FROM ${ident(rw)}`);
    const third = migration(3, 'third', 'CREATE TABLE tb_third (id int PRIMARY KEY); CREATE SEQUENCE sq_third;');
    const ctx = await tenancyContext(db, [...small, next, third]);
    const done = await ctx.get(TenantMigratorService).migrateAll({ concurrency: 2 });
    await ctx.close();
    expect(done).toMatchObject({ total: 30, done: 30, failed: 0 });
    const { rows } = await admin.query(
      `SELECT has_table_privilege($1, 'tenant_fan_01.tb_third', 'INSERT') AS third_rw,
              has_table_privilege($2, 'tenant_fan_01.tb_third', 'SELECT') AS third_ro,
              has_table_privilege($2, 'tenant_fan_01.tb_third', 'INSERT') AS third_ro_insert,
              has_sequence_privilege($1, 'tenant_fan_01.sq_third', 'USAGE') AS seq_rw,
              has_table_privilege($1, 'tenant_fan_01.tb_base', 'DELETE') AS base_delete,
              has_table_privilege($1, 'tenant_fan_02.tb_third', 'SELECT') AS other_tenant`,
      [rw, db.roles.tenantReadOnly('fan_01')],
    );
    expect(rows[0]).toEqual({ third_rw: true, third_ro: true, third_ro_insert: false, seq_rw: true, base_delete: false, other_tenant: false });
  });
});
