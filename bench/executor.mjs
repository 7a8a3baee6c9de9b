// bench:executor — the secure SQL executor (docs/security.md, "The SQL executor"):
//   1. validation: µs per query of the parser lock over the 36 legitimate analytics queries (sql-legit.json);
//   2. executor vs bare pg: the same queries through QueryExecutorService (validation, read-only pool, BEGIN READ ONLY,
//      pg-cursor, caps, ROLLBACK + DISCARD ALL, audit) and through a bare pg.Pool logged in as the tenant's read-only
//      role (one simple query each), same connections and concurrency → the ratio;
//   3. the HTTP endpoint (POST /api/query/execute) of a spawned API process, and that process's RSS while capped
//      cartesian products (and 200 MB values cut by the byte guard) run in parallel.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchServer, dist, machineInfo, percentile, pg, report, require, root, round, scratchDatabase } from './lib.mjs';

const arg = (name, def) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? def);
const DURATION = arg('duration', 8), CONCURRENCY = arg('concurrency', 4), ACTIVITIES = arg('activities', 2000);
const autocannon = require('autocannon');
const SECRET = 'bench-secret-0123456789-0123456789-abcdef';

// The workload: typical grid/report queries on the base model (a subset of the executor's legit equivalents).
const QUERIES = [
  `SELECT nome, email, ciclo_vida, criado_em FROM tb_contato WHERE excluido_em IS NULL ORDER BY criado_em DESC LIMIT 50`,
  `SELECT e.nome AS etapa, count(o.id) AS n, sum(o.valor) AS valor, count(*) FILTER (WHERE o.valor > 10000) AS grandes
     FROM tb_etapa e LEFT JOIN tb_oportunidade o ON o.etapa_id = e.id GROUP BY e.nome, e.ordem ORDER BY e.ordem`,
  `SELECT u.nome, sum(o.valor) AS total, rank() OVER (ORDER BY sum(o.valor) DESC) AS posicao
     FROM tb_oportunidade o JOIN tb_usuario u ON u.id = o.owner_id WHERE o.status = 'ganho' GROUP BY u.nome ORDER BY posicao, u.nome`,
  `SELECT DISTINCT ON (c.nome) c.nome, a.tipo, a.assunto, a.criado_em FROM tb_atividade a JOIN tb_contato c ON c.id = a.contato_id
    ORDER BY c.nome, a.criado_em DESC, a.assunto`,
  `SELECT segmento, porte, count(*) AS empresas, sum(receita_anual) AS receita FROM tb_empresa GROUP BY ROLLUP (segmento, porte)
    ORDER BY segmento NULLS LAST, porte NULLS LAST`,
  `SELECT e.razao_social, jsonb_build_object('contatos', count(c.id), 'regiao', e.campos_extras ->> 'regiao') AS resumo
     FROM tb_empresa e LEFT JOIN tb_contato c ON c.empresa_id = e.id GROUP BY e.id ORDER BY e.razao_social`,
];
const CROSS_JOIN = 'SELECT a.*, b.* FROM tb_atividade a, tb_atividade b';
const HUGE_VALUE = "SELECT repeat('x', 200000000) AS big";

const server = await benchServer();
const db = await scratchDatabase(server.url, { JWT_SECRET: SECRET, DB_ROLE_SECRET: SECRET, LOGIN_RATE_LIMIT: '10000', JWT_ACCESS_TTL_S: '3600' });
const { createHttpApp } = dist('http-app.js');
const { TenantProvisioningService } = dist('tenancy/tenant-provisioning.service.js');
const { IdentityService } = dist('auth/identity.service.js');
const { QueryExecutorService } = dist('query-executor/query-executor.service.js');
const { TenantRelations } = dist('query-executor/tenant-relations.js');
const { SqlValidator } = dist('query-executor/sql-validator/index.js');
const { seedSample } = dist('query-executor/testing/sample-data.js');
const { withCredentials } = dist('database/embedded-postgres.js');

// ---- setup through the real services
const setup = await createHttpApp(db.urls, db.env);
await setup.init();
await setup.listen(0, '127.0.0.1');
const setupUrl = await setup.getUrl();
const admin = new pg.Client({ connectionString: db.adminUrl });
await admin.connect();
const acme = await setup.get(TenantProvisioningService).provision({ slug: 'acme', name: 'Acme' });
const globex = await setup.get(TenantProvisioningService).provision({ slug: 'globex', name: 'Globex' });
await seedSample(admin, acme, 'ACME', { companies: 40, contacts: 400, deals: 600, activities: ACTIVITIES });
await seedSample(admin, globex, 'GLOBEX');
const analyst = await setup.get(IdentityService).createUser({ email: 'analyst@acme.test', name: 'Analyst', password: 'bench-password-1' });
await setup.get(IdentityService).addMember(analyst.id, 'acme', 'analyst');
await admin.end();
const token = (await (await fetch(`${setupUrl}/api/auth/login`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ tenant: 'acme', email: 'analyst@acme.test', password: 'bench-password-1' }),
})).json()).accessToken;
if (!token) throw new Error('login failed');

// ---- 1. validation
const legit = JSON.parse(readFileSync(join(root, '..', 'shared', 'corpora', 'sql-legit.json'), 'utf8'));
const corpusRelations = new Set(['tb_usuario', 'tb_empresa', 'tb_contato', 'tb_oportunidade', 'tb_atividade']);
const validator = await SqlValidator.create();
for (let i = 0; i < 2000; i++) validator.validate(legit[i % legit.length].sql, { allowedRelations: corpusRelations });
let validations = 0, refused = 0;
const vStart = process.hrtime.bigint();
while (process.hrtime.bigint() - vStart < 3_000_000_000n) {
  for (const q of legit) {
    if (!validator.validate(q.sql, { allowedRelations: corpusRelations }).ok) refused++;
    validations++;
  }
}
const validationUs = round(Number(process.hrtime.bigint() - vStart) / 1000 / validations, 1);

// ---- 2. executor (in process) vs bare pg as the read-only role
const executor = setup.get(QueryExecutorService);
const allowed = await setup.get(TenantRelations).forTenant(acme);
const roRole = db.roles.tenantReadOnly('acme');
// The floor: the same role, the tenant settings given once at login (RLS needs app.tenant_id), one simple query per call.
const bare = new pg.Pool({
  connectionString: withCredentials(db.urls.app, roRole, db.roles.password(roRole)), max: db.env.SQL_POOL_SIZE,
  options: `-c app.tenant_id=${acme.id} -c app.role=analyst`,
});

async function closedLoop(fn, seconds) {
  const latencies = [];
  let n = 0, errors = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: CONCURRENCY }, async (_, w) => {
    for (let i = w; Date.now() < until; i += CONCURRENCY) {
      const t = performance.now();
      try { await fn(QUERIES[i % QUERIES.length]); } catch (err) { errors++; if (errors < 3) console.error(err.message); }
      latencies.push(performance.now() - t);
      n++;
    }
  }));
  return { qps: round(n / seconds), p50: round(percentile(latencies, 50), 2), p99: round(percentile(latencies, 99), 2), errors };
}
const runExecutor = (sql) => executor.execute({ tenant: acme, userId: analyst.id, role: 'analyst', sql, allowedRelations: allowed });
const runBare = (sql) => bare.query(sql);
// same answers first
for (const sql of QUERIES) {
  const a = await runExecutor(sql), b = await runBare(sql);
  if (a.rowCount !== b.rowCount) throw new Error(`row counts differ for ${sql}: ${a.rowCount} vs ${b.rowCount}`);
}
await closedLoop(runExecutor, 2);
await closedLoop(runBare, 2);
const exec = await closedLoop(runExecutor, DURATION);
const floor = await closedLoop(runBare, DURATION);
const ratio = round(exec.qps / floor.qps, 2);
await bare.end();
await setup.close();

// ---- 3. HTTP endpoint of a spawned API, and its RSS under capped cartesian products
const API_PORT = 3921;
const api = spawn('node', [join(root, 'backend', 'dist', 'main.js')], {
  cwd: root,
  env: { ...process.env, ...Object.fromEntries(Object.entries(db.env).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])),
    NODE_ENV: 'production', PORT: String(API_PORT), DEMO_SEED: 'false', LOG_LEVEL: 'warn', SERVE_CONSOLE: 'false' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
for (let i = 0; i < 120; i++) {
  if ((await fetch(`http://127.0.0.1:${API_PORT}/api/health/ready`).catch(() => null))?.ok) break;
  await new Promise((r) => setTimeout(r, 500));
}
const rssOf = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const post = (sql) => fetch(`http://127.0.0.1:${API_PORT}/api/query/execute`, {
  method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ sql }),
}).then(async (r) => ({ status: r.status, body: await r.json() }));

let qi = 0;
const http = await autocannon({
  url: `http://127.0.0.1:${API_PORT}/api/query/execute`, connections: 8, duration: DURATION,
  requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ sql: QUERIES[qi++ % QUERIES.length] }) }) }],
});

await new Promise((r) => setTimeout(r, 1000));
const rssIdle = round(rssOf(api.pid));
let rssPeak = rssIdle;
const sampler = setInterval(() => { rssPeak = Math.max(rssPeak, rssOf(api.pid)); }, 25);
const crossStarted = Date.now();
const crossResults = [];
for (let round_ = 0; round_ < 3; round_++) {
  crossResults.push(...(await Promise.all([
    ...Array.from({ length: 16 }, () => post(CROSS_JOIN)),
    ...Array.from({ length: 4 }, () => post(HUGE_VALUE)),
  ])));
}
const crossMs = Date.now() - crossStarted;
clearInterval(sampler);
const rssAfter = round(rssOf(api.pid));
const crossSummary = crossResults.reduce((acc, r) => {
  const k = r.status === 200 ? `200 truncated by ${r.body.truncatedBy} (${r.body.rowCount} rows)` : `${r.status} ${r.body.code}`;
  acc[k] = (acc[k] ?? 0) + 1;
  return acc;
}, {});
api.kill('SIGTERM');
await new Promise((r) => setTimeout(r, 1500));
await db.drop();
await server.stop();

const h = { rps: round(http.requests.average), p50: http.latency.p50, p99: http.latency.p99, non2xx: http.non2xx, errors: http.errors };
const summary = `executor: validation ${validationUs} µs/query (${legit.length} legit, ${refused} refused) | service ${exec.qps} q/s p50=${exec.p50}ms vs bare pg (ro role) ${floor.qps} q/s p50=${floor.p50}ms → ratio ${ratio} | HTTP ${h.rps} req/s p99=${h.p99}ms | API RSS idle ${rssIdle} MB, peak ${round(rssPeak)} MB during ${crossResults.length} capped cross joins/huge values (${crossMs} ms)`;
const md = `# bench:executor

Tenant \`acme\`: 40 companies, 400 contacts, 600 deals, ${ACTIVITIES} activities. ${CONCURRENCY} concurrent callers, ${DURATION} s per run,
SQL_POOL_SIZE=${db.env.SQL_POOL_SIZE} connections on both sides.

| | value |
|---|---|
| validation (parser lock), legit corpus | **${validationUs} µs/query** (${legit.length} queries, ${refused} refused) |
| executor (service, in process) | ${exec.qps} q/s, p50 ${exec.p50} ms, p99 ${exec.p99} ms, errors ${exec.errors} |
| bare pg.Pool as the read-only role | ${floor.qps} q/s, p50 ${floor.p50} ms, p99 ${floor.p99} ms |
| **ratio executor / bare** | **${ratio}** |
| HTTP POST /api/query/execute (8 connections) | ${h.rps} req/s, p50 ${h.p50} ms, p99 ${h.p99} ms, non-2xx ${h.non2xx} |
| API RSS idle → peak during ${crossResults.length} capped requests (16 cross joins + 4 × 200 MB values, ×3) | ${rssIdle} MB → ${round(rssPeak)} MB (after: ${rssAfter} MB) |

Capped requests: ${Object.entries(crossSummary).map(([k, v]) => `${v} × ${k}`).join('; ')}; ${crossMs} ms in all.
`;
report('executor', summary, { validationUs, validations, refused, executor: exec, bare: floor, ratio, http: h, rss: { idle: rssIdle, peak: round(rssPeak), after: rssAfter }, crossSummary, crossMs, machine: await machineInfo() }, md);
process.exit(0);
