// bench:provision — provisions N tenants with the full base model through the real service, and executes the
// same DDL text directly with one pg client (the floor), interleaved so both see the same machine state.
import { benchServer, dist, machineInfo, percentile, pg, report, round, scratchDatabase } from './lib.mjs';

const N = Number(process.argv.find((a) => a.startsWith('--tenants='))?.split('=')[1] ?? 50);
const WARMUP = 3;

const { PrivilegedDb } = dist('database/privileged-db.js');
const { TenantMigrations } = dist('tenancy/migration-files.js');
const { TenantCatalogRepository } = dist('tenancy/tenant-catalog.repository.js');
const { TenantProvisioningService } = dist('tenancy/tenant-provisioning.service.js');
const { createTenantSkeletonSql, tenantNames } = dist('tenancy/tenant-ddl.js');
const { ident } = dist('database/sql.js');

const server = await benchServer();
const db = await scratchDatabase(server.url);
const privileged = new PrivilegedDb(db.adminUrl);
const migrations = TenantMigrations.fromDisk();
const service = new TenantProvisioningService(privileged, db.roles, migrations, new TenantCatalogRepository());
const floorClient = new pg.Client({ connectionString: db.adminUrl });
await floorClient.connect();

async function floor(slug) {
  const names = tenantNames(db.roles, slug);
  const started = performance.now();
  await floorClient.query('BEGIN');
  await floorClient.query(createTenantSkeletonSql(db.roles, names, db.name));
  await floorClient.query(`SET LOCAL search_path TO ${ident(names.schema)}; SET LOCAL app.tenant_id = '${crypto.randomUUID()}'`);
  for (const m of migrations.list) await floorClient.query(m.sql);
  await floorClient.query('COMMIT');
  return performance.now() - started;
}

async function ours(slug) {
  const started = performance.now();
  await service.provision({ slug, name: `Bench ${slug}` });
  return performance.now() - started;
}

const api = [], raw = [];
for (let i = 0; i < WARMUP + N; i++) {
  const a = await ours(`bench_api_${i}`);
  const f = await floor(`bench_raw_${i}`);
  if (i >= WARMUP) { api.push(a); raw.push(f); }
}
await floorClient.end();
await privileged.close();
await db.drop();
await server.stop();

const stats = (xs) => ({ p50: round(percentile(xs, 50)), p95: round(percentile(xs, 95)), mean: round(xs.reduce((a, b) => a + b, 0) / xs.length) });
const s = { service: stats(api), floor: stats(raw) };
const ratio = round(s.service.p50 / s.floor.p50, 2);
const summary = `tenants=${N} tables=${migrations.list.length ? 'full model' : 0} p50=${s.service.p50}ms p95=${s.service.p95}ms floor p50=${s.floor.p50}ms ratio=${ratio} (target p50<=300ms, ratio<=1.3)`;
const md = `# bench:provision\n\n| | p50 ms | p95 ms | mean ms |\n|---|---|---|---|\n| service | ${s.service.p50} | ${s.service.p95} | ${s.service.mean} |\n| floor (same DDL, one pg client) | ${s.floor.p50} | ${s.floor.p95} | ${s.floor.mean} |\n\nratio p50 = **${ratio}** over ${N} tenants.\n`;
report('provision', summary, { tenants: N, ratio, ...s, machine: await machineInfo() }, md);
