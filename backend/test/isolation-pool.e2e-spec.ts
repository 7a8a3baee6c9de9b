import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApiToken, createUser, http, login, provisionTenant, SessionBody, startApp } from './support/auth-helpers';
import { createTestDb, TestDb } from './support/test-db';

// One pooled connection: whatever a request leaves on it, the next checkout sees.
describe('a pooled connection carries no tenant setting after a request (real PostgreSQL, DB_POOL_MAX=1)', () => {
  let db: TestDb;
  let app: INestApplication;
  let admin: Client;
  let session: SessionBody;
  let apiToken: string;
  let pid: number;

  /** What a fresh checkout of the app's pool carries. */
  const connectionState = async () => {
    const [row] = await app.get(DataSource).query(
      `SELECT pg_backend_pid() AS pid, current_user AS "user", current_setting('role') AS role,
              current_setting('search_path') AS search_path, -- '' once a transaction-local value has been reset, NULL if never set: both mean "none"
              nullif(current_setting('app.tenant_id', true), '') AS tenant_id,
              nullif(current_setting('app.user_id', true), '') AS user_id,
              nullif(current_setting('app.role', true), '') AS app_role,
              (SELECT count(*)::int FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'transactionid') AS open_xacts`,
    );
    return row;
  };

  const expectClean = async () => {
    const state = await connectionState();
    expect(state).toEqual({
      pid, // the very connection the request used
      user: db.roles.app,
      role: 'none',
      search_path: '"$user", public',
      tenant_id: null,
      user_id: null,
      app_role: null,
      open_xacts: 0,
    });
  };

  beforeAll(async () => {
    db = await createTestDb({ DB_POOL_MAX: '1', LOGIN_RATE_LIMIT: '100000' });
    app = await startApp(db);
    admin = await db.admin();
    await provisionTenant(app, 'pool_co');
    await createUser(app, { email: 'admin@pool.test', memberships: [['pool_co', 'tenant_admin']] });
    await createUser(app, { email: 'vendas@pool.test', memberships: [['pool_co', 'sales']] });
    session = await login(app, 'admin@pool.test', 'pool_co');
    apiToken = (await createApiToken(app, session.accessToken)).token;
    pid = (await connectionState()).pid;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('after a successful read and write', async () => {
    await http(app).post('/api/contacts').set('Authorization', `Bearer ${session.accessToken}`).send({ name: 'Cliente' }).expect(201);
    await expectClean();
    const res = await http(app).get('/api/contacts').set('Authorization', `Bearer ${session.accessToken}`).expect(200);
    expect(res.body.items).toHaveLength(1);
    await expectClean();
    await http(app).get('/api/contacts').set('Authorization', `Bearer ${apiToken}`).expect(200);
    await expectClean();
  });

  it('after a validation error raised inside the tenant transaction', async () => {
    await http(app).get('/api/contacts?limit=999').set('Authorization', `Bearer ${session.accessToken}`).expect(400);
    await expectClean();
  });

  it('after a database error inside the tenant transaction', async () => {
    // A member whose tenant profile is gone: the insert fails on its owner foreign key, mid-transaction.
    const seller = await login(app, 'vendas@pool.test', 'pool_co');
    await admin.query("DELETE FROM tenant_pool_co.tb_usuario WHERE email = 'vendas@pool.test'");
    const res = await http(app).post('/api/contacts').set('Authorization', `Bearer ${seller.accessToken}`).send({ name: 'Órfão' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('REFERENCE_CONFLICT');
    expect(JSON.stringify(res.body)).not.toMatch(/tb_contato|owner_id|INSERT/);
    await expectClean();
  });

  it('after refresh-token rotation and a refused reuse (their own transaction on the same pool)', async () => {
    const s = await login(app, 'admin@pool.test', 'pool_co');
    await http(app).post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200);
    await expectClean();
    await http(app).post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
    await expectClean();
  });

  it('after authentication failures and an invalid cursor', async () => {
    await http(app).get('/api/contacts').set('Authorization', 'Bearer crm_aaaaaaaaaaaa_' + 'b'.repeat(43)).expect(401);
    await expectClean();
    await http(app).get('/api/contacts?cursor=bm90LWEtY3Vyc29y').set('Authorization', `Bearer ${session.accessToken}`).expect(400);
    await expectClean();
  });
});
