// bench:write — activity writes over 20 tenants, 32 connections: POST /api/activities and PATCH (with the version),
// mixed half and half, vs a floor: a bare Node http + pg server doing the same transaction with the same statements
// (BEGIN, the same pinning statement; create: the activity-type check, the INSERT, the audit row; update: the locking
// read, the UPDATE, the audit row; COMMIT), the record SQL compiled by the API's own builders.
// Checks every API response for its tenant marker (isolation under load → leaks), then checks that every 2xx write
// is in the database (a created row exists; an update's version and subject are there) → lost writes must be 0.
// `node bench/api-write.mjs --floor-server` is the floor itself (forked by the benchmark).
import { fork, spawn } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { benchServer, dist, machineInfo, pg, report, require, root, round, scratchDatabase } from './lib.mjs';

const PIN = `SELECT set_config('search_path', $1, true), set_config('app.tenant_id', $2, true),
  set_config('app.user_id', $3, true), set_config('app.role', $4, true), set_config('role', $5, true)`;

if (process.argv.includes('--floor-server')) floorServer();
else await benchmark();

/** The floor: no auth, no framework, no validation; the tenant comes from a header the benchmark sets. */
function floorServer() {
  const { ACTIVITY_LIST } = dist('crm/activities/activities.list.js');
  const { insertSql, updateSql, selectByIdSql } = dist('crm/shared/record-sql.js');
  const TYPE_CHECK = 'SELECT 1 FROM tb_tipo_atividade WHERE codigo = $1::text AND ativo';
  const AUDIT = `INSERT INTO tb_auditoria (entidade, registro_id, acao, campo, valor_anterior, valor_novo, usuario_id, requisicao_id, origem)
       SELECT e, r, a, c, va, vn, $7::uuid, $8::text, 'api'
         FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[]) AS u(e, r, a, c, va, vn)`;
  const audit = (client, id, action, fields, userId) => client.query(AUDIT, [
    fields.map(() => 'tb_atividade'), fields.map(() => id), fields.map(() => action), fields.map(([c]) => c),
    fields.map(([, from]) => JSON.stringify(from)), fields.map(([, , to]) => JSON.stringify(to)), userId, null,
  ]);
  const pool = new pg.Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: Number(process.env.FLOOR_POOL_MAX ?? 20) });
  http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const [slug, tenantId, userId, role] = String(req.headers['x-bench-tenant']).split('|');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const q = req.method === 'POST'
        ? insertSql(ACTIVITY_LIST, { ownerId: userId, type: body.type, subject: body.subject, dueAt: body.dueAt })
        : updateSql(ACTIVITY_LIST, req.url.slice(1), body.version, { subject: body.subject });
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(PIN, [`"tenant_${slug}"`, tenantId, userId, 'tenant_admin', role]);
        let rows;
        if (req.method === 'POST') {
          await client.query(TYPE_CHECK, [body.type]);
          ({ rows } = await client.query(q.text, q.values));
          await audit(client, rows[0].id, 'criar', [[null, null, rows[0]]], userId);
        } else {
          const lock = selectByIdSql(ACTIVITY_LIST, req.url.slice(1), { forUpdate: true });
          const before = (await client.query(lock.text, lock.values)).rows[0];
          ({ rows } = await client.query(q.text, q.values));
          if (rows.length) await audit(client, rows[0].id, 'atualizar', [['assunto', before?.subject ?? null, body.subject]], userId);
        }
        await client.query('COMMIT');
        res.writeHead(rows.length ? (req.method === 'POST' ? 201 : 200) : 409, { 'content-type': 'application/json' });
        res.end(JSON.stringify(rows[0] ?? { code: 'VERSION_CONFLICT' }));
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        res.writeHead(500).end(String(e.message));
      } finally {
        client.release();
      }
    });
  }).listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
}

async function benchmark() {
  const arg = (name, def) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? def);
  const TENANTS = arg('tenants', 20), DURATION = arg('duration', 20), CONNECTIONS = arg('connections', 32), SEED = arg('seed', 200);
  const autocannon = require('autocannon');
  const SECRET = 'bench-secret-0123456789-0123456789-abcdef';
  const server = await benchServer();
  const db = await scratchDatabase(server.url, { JWT_SECRET: SECRET, DB_ROLE_SECRET: SECRET, LOGIN_RATE_LIMIT: '10000', JWT_ACCESS_TTL_S: '3600' });

  // Setup through the real services: tenants, one tenant_admin each, some activities to update from the start.
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
    const { rows } = await admin.query(
      `INSERT INTO "tenant_${slug}".tb_atividade (tipo, assunto, owner_id) SELECT 'tarefa', 'MARK-${slug} seed ' || g, $2 FROM generate_series(1, $1) g RETURNING id, versao AS version`,
      [SEED, user.id],
    );
    await admin.query('COMMIT');
    const res = await fetch(`${setupUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: slug, email: `admin@${slug}.test`, password: 'bench-password-1' }) });
    const body = await res.json();
    if (!body.accessToken) throw new Error(`login failed: ${JSON.stringify(body)}`);
    tenants.push({ slug, id: t.id, userId: user.id, token: body.accessToken, seed: rows });
  }
  await admin.query('ANALYZE');
  await setup.close();

  const API_PORT = 3913, FLOOR_PORT = 3914;
  const PROFILE = process.argv.includes('--profile');
  const api = spawn('node', [...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${root}/bench/results/profile`] : []), `${root}/backend/dist/main.js`], {
    cwd: root,
    env: { ...process.env, ...Object.fromEntries(Object.entries(db.env).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])), NODE_ENV: 'production', PORT: String(API_PORT), DEMO_SEED: 'false', LOG_LEVEL: 'warn', SERVE_CONSOLE: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const floor = fork(fileURLToPath(import.meta.url), ['--floor-server'], { cwd: root, env: { ...process.env, PORT: String(FLOOR_PORT), FLOOR_DATABASE_URL: db.urls.app, FLOOR_POOL_MAX: String(db.env.DB_POOL_MAX) } });
  await new Promise((r) => floor.once('message', r));
  for (let i = 0; i < 120; i++) {
    if ((await fetch(`http://127.0.0.1:${API_PORT}/api/health/ready`).catch(() => null))?.ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }

  /**
   * One run of mixed writes. Each activity is checked out by one request at a time (its version is then known,
   * across runs too), so updates never race each other: a 409 here would be a bug, not contention.
   */
  const idle = new Map(tenants.map((t) => [t.slug, t.seed.map((r) => ({ ...r }))]));
  async function run(target, { record }) {
    const stats = { creates: 0, updates: 0, leaks: 0, checked: 0, non2xx: 0 };
    let n = 0;
    const result = await autocannon({
      url: target.url, connections: CONNECTIONS, duration: DURATION,
      requests: [{
        setupRequest: (req, ctx) => {
          const t = tenants[Math.floor(Math.random() * tenants.length)];
          const pool = idle.get(t.slug);
          const subject = `MARK-${t.slug} ${++n}`;
          ctx.t = t;
          if (pool.length && Math.random() < 0.5) {
            ctx.row = pool.splice(Math.floor(Math.random() * pool.length), 1)[0];
            return { ...req, method: 'PATCH', path: target.path(ctx.row.id), headers: target.headers(t), body: JSON.stringify({ version: ctx.row.version, subject }) };
          }
          ctx.row = null;
          return { ...req, method: 'POST', path: target.path(null), headers: target.headers(t), body: JSON.stringify({ type: 'tarefa', subject, dueAt: new Date(Date.now() + 86_400_000).toISOString() }) };
        },
        onResponse: (status, body, ctx) => {
          const ok = status === 200 || status === 201;
          if (!ok) {
            stats.non2xx++;
            if (ctx.row) idle.get(ctx.t.slug).push(ctx.row);
            return;
          }
          if (record) {
            stats.checked++;
            // Every marker in the body must be the caller's tenant's.
            if (body.split('MARK-').length - 1 !== (body.match(new RegExp(`MARK-${ctx.t.slug} `, 'g')) ?? []).length) stats.leaks++;
          }
          const row = JSON.parse(body);
          idle.get(ctx.t.slug).push({ id: row.id, version: row.version });
          if (ctx.row) stats.updates++;
          else stats.creates++;
          if (record) record(ctx.t, row);
        },
      }],
    });
    return { result, stats };
  }

  const json = { 'content-type': 'application/json' };
  const apiTarget = { url: `http://127.0.0.1:${API_PORT}`, path: (id) => (id ? `/api/activities/${id}` : '/api/activities'), headers: (t) => ({ ...json, authorization: `Bearer ${t.token}` }) };
  const floorTarget = { url: `http://127.0.0.1:${FLOOR_PORT}`, path: (id) => (id ? `/${id}` : '/'), headers: (t) => ({ ...json, 'x-bench-tenant': `${t.slug}|${t.id}|${t.userId}|${db.roles.tenantReadWrite(t.slug)}` }) };

  // The last 2xx state of every activity the measured API run wrote: what the database must hold afterwards.
  const written = new Map();
  const warm = await run(apiTarget, { record: null });
  const apiRun = await run(apiTarget, { record: (t, row) => written.set(row.id, { slug: t.slug, version: row.version, subject: row.subject }) });
  const floorRun = await run(floorTarget, { record: null });
  api.kill('SIGTERM');
  floor.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));

  // Lost writes: a 2xx create whose row is missing, or a 2xx update whose version/subject the row does not have
  // (a later version is fine: a request still in flight when the run stopped).
  let lost = 0;
  for (const t of tenants) {
    const mine = [...written].filter(([, w]) => w.slug === t.slug);
    const { rows } = await admin.query(`SELECT id, versao AS version, assunto AS subject FROM "tenant_${t.slug}".tb_atividade WHERE id = ANY ($1::uuid[])`, [mine.map(([id]) => id)]);
    const inDb = new Map(rows.map((r) => [r.id, r]));
    for (const [id, w] of mine) {
      const r = inDb.get(id);
      if (!r || r.version < w.version || (r.version === w.version && r.subject !== w.subject)) lost++;
    }
  }
  await admin.end();
  await db.drop();
  await server.stop();

  const pick3 = (r) => ({ rps: round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors });
  const a = pick3(apiRun.result), f = pick3(floorRun.result);
  const ratio = round(a.rps / f.rps, 2);
  const s = apiRun.stats;
  const summary =
    `api-write tenants=${TENANTS} conns=${CONNECTIONS} ${DURATION}s: API ${a.rps} req/s p50=${a.p50}ms p99=${a.p99}ms | floor ${f.rps} req/s p50=${f.p50}ms p99=${f.p99}ms` +
    ` | ratio=${ratio} | leaks=${s.leaks}/${s.checked} | 2xx writes=${s.creates + s.updates} (${s.creates} create, ${s.updates} update) non2xx=${a.non2xx} lost=${lost}/${written.size}`;
  const md =
    `# bench:write (api-write)\n\n${TENANTS} tenants, ${CONNECTIONS} connections, ${DURATION} s each: POST /api/activities and PATCH /api/activities/{id}` +
    ` (with the version) half and half.\n\n| | req/s | p50 ms | p99 ms | non-2xx |\n|---|---|---|---|---|\n` +
    `| API (JWT, validation, reference checks, audit, pinned transaction) | ${a.rps} | ${a.p50} | ${a.p99} | ${a.non2xx} |\n` +
    `| floor (http + pg: BEGIN, pin, same INSERT/UPDATE, COMMIT) | ${f.rps} | ${f.p50} | ${f.p99} | ${f.non2xx} |\n\n` +
    `ratio **${ratio}**; isolation: ${s.leaks} leaks in ${s.checked} checked responses; durability: ${lost} lost of ${written.size} activities written` +
    ` (${s.creates} creates, ${s.updates} updates answered 2xx). Warm-up run: ${round(warm.result.requests.average)} req/s.\n`;
  report('api-write', summary, { tenants: TENANTS, connections: CONNECTIONS, duration: DURATION, api: a, floor: f, ratio, ...s, lost, written: written.size, machine: await machineInfo() }, md);
  process.exit(0);
}
