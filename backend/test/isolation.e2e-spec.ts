import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TenantDirectory } from '../src/auth/tenant-directory';
import { TenantTransaction } from '../src/tenancy/tenant-transaction';
import { createApiToken, createUser, login, provisionTenant, startApp } from './support/auth-helpers';
import { createTestDb, TestDb } from './support/test-db';

const TENANTS = 20;
const REQUESTS = 2000;
const IN_FLIGHT = 32;

interface Fixture {
  slug: string;
  id: string;
  marker: string;
  seeded: string[];
  tokens: { jwt: string[]; api: string[] };
}

const slugOf = (i: number) => `iso_${String(i).padStart(2, '0')}`;

describe('tenant isolation (real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let admin: Client;
  const tenants: Fixture[] = [];

  beforeAll(async () => {
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000' });
    app = await startApp(db);
    await app.listen(0, '127.0.0.1');
    admin = await db.admin();
    for (let i = 0; i < TENANTS; i++) {
      const slug = slugOf(i);
      const t = await provisionTenant(app, slug);
      await createUser(app, { email: `admin@${slug.replace('_', '-')}.test`, memberships: [[slug, 'tenant_admin']] });
      await createUser(app, { email: `gerente@${slug.replace('_', '-')}.test`, memberships: [[slug, 'manager']] });
      const adminSession = await login(app, `admin@${slug.replace('_', '-')}.test`, slug);
      const managerSession = await login(app, `gerente@${slug.replace('_', '-')}.test`, slug);
      const marker = `[${slug}]`;
      const seeded: string[] = [];
      // different counts per tenant, so a response from another tenant could not pass by chance
      for (let k = 0; k < 3 + (i % 5); k++) {
        const name = `${marker} contato ${k}`;
        await request(app.getHttpServer()).post('/api/contacts').set('Authorization', `Bearer ${adminSession.accessToken}`).send({ name }).expect(201);
        seeded.push(name);
      }
      const api = [await createApiToken(app, adminSession.accessToken, 'manager'), await createApiToken(app, adminSession.accessToken, 'analyst')];
      tenants.push({
        slug,
        id: t.id,
        marker,
        seeded,
        tokens: { jwt: [adminSession.accessToken, managerSession.accessToken], api: api.map((x) => x.token) },
      });
    }
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /** Runs `total` requests with `inFlight` concurrent, each with a random tenant's token; returns what leaked. */
  async function hammer(kind: 'jwt' | 'api', total: number, inFlight: number) {
    let started = 0;
    const leaks: string[] = [];
    const statuses = new Map<number, number>();
    let writes = 0;
    const worker = async () => {
      while (started < total) {
        started++;
        const t = tenants[Math.floor(Math.random() * tenants.length)];
        const token = t.tokens[kind][Math.floor(Math.random() * t.tokens[kind].length)];
        const write = kind === 'jwt' && Math.random() < 0.1;
        const res = write
          ? await request(app.getHttpServer()).post('/api/contacts').set('Authorization', `Bearer ${token}`).send({ name: `${t.marker} escrito` })
          : await request(app.getHttpServer()).get('/api/contacts?limit=200').set('Authorization', `Bearer ${token}`);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (write) {
          writes++;
          if (res.status !== 201 || !res.body.name.startsWith(t.marker)) leaks.push(`${t.slug} wrote ${JSON.stringify(res.body)}`);
          continue;
        }
        const names: string[] = (res.body.items ?? []).map((c: { name: string }) => c.name);
        const foreign = names.filter((n) => !n.startsWith(t.marker));
        if (res.status !== 200 || foreign.length) leaks.push(`${t.slug} got ${res.status} ${foreign.join(', ')}`);
        // complete, not just clean: an empty page would not leak either
        if (!t.seeded.every((s) => names.includes(s))) leaks.push(`${t.slug} missed its own rows`);
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    return { leaks, statuses: Object.fromEntries(statuses), writes };
  }

  it(`serves ${REQUESTS} concurrent JWT requests (${IN_FLIGHT} in flight, ${TENANTS} tenants) with 0 leaks`, async () => {
    const { leaks, statuses, writes } = await hammer('jwt', REQUESTS, IN_FLIGHT);
    expect(leaks).toEqual([]);
    expect(statuses).toEqual({ 200: REQUESTS - writes, 201: writes });
    expect(writes).toBeGreaterThan(0);
    // every row written under load landed in its own tenant's schema
    for (const t of tenants) {
      const { rows } = await admin.query(
        `SELECT count(*) FILTER (WHERE NOT starts_with(nome, $1))::int AS foreign_rows, count(DISTINCT tenant_id)::int AS tenant_ids,
                bool_and(tenant_id = $2) AS own_id
           FROM ${`tenant_${t.slug}`}.tb_contato`,
        [t.marker, t.id],
      );
      expect({ slug: t.slug, ...rows[0] }).toEqual({ slug: t.slug, foreign_rows: 0, tenant_ids: 1, own_id: true });
    }
  }, 300_000);

  it(`serves ${REQUESTS} concurrent API-token requests with 0 leaks`, async () => {
    const { leaks, statuses } = await hammer('api', REQUESTS, IN_FLIGHT);
    expect(leaks).toEqual([]);
    expect(statuses).toEqual({ 200: REQUESTS });
  }, 300_000);

  describe('each database barrier alone', () => {
    const scopeOf = (t: Fixture) => ({ tenantId: t.id, slug: t.slug, userId: null, role: 'tenant_admin' });

    it('roles: pinned to A, naming B\'s schema is "permission denied"', async () => {
      const [a, b] = tenants;
      const tx = app.get(TenantTransaction);
      for (const sql of [
        `SELECT * FROM tenant_${b.slug}.tb_contato`,
        `INSERT INTO tenant_${b.slug}.tb_contato (nome) VALUES ('intruso')`,
        `SELECT * FROM tenant_${b.slug}.tb_usuario`,
      ]) {
        await expect(tx.run(scopeOf(a), (m) => m.query(sql))).rejects.toMatchObject({ driverError: { code: '42501' } });
      }
      await expect(tx.run(scopeOf(a), (m) => m.query(`SELECT * FROM tenant_${b.slug}.tb_contato`))).rejects.toThrow(/permission denied for schema/);
      // while the same transaction reads its own tenant
      const own = await tx.run(scopeOf(a), (m) => m.query('SELECT count(*)::int AS n FROM tb_contato'));
      expect(own[0].n).toBeGreaterThanOrEqual(a.seeded.length);
    });

    it('login role: without SET ROLE no tenant table is readable', async () => {
      const ds = app.get(DataSource);
      const [{ user, superuser }] = await ds.query('SELECT current_user AS user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser');
      expect({ user, superuser }).toEqual({ user: db.roles.app, superuser: false });
      const { rows: tables } = await admin.query(
        "SELECT schemaname, tablename FROM pg_tables WHERE schemaname LIKE 'tenant\\_iso\\_%' ORDER BY 1, 2",
      );
      expect(tables.length).toBeGreaterThan(TENANTS * 40);
      const readable: string[] = [];
      for (const t of tables) {
        try {
          await ds.query(`SELECT 1 FROM "${t.schemaname}"."${t.tablename}" LIMIT 1`);
          readable.push(`${t.schemaname}.${t.tablename}`);
        } catch (err) {
          expect((err as { driverError?: { code?: string } }).driverError?.code).toBe('42501');
        }
      }
      expect(readable).toEqual([]);
    });

    it('row-level security: role of A with app.tenant_id of B sees no rows and cannot insert', async () => {
      const [a, b] = tenants;
      const runner = app.get(DataSource).createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        await runner.query(
          "SELECT set_config('search_path', $1, true), set_config('app.tenant_id', $2, true), set_config('role', $3, true)",
          [`tenant_${a.slug}`, b.id, db.roles.tenantReadWrite(a.slug)],
        );
        const [{ n }] = await runner.query('SELECT count(*)::int AS n FROM tb_contato');
        expect(n).toBe(0);
        await runner.query('SAVEPOINT s1');
        // tenant_id defaults to B's: refused (the per-schema CHECK on tenant_id may fire before RLS does)
        await expect(runner.query("INSERT INTO tb_contato (nome) VALUES ('com tenant de B')")).rejects.toThrow(/row-level security|check constraint/);
        await runner.query('ROLLBACK TO SAVEPOINT s1');
        // tenant_id of A passes the CHECK, and RLS alone refuses it, since app.tenant_id says B
        await expect(runner.query('INSERT INTO tb_contato (nome, tenant_id) VALUES ($1, $2)', ['com tenant de A', a.id])).rejects.toThrow(/row-level security/);
      } finally {
        await runner.rollbackTransaction().catch(() => undefined);
        await runner.release();
      }
      // and the rows are there for the right tenant id
      const { rows } = await admin.query(`SELECT count(*)::int AS n FROM tenant_${a.slug}.tb_contato`);
      expect(rows[0].n).toBeGreaterThan(0);
    });
  });

  it('keeps the tenant directory bounded by entries, not by the number of tenants served', async () => {
    const directory = new TenantDirectory(app.get(DataSource), { ...db.env, TENANT_CACHE_MAX: 10 });
    for (const t of tenants) expect(await directory.findById(t.id)).toMatchObject({ id: t.id, slug: t.slug, status: 'ativo' });
    expect(directory.size).toBe(10);
  });
});
