import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { TenantMigrations } from '../src/tenancy/migration-files';
import { createTestDb, TestDb } from './support/test-db';

// Processes killed with SIGKILL in the middle of provisioning and of the migration fan-out: a rerun completes
// and no tenant is ever left half-made or half-migrated.
const WORKER = join(__dirname, 'support', 'tenancy-worker.js');
const latest = TenantMigrations.fromDisk().latest;

function runUntil(args: string[], lines: number): Promise<{ killedAfter: number }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn('node', [WORKER, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let seen = 0;
    child.stdout!.on('data', (d: Buffer) => {
      seen += d.toString().split('\n').filter((l) => l.startsWith('provisioned') || l.startsWith('progress')).length;
      if (seen >= lines) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve({ killedAfter: seen }) : reject(new Error(`worker ended (${code}) before it was killed`))));
  });
}

describe('killed mid-way (SIGKILL), real PostgreSQL', () => {
  let db: TestDb;
  let admin: Client;
  beforeAll(async () => {
    if (!existsSync(join(__dirname, '..', 'dist', 'tenancy', 'tenant-migrator.service.js'))) {
      throw new Error('backend/dist is missing: run `npm run build` first (npm test does)');
    }
    db = await createTestDb();
    admin = await db.admin();
  });
  afterAll(async () => db?.drop());

  const wholeness = async () =>
    (
      await admin.query<{ slug: string; versao: number; tables: number; roles: number }>(
        `SELECT t.slug, t.versao_schema AS versao,
                (SELECT count(*)::int FROM pg_tables WHERE schemaname = t.schema_nome) AS tables,
                (SELECT count(*)::int FROM pg_roles WHERE rolname LIKE '%t\\_' || t.slug || '\\_r_') AS roles
           FROM tenant_admin.tb_tenant t ORDER BY t.slug`,
      )
    ).rows;
  const orphans = async () =>
    (
      await admin.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_namespace n
          WHERE n.nspname LIKE 'tenant\\_kill\\_%' AND NOT EXISTS (SELECT 1 FROM tenant_admin.tb_tenant t WHERE t.schema_nome = n.nspname)`,
      )
    ).rows[0].n;

  it('provisioning: a rerun completes, and every tenant is whole', async () => {
    const { killedAfter } = await runUntil(['provision', db.urls.admin, db.env.DB_ROLE_PREFIX, '12', 'kill'], 3);
    expect(killedAfter).toBeGreaterThanOrEqual(3);
    const before = await wholeness();
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(before.length).toBeLessThan(12);
    expect(await orphans()).toBe(0);
    const full = before[0].tables;
    for (const t of before) expect({ slug: t.slug, versao: t.versao, tables: t.tables, roles: t.roles }).toEqual({ slug: t.slug, versao: latest, tables: full, roles: 2 });

    // the rerun skips what exists and creates the rest, including the tenant that was in flight when killed
    const rerun = spawnSync('node', [WORKER, 'provision', db.urls.admin, db.env.DB_ROLE_PREFIX, '12', 'kill'], { encoding: 'utf8' });
    expect(rerun.status).toBe(0);
    expect((rerun.stdout.match(/^exists /gm) ?? []).length).toBe(before.length);
    expect((rerun.stdout.match(/^provisioned /gm) ?? []).length).toBe(12 - before.length);
    expect(await wholeness()).toHaveLength(12);
    expect((await wholeness()).every((t) => t.versao === latest && t.tables === full && t.roles === 2)).toBe(true);
    expect(await orphans()).toBe(0);
  }, 120_000);

  it('fan-out: a rerun after a SIGKILL migrates exactly the tenants still behind', async () => {
    const extra = 'SELECT pg_sleep(0.2); CREATE TABLE tb_kill_check (id int PRIMARY KEY); INSERT INTO tb_kill_check VALUES (1);';
    const { killedAfter } = await runUntil(['migrate', db.urls.admin, db.env.DB_ROLE_PREFIX, extra], 4);
    expect(killedAfter).toBeGreaterThanOrEqual(4);
    const state = async () =>
      (
        await admin.query<{ slug: string; versao: number; has: boolean; logs: number }>(
          `SELECT t.slug, t.versao_schema AS versao, to_regclass(format('%I.tb_kill_check', t.schema_nome)) IS NOT NULL AS has,
                  (SELECT count(*)::int FROM tenant_admin.tb_tenant_migracao m WHERE m.tenant_id = t.id AND m.versao = $1) AS logs
             FROM tenant_admin.tb_tenant t ORDER BY t.slug`,
          [latest + 1],
        )
      ).rows;
    const mid = await state();
    expect(mid.some((s) => s.versao === latest)).toBe(true);
    expect(mid.some((s) => s.versao === latest + 1)).toBe(true);
    for (const s of mid) expect({ slug: s.slug, ok: s.versao === latest + 1 ? s.has && s.logs === 1 : !s.has && s.logs === 0 }).toEqual({ slug: s.slug, ok: true });

    const rerun = spawnSync('node', [WORKER, 'migrate', db.urls.admin, db.env.DB_ROLE_PREFIX, extra], { encoding: 'utf8' });
    expect(rerun.status).toBe(0);
    const done = JSON.parse(/done (.*)/.exec(rerun.stdout)![1]);
    expect(done.failed).toBe(0);
    expect(done.done).toBe(mid.filter((s) => s.versao === latest).length);
    expect((await state()).every((s) => s.versao === latest + 1 && s.has && s.logs === 1)).toBe(true);
  }, 120_000);
});
