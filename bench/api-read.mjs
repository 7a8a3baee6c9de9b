// bench:api — authenticated contacts list over 20 tenants, 32 connections, vs the bare http + pg floor.
// Also checks every API response for its tenant marker (isolation under load): leaks must be 0.
import { fork, spawn } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { benchServer, dist, machineInfo, pg, report, require, root, round, scratchDatabase } from './lib.mjs';

const arg = (name, def) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? def);
const TENANTS = arg('tenants', 20), DURATION = arg('duration', 20), CONNECTIONS = arg('connections', 32), CONTACTS = arg('contacts', 500);
// The list query both sides run (the floor compiles the same SQL from it): a filter and a sort by default.
const QUERY = process.argv.find((a) => a.startsWith('--query='))?.slice('--query='.length) ?? 'status=ativo&sort=-createdAt&limit=50';
const autocannon = require('autocannon');
const SECRET = 'bench-secret-0123456789-0123456789-abcdef';
const server = await benchServer();
const db = await scratchDatabase(server.url, { JWT_SECRET: SECRET, DB_ROLE_SECRET: SECRET, LOGIN_RATE_LIMIT: '10000', JWT_ACCESS_TTL_S: '3600' });

// Setup through the real services: tenants, one tenant_admin per tenant, contacts carrying a tenant marker.
const { createHttpApp } = dist('http-app.js');
const { TenantProvisioningService } = dist('tenancy/tenant-provisioning.service.js');
const { IdentityService } = dist('auth/identity.service.js');
const setup = await createHttpApp(db.urls, db.env);
await setup.init();
await setup.listen(0, '127.0.0.1');
const setupUrl = await setup.getUrl();
const admin = new pg.Client({ connectionString: db.adminUrl });
await admin.connect();
const tenants = [];
for (let i = 0; i < TENANTS; i++) {
  const slug = `bench_${String(i).padStart(4, '0')}`;
  const t = await setup.get(TenantProvisioningService).provision({ slug, name: `Bench ${i}` });
  const user = await setup.get(IdentityService).createUser({ email: `admin@${slug}.test`, name: 'Admin', password: 'bench-password-1' });
  await setup.get(IdentityService).addMember(user.id, slug, 'tenant_admin');
  await admin.query('BEGIN');
  await admin.query(`SELECT set_config('app.tenant_id', $1, true)`, [t.id]);
  await admin.query(`INSERT INTO "tenant_${slug}".tb_contato (nome, email) SELECT 'MARK-${slug} contato ' || g, 'c' || g || '@${slug}.test' FROM generate_series(1, $1) g`, [CONTACTS]);
  await admin.query('COMMIT');
  const res = await fetch(`${setupUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: slug, email: `admin@${slug}.test`, password: 'bench-password-1' }) });
  const body = await res.json();
  if (!body.accessToken) throw new Error(`login failed: ${JSON.stringify(body)}`);
  tenants.push({ slug, id: t.id, userId: user.id, token: body.accessToken });
}
await admin.query('ANALYZE');
await admin.end();
await setup.close();

const API_PORT = 3911, FLOOR_PORT = 3912;
const PROFILE = process.argv.includes('--profile');
const api = spawn('node', [...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${join(root, 'bench', 'results', 'profile')}`] : []), join(root, 'backend', 'dist', 'main.js')], {
  cwd: root,
  env: { ...process.env, ...Object.fromEntries(Object.entries(db.env).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])), NODE_ENV: 'production', PORT: String(API_PORT), DEMO_SEED: 'false', LOG_LEVEL: 'warn', SERVE_CONSOLE: 'false', ...(process.env.DB_POOL_TENANT_GROUPS ? { DB_POOL_TENANT_GROUPS: process.env.DB_POOL_TENANT_GROUPS } : {}) },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const floor = fork(join(root, 'bench', 'floor-server.mjs'), [], { cwd: root, env: { ...process.env, PORT: String(FLOOR_PORT), FLOOR_DATABASE_URL: db.urls.app, FLOOR_POOL_MAX: String(db.env.DB_POOL_MAX), FLOOR_LIST_QUERY: QUERY } });
await new Promise((r) => floor.once('message', r));
for (let i = 0; i < 120; i++) {
  if ((await fetch(`http://127.0.0.1:${API_PORT}/api/health/ready`).catch(() => null))?.ok) break;
  await new Promise((r) => setTimeout(r, 500));
}

let leaks = 0, checked = 0;
const pick = () => tenants[Math.floor(Math.random() * tenants.length)];
function load(url, headersFor, check) {
  return autocannon({
    url, connections: CONNECTIONS, duration: DURATION,
    requests: [{
      setupRequest: (req, ctx) => { ctx.t = pick(); return { ...req, headers: headersFor(ctx.t) }; },
      onResponse: (status, body, ctx) => { if (check) { checked++; if (status !== 200 || body.split('MARK-').length - 1 !== (body.match(new RegExp(`MARK-${ctx.t.slug} `, 'g')) ?? []).length) leaks++; } },
    }],
  });
}
const rolesPrefix = db.roles;
// CPU time of a process (user + system, ms) from /proc: CPU per request is steadier than req/s on a busy machine.
const cpuMs = (pid) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return ((Number(f[11]) + Number(f[12])) * 1000) / 100; };
const warm = await load(`http://127.0.0.1:${API_PORT}/api/contacts?${QUERY}`, (t) => ({ authorization: `Bearer ${t.token}` }), false);
const apiCpu0 = cpuMs(api.pid);
const apiRun = await load(`http://127.0.0.1:${API_PORT}/api/contacts?${QUERY}`, (t) => ({ authorization: `Bearer ${t.token}` }), true);
const apiCpu = cpuMs(api.pid) - apiCpu0;
const floorCpu0 = cpuMs(floor.pid);
const floorRun = await load(`http://127.0.0.1:${FLOOR_PORT}/`, (t) => ({ 'x-bench-tenant': `${t.slug}|${t.id}|${t.userId}|${rolesPrefix.tenantReadWrite(t.slug)}` }), false);
const floorCpu = cpuMs(floor.pid) - floorCpu0;
api.kill('SIGTERM');
floor.kill('SIGTERM');
await new Promise((r) => setTimeout(r, 1500));
await db.drop();
await server.stop();

const pick3 = (r) => ({ rps: round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors });
const a = { ...pick3(apiRun), cpuMsPerRequest: round(apiCpu / apiRun.requests.total, 3) };
const f = { ...pick3(floorRun), cpuMsPerRequest: round(floorCpu / floorRun.requests.total, 3) };
const ratio = round(a.rps / f.rps, 2);
const summary = `api-read ?${QUERY} tenants=${TENANTS} conns=${CONNECTIONS} ${DURATION}s: API ${a.rps} req/s p50=${a.p50}ms p99=${a.p99}ms | floor ${f.rps} req/s p50=${f.p50}ms p99=${f.p99}ms | ratio=${ratio} (target >=0.5, p99<=50ms) | Node CPU/request API ${a.cpuMsPerRequest} ms, floor ${f.cpuMsPerRequest} ms | leaks=${leaks}/${checked}`;
const md = `# bench:api (api-read)\n\n${TENANTS} tenants × ${CONTACTS} contacts, GET /api/contacts?${QUERY} (the floor runs the same compiled SELECT), ${CONNECTIONS} connections, ${DURATION} s each.\n\n| | req/s | p50 ms | p99 ms | non-2xx |\n|---|---|---|---|---|\n| API (JWT, pinned transaction) | ${a.rps} | ${a.p50} | ${a.p99} | ${a.non2xx} |\n| floor (http + pg, same transaction) | ${f.rps} | ${f.p50} | ${f.p99} | ${f.non2xx} |\n\nratio **${ratio}**; Node CPU per request (process user+system time / requests): API ${a.cpuMsPerRequest} ms, floor ${f.cpuMsPerRequest} ms; isolation: ${leaks} leaks in ${checked} checked responses. Warm-up run: ${round(warm.requests.average)} req/s.\n`;
report('api-read', summary, { query: QUERY, tenants: TENANTS, contacts: CONTACTS, connections: CONNECTIONS, duration: DURATION, api: a, floor: f, ratio, leaks, checked, machine: await machineInfo() }, md);
process.exit(0);
