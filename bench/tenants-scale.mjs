// bench:scale — many tenants on one database: provision N (default 1000), then the same authenticated list load
// touching 10 tenants vs all N (latency ratio, API RSS, PostgreSQL backends' memory, catalog size), then the
// fan-out of one new migration over all N (wall time, peak RSS of the migrating process).
import { spawn } from 'node:child_process';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { benchServer, dist, machineInfo, pg, report, require, root, round, scratchDatabase } from './lib.mjs';

const arg = (name, def) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? def);
const N = arg('tenants', 1000), DURATION = arg('duration', 15), CONNECTIONS = arg('connections', 32);
const autocannon = require('autocannon');
const jwt = require('jsonwebtoken');
const SECRET = 'bench-secret-0123456789-0123456789-abcdef';

const server = await benchServer();
const db = await scratchDatabase(server.url, { JWT_SECRET: SECRET, DB_ROLE_SECRET: SECRET, JWT_ACCESS_TTL_S: '3600' });
const { PrivilegedDb } = dist('database/privileged-db.js');
const { TenantMigrations } = dist('tenancy/migration-files.js');
const { TenantCatalogRepository } = dist('tenancy/tenant-catalog.repository.js');
const { TenantProvisioningService } = dist('tenancy/tenant-provisioning.service.js');
const { TenantMigratorService } = dist('tenancy/tenant-migrator.service.js');
const privileged = new PrivilegedDb(db.adminUrl);
const disk = TenantMigrations.fromDisk();
const provisioning = new TenantProvisioningService(privileged, db.roles, disk, new TenantCatalogRepository());

const admin = new pg.Client({ connectionString: db.adminUrl });
await admin.connect();
const catalogBytes = async () => Number((await admin.query("SELECT sum(pg_total_relation_size(c.oid))::bigint AS b FROM pg_class c WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'r'")).rows[0].b);
const catalogBefore = await catalogBytes();

// 1. provision
const tenants = [];
const started = performance.now();
for (let i = 0; i < N; i++) {
  const slug = `scale_${String(i).padStart(5, '0')}`;
  const t = await provisioning.provision({ slug, name: `Escala ${i}` });
  await admin.query('BEGIN');
  await admin.query("SELECT set_config('app.tenant_id', $1, true)", [t.id]);
  await admin.query(`INSERT INTO "tenant_${slug}".tb_contato (nome, email) SELECT 'MARK-${slug} ' || g, 'c' || g || '@${slug}.test' FROM generate_series(1, 20) g`);
  await admin.query('COMMIT');
  tenants.push({ slug, id: t.id });
  if ((i + 1) % 100 === 0) process.stdout.write(`provisioned ${i + 1}/${N} (${round((performance.now() - started) / 1000)} s)\n`);
}
const provisionSeconds = round((performance.now() - started) / 1000);
const catalogAfter = await catalogBytes();

// Tokens signed with the server's secret and claims, as login would issue them (argon2 for 1,000 logins would
// only slow the setup down).
const userId = crypto.randomUUID();
const token = (t) => jwt.sign({ sub: userId, tid: t.id, tslug: t.slug, role: 'tenant_admin' }, SECRET, { algorithm: 'HS256', issuer: 'crm-platform', audience: 'crm-api', expiresIn: 3600 });
for (const t of tenants) t.token = token(t);

// 2. API under load, 10 tenants then all; once with a plain pool (DB_POOL_TENANT_GROUPS=1) and once with the
// configured tenant groups, each API process on fresh PostgreSQL backends.
const PORT = 3921;
// --groups=1,4,10: the pool configurations compared (1 = a plain pool); default 1 and the configured value.
const GROUPS = (process.argv.find((a) => a.startsWith('--groups='))?.split('=')[1] ?? `1,${process.env.DB_POOL_TENANT_GROUPS ?? db.env.DB_POOL_TENANT_GROUPS ?? 4}`).split(',').map(Number);
const rss = (pid) => Number(execSync(`ps -o rss= -p ${pid}`).toString().trim()) / 1024;
// Private memory (not shared buffers) of the PostgreSQL backends serving the API's login role on this database.
const pgRss = () => {
  const pids = execSync(`pgrep -f "postgres: ${db.roles.app} ${db.name}" || true`).toString().split('\n').filter(Boolean);
  let kb = 0;
  for (const pid of pids) {
    try {
      const smaps = execSync(`cat /proc/${pid}/smaps_rollup 2>/dev/null`).toString();
      for (const m of smaps.matchAll(/^Private_(?:Clean|Dirty):\s+(\d+) kB/gm)) kb += Number(m[1]);
    } catch { /* backend ended */ }
  }
  return kb / 1024;
};
let leaks = 0;
async function load(set) {
  let i = 0;
  const r = await autocannon({
    url: `http://127.0.0.1:${PORT}/api/contacts?limit=20`, connections: CONNECTIONS, duration: DURATION,
    requests: [{
      setupRequest: (req, ctx) => { ctx.t = set[i++ % set.length]; return { ...req, headers: { authorization: `Bearer ${ctx.t.token}` } }; },
      onResponse: (status, body, ctx) => { if (status !== 200 || !body.includes(`MARK-${ctx.t.slug} `) || body.split('MARK-').length - 1 !== body.split(`MARK-${ctx.t.slug} `).length - 1) leaks++; },
    }],
  });
  return { rps: round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
}
async function measureApi(groups) {
  const api = spawn('node', [join(root, 'backend', 'dist', 'main.js')], {
    cwd: root,
    env: { ...process.env, ...Object.fromEntries(Object.entries(db.env).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])), NODE_ENV: 'production', PORT: String(PORT), DEMO_SEED: 'false', LOG_LEVEL: 'warn', SERVE_CONSOLE: 'false', DB_POOL_TENANT_GROUPS: String(groups) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 120; i++) {
    if ((await fetch(`http://127.0.0.1:${PORT}/api/health/ready`).catch(() => null))?.ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const rssStart = rss(api.pid);
  const few = await load(tenants.slice(0, 10));
  const rssFew = rss(api.pid), pgFew = pgRss();
  const all = await load(tenants);
  const rssAll = rss(api.pid), pgAll = pgRss();
  await new Promise((r) => { api.once('exit', r); api.kill('SIGTERM'); });
  await new Promise((r) => setTimeout(r, 1000));
  return { groups, few, all, latencyRatio: round(all.p50 / few.p50, 2), rss: { start: rssStart, few: rssFew, all: rssAll }, pg: { few: pgFew, all: pgAll } };
}
const runs = [];
for (const g of GROUPS) runs.push(await measureApi(g));

// 3. fan-out of one new migration over all tenants, in this process, sampling its RSS
const extra = { version: disk.latest + 1, name: 'bench_scale', sql: 'ALTER TABLE tb_contato ADD COLUMN bench_flag boolean', checksum: 'benchscale' };
const migrator = new TenantMigratorService(privileged, db.roles, new TenantMigrations([...disk.list, extra]), new TenantCatalogRepository());
let peak = process.memoryUsage().rss;
const rssBefore = peak;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
const fanStart = performance.now();
const fan = await migrator.migrateAll({ concurrency: Number(process.env.MIGRATION_CONCURRENCY ?? 4) });
const fanSeconds = round((performance.now() - fanStart) / 1000);
clearInterval(sampler);

await admin.end();
await privileged.close();
await new Promise((r) => setTimeout(r, 1000));
await db.drop();
await server.stop();

const line = (m) => `pool groups=${m.groups}: 10 tenants p50=${m.few.p50}ms p99=${m.few.p99}ms ${m.few.rps} req/s, ${N} tenants p50=${m.all.p50}ms p99=${m.all.p99}ms ${m.all.rps} req/s, latency ratio=${m.latencyRatio} (target <=1.3), API RSS ${round(m.rss.few)}→${round(m.rss.all)} MB (growth ${round(m.rss.all - m.rss.few)} MB, target <=50), PG app backends private memory ${round(m.pg.few)}→${round(m.pg.all)} MB`;
const summary = `tenants=${N} provision ${provisionSeconds}s | ${runs.map(line).join(' | ')} | catalog ${round(catalogBefore / 2 ** 20)}→${round(catalogAfter / 2 ** 20)} MB | fan-out ${fan.done}/${fan.total} in ${fanSeconds}s (target <=120s), peak RSS +${round((peak - rssBefore) / 2 ** 20)} MB | leaks=${leaks}`;
const md = `# bench:scale\n\n${summary.split(' | ').map((l) => `- ${l}`).join('\n')}\n`;
report('tenants-scale', summary, { tenants: N, provisionSeconds, runs, catalog: { before: catalogBefore, after: catalogAfter }, fanOut: { ...fan, seconds: fanSeconds, peakGrowthMb: (peak - rssBefore) / 2 ** 20 }, leaks, machine: await machineInfo() }, md);
process.exit(0);
