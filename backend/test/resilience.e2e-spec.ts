import { INestApplication } from '@nestjs/common';
import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { parseEnv } from '../src/config/env.schema';
import { urlsFor } from '../src/database/connection';
import { ensureDatabase } from '../src/database/embedded-postgres';
import { DbRoles } from '../src/database/roles';
import { createHttpApp } from '../src/http-app';
import { bootstrapPlatform } from '../src/tenancy/platform-bootstrap';
import { createUser, http, login, provisionTenant } from './support/auth-helpers';

// These tests stop and start a PostgreSQL server, so they run on an embedded server of their own, never on the
// shared test server.
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The server runs in its own plain Node process (see support/pg-server.js); stopping it = SIGTERM, which stops
// PostgreSQL cleanly (a fast shutdown: open connections are terminated, as in a real restart).
const SERVER_SCRIPT = join(__dirname, 'support', 'pg-server.js');
interface PgServer { proc: ChildProcess; baseUrl: string; stop(): Promise<void> }
function startServer(dir: string, port: number): Promise<PgServer> {
  if (!existsSync(join(__dirname, '..', 'dist', 'database', 'embedded-postgres.js'))) {
    throw new Error('backend/dist is missing: run `npm run build` first (npm test does)');
  }
  return new Promise((resolve, reject) => {
    const proc = spawn('node', [SERVER_SCRIPT, dir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
    proc.once('exit', (code) => reject(new Error(`pg-server exited with ${code}`)));
    proc.stdout!.on('data', (d: Buffer) => {
      if (!d.toString().includes('ready')) return;
      resolve({
        proc,
        baseUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
        stop: () => new Promise((done) => { proc.removeAllListeners('exit'); proc.once('exit', () => done()); proc.kill('SIGTERM'); }),
      });
    });
  });
}

describe('resilience (own embedded PostgreSQL, stopped and started)', () => {
  let dir: string;
  let port: number;
  let server: PgServer;
  let app: INestApplication;
  let adminUrl: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-resilience-pg-'));
    chmodSync(dir, 0o755);
    port = await freePort();
    server = await startServer(dir, port);
    adminUrl = await ensureDatabase(server.baseUrl, 'crm');
    const env = parseEnv({
      NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: adminUrl, DB_POOL_MAX: '4', DB_POOL_ACQUIRE_TIMEOUT_MS: '1000',
      TENANT_CACHE_TTL_MS: '1000',
    } as NodeJS.ProcessEnv);
    const roles = DbRoles.fromEnv(env);
    await bootstrapPlatform(adminUrl, roles);
    app = await createHttpApp(urlsFor(adminUrl, roles), env);
    await app.init();
    for (const slug of ['res_a', 'res_b']) {
      await provisionTenant(app, slug);
      await createUser(app, { email: `admin@${slug}.test`, memberships: [[slug, 'tenant_admin']] });
      tokens[slug] = (await login(app, `admin@${slug}.test`, slug)).accessToken;
    }
  }, 120_000);

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 (never 500, never hanging) while the database is down, recovers by itself, loses no acknowledged write', async () => {
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let slowest = 0;
    let running = true;
    let n = 0;
    const writer = async () => {
      while (running) {
        const name = `escrita-${n++}`;
        const started = Date.now();
        const res = await http(app).post('/api/contacts').set('Authorization', `Bearer ${tokens.res_a}`).send({ name });
        slowest = Math.max(slowest, Date.now() - started);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) acknowledged.push(name);
        else expect(res.body).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
        await sleep(20);
      }
    };
    const writers = [writer(), writer()];
    await sleep(800);
    await server.stop();
    await sleep(2500);
    const downStatuses = new Map(statuses);
    server = await startServer(dir, port);
    const back = Date.now();
    let recoveredAfter = -1;
    while (Date.now() - back < 15_000) {
      const res = await http(app).get('/api/contacts?limit=1').set('Authorization', `Bearer ${tokens.res_a}`);
      if (res.status === 200) {
        recoveredAfter = Date.now() - back;
        break;
      }
      await sleep(100);
    }
    await sleep(500);
    running = false;
    await Promise.all(writers);

    expect(downStatuses.get(503) ?? 0).toBeGreaterThan(0);
    expect([...statuses.keys()].sort()).toEqual([201, 503]);
    expect(slowest).toBeLessThan(6000);
    expect(recoveredAfter).toBeGreaterThanOrEqual(0);
    expect(recoveredAfter).toBeLessThanOrEqual(5000);

    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    const { rows } = await c.query<{ nome: string }>("SELECT nome FROM tenant_res_a.tb_contato WHERE nome LIKE 'escrita-%'");
    await c.end();
    const stored = new Set(rows.map((r) => r.nome));
    expect(acknowledged.filter((name) => !stored.has(name))).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(0);
  }, 60_000);

  it('under pool exhaustion the excess waits or gets 503 in bounded time, and no response carries another tenant', async () => {
    for (const slug of ['res_a', 'res_b']) {
      await http(app).post('/api/contacts').set('Authorization', `Bearer ${tokens[slug]}`).send({ name: `marca-${slug}` }).expect(201);
    }
    // Hold the tables of both tenants locked, so requests keep their pooled connections while they wait.
    const locker = new Client({ connectionString: adminUrl });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE tenant_res_a.tb_contato, tenant_res_b.tb_contato IN ACCESS EXCLUSIVE MODE');
    const slugs = Array.from({ length: 16 }, (_, i) => (i % 2 ? 'res_a' : 'res_b'));
    const inFlight = slugs.map(async (slug) => {
      const started = Date.now();
      const res = await http(app).get('/api/contacts?limit=200').set('Authorization', `Bearer ${tokens[slug]}`);
      return { slug, res, ms: Date.now() - started };
    });
    await sleep(2500);
    await locker.query('COMMIT');
    await locker.end();
    const results = await Promise.all(inFlight);

    const byStatus = results.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.res.status]: (acc[r.res.status] ?? 0) + 1 }), {});
    expect(Object.keys(byStatus).map(Number).sort()).toEqual([200, 503]);
    for (const r of results) {
      expect(r.ms).toBeLessThan(10_000);
      if (r.res.status !== 200) continue;
      const names: string[] = r.res.body.items.map((i: { name: string }) => i.name);
      const other = r.slug === 'res_a' ? 'marca-res_b' : 'marca-res_a';
      expect(names).not.toContain(other);
      expect(names).toContain(`marca-${r.slug}`);
    }
  }, 60_000);
});
