import { INestApplication } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { SwaggerModule } from '@nestjs/swagger';
import { Client } from 'pg';
import { IdentityService } from '../src/auth/identity.service';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../src/demo/demo-seed';
import { buildOpenApiConfig } from '../src/http-app';
import { createApiToken, createUser, errorShape, http, login, provisionTenant, startApp } from './support/auth-helpers';
import { createTestDb, TestDb } from './support/test-db';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('identity and access over HTTP (real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let admin: Client;

  beforeAll(async () => {
    // Lockout and rate limit are exercised in their own describe blocks below.
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000', LOGIN_MAX_FAILURES: '1000', LOGIN_MAX_FAILURES_PER_IP: '100000' });
    app = await startApp(db);
    admin = await db.admin();
    await provisionTenant(app, 'alpha_co');
    await provisionTenant(app, 'beta_co');
    await createUser(app, { email: 'admin@alpha.test', memberships: [['alpha_co', 'tenant_admin']] });
    await createUser(app, { email: 'admin@beta.test', memberships: [['beta_co', 'tenant_admin']] });
    await createUser(app, { email: 'vendas@alpha.test', memberships: [['alpha_co', 'sales']] });
    await createUser(app, { email: 'analista@alpha.test', memberships: [['alpha_co', 'analyst']] });
    await createUser(app, { email: 'consultor@multi.test', memberships: [['alpha_co', 'manager'], ['beta_co', 'sales']] });
    await createUser(app, { email: 'root@plataforma.test', platformAdmin: true });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('login, me, refresh, logout', () => {
    it('logs in to a tenant and reports user, tenant, role and the user\'s tenants', async () => {
      const s = await login(app, 'Admin@Alpha.test', 'alpha_co');
      expect(s).toMatchObject({ tokenType: 'Bearer', role: 'tenant_admin', tenant: { slug: 'alpha_co' }, expiresIn: 900 });
      expect(s.refreshToken).toMatch(/^rt_[A-Za-z0-9_-]{43}$/);
      const [header, payload] = s.accessToken.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
      expect(header.alg).toBe('HS256');
      expect(payload).toMatchObject({ tid: s.tenant!.id, tslug: 'alpha_co', role: 'tenant_admin', iss: 'crm-platform', aud: 'crm-api' });
      expect(payload.exp - payload.iat).toBe(900);

      const me = await http(app).get('/api/auth/me').set(bearer(s.accessToken)).expect(200);
      expect(me.body).toMatchObject({
        user: { email: 'admin@alpha.test', platformAdmin: false },
        tenant: { slug: 'alpha_co' },
        role: 'tenant_admin',
        apiTokenId: null,
        tenants: [{ slug: 'alpha_co', role: 'tenant_admin' }],
      });
    });

    it('asks a member of several tenants to choose, then switches tenant with new tokens', async () => {
      const res = await http(app).post('/api/auth/login').send({ email: 'consultor@multi.test', password: 'senha-de-teste-123' }).expect(409);
      expect(res.body).toMatchObject({
        code: 'TENANT_CHOICE_REQUIRED',
        details: { tenants: [{ slug: 'alpha_co', role: 'manager' }, { slug: 'beta_co', role: 'sales' }] },
      });

      const alpha = await login(app, 'consultor@multi.test', 'alpha_co');
      expect(alpha.role).toBe('manager');
      const me = await http(app).get('/api/auth/me').set(bearer(alpha.accessToken)).expect(200);
      expect(me.body.tenants.map((t: { slug: string }) => t.slug)).toEqual(['alpha_co', 'beta_co']);

      const beta = await http(app).post('/api/auth/switch-tenant').set(bearer(alpha.accessToken)).send({ tenant: 'beta_co' }).expect(200);
      expect(beta.body).toMatchObject({ role: 'sales', tenant: { slug: 'beta_co' } });
      const meBeta = await http(app).get('/api/auth/me').set(bearer(beta.body.accessToken)).expect(200);
      expect(meBeta.body).toMatchObject({ tenant: { slug: 'beta_co' }, role: 'sales' });

      // not a member: refused, and a single-tenant user logs in without naming the tenant
      const denied = await http(app).post('/api/auth/switch-tenant').set(bearer((await login(app, 'admin@alpha.test')).accessToken)).send({ tenant: 'beta_co' });
      expect(denied.status).toBe(403);
      expect(denied.body.code).toBe('TENANT_ACCESS_DENIED');
    });

    it('gives a platform admin a platform session without a tenant', async () => {
      const s = await login(app, 'root@plataforma.test');
      expect(s).toMatchObject({ tenant: null, role: 'platform_admin' });
      const me = await http(app).get('/api/auth/me').set(bearer(s.accessToken)).expect(200);
      expect(me.body).toMatchObject({ tenant: null, role: 'platform_admin', user: { platformAdmin: true }, tenants: [] });
      // and no tenant data without a tenant
      const contacts = await http(app).get('/api/contacts').set(bearer(s.accessToken));
      expect(contacts.status).toBe(403);
    });

    it('rotates refresh tokens and logout ends the session', async () => {
      const s = await login(app, 'admin@alpha.test', 'alpha_co');
      const r1 = await http(app).post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200);
      expect(r1.body.refreshToken).not.toBe(s.refreshToken);
      expect(r1.body).toMatchObject({ tenant: { slug: 'alpha_co' }, role: 'tenant_admin' });
      await http(app).get('/api/auth/me').set(bearer(r1.body.accessToken)).expect(200);

      await http(app).post('/api/auth/logout').send({ refreshToken: r1.body.refreshToken }).expect(204);
      const after = await http(app).post('/api/auth/refresh').send({ refreshToken: r1.body.refreshToken }).expect(401);
      expect(after.body.code).toMatch(/^(INVALID_REFRESH_TOKEN|REFRESH_TOKEN_REUSED)$/);
      // logout of an unknown token answers the same
      await http(app).post('/api/auth/logout').send({ refreshToken: 'rt_unknown-token-value' }).expect(204);
      // only hashes are stored
      const { rows } = await admin.query('SELECT count(*)::int AS n FROM tenant_admin.tb_refresh_token WHERE encode(token_hash, $1) = $2', ['escape', s.refreshToken]);
      expect(rows[0].n).toBe(0);
    });

    it('refuses a refresh after the member is removed from the tenant', async () => {
      const u = await createUser(app, { email: 'temporario@alpha.test', memberships: [['alpha_co', 'manager']] });
      const s = await login(app, u.email, 'alpha_co');
      await admin.query('UPDATE tenant_admin.tb_membro SET ativo = false WHERE usuario_id = $1', [u.id]);
      const res = await http(app).post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
      expect(res.body.code).toBe('INVALID_REFRESH_TOKEN');
    });
  });

  describe('generic login failures', () => {
    it('answers unknown e-mail, wrong password, wrong or unknown tenant, disabled user and archived tenant identically', async () => {
      await provisionTenant(app, 'gamma_co');
      await createUser(app, { email: 'admin@gamma.test', memberships: [['gamma_co', 'tenant_admin']] });
      const disabled = await createUser(app, { email: 'desligado@alpha.test', memberships: [['alpha_co', 'sales']] });
      await app.get(IdentityService).setUserStatus(disabled.id, 'desativado');
      const root = await login(app, 'root@plataforma.test');
      await http(app).post('/api/platform/tenants/gamma_co/archive').set(bearer(root.accessToken)).expect(200);

      const attempts = [
        { email: 'ninguem@alpha.test', password: 'senha-de-teste-123', tenant: 'alpha_co' },
        { email: 'admin@alpha.test', password: 'senha-errada-000', tenant: 'alpha_co' },
        { email: 'admin@alpha.test', password: 'senha-de-teste-123', tenant: 'beta_co' },
        { email: 'admin@alpha.test', password: 'senha-de-teste-123', tenant: 'nao_existe' },
        { email: 'desligado@alpha.test', password: 'senha-de-teste-123', tenant: 'alpha_co' },
        { email: 'admin@gamma.test', password: 'senha-de-teste-123', tenant: 'gamma_co' },
        { email: 'admin@gamma.test', password: 'senha-de-teste-123' },
      ];
      const bodies = [];
      for (const a of attempts) {
        const res = await http(app).post('/api/auth/login').send(a);
        expect(res.status).toBe(401);
        bodies.push(errorShape(res.body));
      }
      expect(bodies[0]).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'E-mail, senha ou tenant inválidos.' });
      for (const b of bodies) expect(b).toEqual(bodies[0]);
    });
  });

  describe('roles and platform endpoints', () => {
    it('enforces roles per endpoint', async () => {
      const sales = await login(app, 'vendas@alpha.test', 'alpha_co');
      const analyst = await login(app, 'analista@alpha.test', 'alpha_co');
      const tenantAdmin = await login(app, 'admin@alpha.test', 'alpha_co');

      const forbidden = await http(app).get('/api/tokens').set(bearer(sales.accessToken)).expect(403);
      expect(forbidden.body).toMatchObject({ code: 'FORBIDDEN_ROLE', details: { requiredRoles: ['tenant_admin'] } });
      await http(app).get('/api/tokens').set(bearer(tenantAdmin.accessToken)).expect(200);
      // analyst reads but does not write
      await http(app).get('/api/contacts').set(bearer(analyst.accessToken)).expect(200);
      await http(app).post('/api/contacts').set(bearer(analyst.accessToken)).send({ name: 'X' }).expect(403);
      // a tenant admin is not a platform admin
      await http(app).get('/api/platform/tenants').set(bearer(tenantAdmin.accessToken)).expect(403);
      await http(app).post('/api/platform/tenants/beta_co/archive').set(bearer(tenantAdmin.accessToken)).expect(403);
    });

    it('lets a platform admin list, create and archive tenants; archived tenants stop authenticating', async () => {
      const root = await login(app, 'root@plataforma.test');
      const created = await http(app).post('/api/platform/tenants').set(bearer(root.accessToken)).send({ slug: 'delta_co', name: 'Delta' }).expect(201);
      expect(created.body).toMatchObject({ slug: 'delta_co', status: 'ativo' });
      const dup = await http(app).post('/api/platform/tenants').set(bearer(root.accessToken)).send({ slug: 'delta_co', name: 'Delta' }).expect(409);
      expect(dup.body.code).toBe('TENANT_EXISTS');
      const list = await http(app).get('/api/platform/tenants?status=ativo&limit=100').set(bearer(root.accessToken)).expect(200);
      expect(list.body.map((t: { slug: string }) => t.slug)).toEqual(expect.arrayContaining(['alpha_co', 'beta_co', 'delta_co']));

      await createUser(app, { email: 'admin@delta.test', memberships: [['delta_co', 'tenant_admin']] });
      const deltaAdmin = await login(app, 'admin@delta.test', 'delta_co');
      const apiToken = await createApiToken(app, deltaAdmin.accessToken);
      await http(app).get('/api/contacts').set(bearer(deltaAdmin.accessToken)).expect(200);
      await http(app).get('/api/contacts').set(bearer(apiToken.token)).expect(200);

      const archived = await http(app).post('/api/platform/tenants/delta_co/archive').set(bearer(root.accessToken)).expect(200);
      expect(archived.body.status).toBe('arquivado');
      await http(app).get('/api/contacts').set(bearer(deltaAdmin.accessToken)).expect(401);
      await http(app).get('/api/contacts').set(bearer(apiToken.token)).expect(401);
      await http(app).post('/api/auth/refresh').send({ refreshToken: deltaAdmin.refreshToken }).expect(401);
    });
  });

  describe('per-tenant API tokens', () => {
    it('creates a token shown once, authenticates with it, tracks use and revokes at once', async () => {
      const tenantAdmin = await login(app, 'admin@alpha.test', 'alpha_co');
      const res = await http(app)
        .post('/api/tokens')
        .set(bearer(tenantAdmin.accessToken))
        .send({ name: 'ERP', role: 'manager', expiresAt: new Date(Date.now() + 86400_000).toISOString() })
        .expect(201);
      expect(res.body.token).toMatch(/^crm_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
      expect(res.body.token.startsWith(`crm_${res.body.prefix}_`)).toBe(true);
      const { rows } = await admin.query('SELECT segredo_hash, ultimo_uso_em FROM tenant_admin.tb_api_token WHERE id = $1', [res.body.id]);
      expect(rows[0].segredo_hash).toHaveLength(32);
      expect(rows[0].ultimo_uso_em).toBeNull();

      const me = await http(app).get('/api/auth/me').set(bearer(res.body.token)).expect(200);
      expect(me.body).toMatchObject({ user: null, apiTokenId: res.body.id, tenant: { slug: 'alpha_co' }, role: 'manager', tenants: [] });
      await http(app).get('/api/contacts').set(bearer(res.body.token)).expect(200);
      await new Promise((r) => setTimeout(r, 200)); // last_used_at is written off the request path
      const used = await admin.query('SELECT ultimo_uso_em FROM tenant_admin.tb_api_token WHERE id = $1', [res.body.id]);
      expect(used.rows[0].ultimo_uso_em).toBeInstanceOf(Date);

      const list = await http(app).get('/api/tokens').set(bearer(tenantAdmin.accessToken)).expect(200);
      const listed = list.body.find((t: { id: string }) => t.id === res.body.id);
      expect(listed).toMatchObject({ name: 'ERP', role: 'manager', prefix: res.body.prefix, revokedAt: null });
      expect(listed.lastUsedAt).not.toBeNull();
      expect(JSON.stringify(list.body)).not.toContain(res.body.token.split('_').slice(2).join('_'));

      // another tenant's admin can neither see nor revoke it
      const betaAdmin = await login(app, 'admin@beta.test', 'beta_co');
      const betaList = await http(app).get('/api/tokens').set(bearer(betaAdmin.accessToken)).expect(200);
      expect(betaList.body.find((t: { id: string }) => t.id === res.body.id)).toBeUndefined();
      await http(app).delete(`/api/tokens/${res.body.id}`).set(bearer(betaAdmin.accessToken)).expect(404);

      const del = await http(app).delete(`/api/tokens/${res.body.id}`).set(bearer(tenantAdmin.accessToken));
      expect([del.status, del.body]).toEqual([204, {}]);
      const revoked = await http(app).get('/api/contacts').set(bearer(res.body.token)).expect(401);
      expect(revoked.body.code).toBe('INVALID_TOKEN');
    });

    it('refuses platform_admin or unknown roles, past expiry, and API tokens managing API tokens', async () => {
      const tenantAdmin = await login(app, 'admin@alpha.test', 'alpha_co');
      for (const body of [
        { name: 'x', role: 'platform_admin' },
        { name: 'x', role: 'superuser' },
        { name: 'x', role: 'manager', tenantId: '00000000-0000-0000-0000-000000000000' },
      ]) {
        const res = await http(app).post('/api/tokens').set(bearer(tenantAdmin.accessToken)).send(body).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
      const past = await http(app).post('/api/tokens').set(bearer(tenantAdmin.accessToken)).send({ name: 'x', role: 'sales', expiresAt: '2020-01-01T00:00:00Z' }).expect(400);
      expect(past.body.code).toBe('API_TOKEN_EXPIRY_INVALID');

      const adminToken = await createApiToken(app, tenantAdmin.accessToken, 'tenant_admin');
      const res = await http(app).post('/api/tokens').set(bearer(adminToken.token)).send({ name: 'y', role: 'sales' }).expect(403);
      expect(res.body.code).toBe('USER_SESSION_REQUIRED');
      await http(app).post('/api/auth/switch-tenant').set(bearer(adminToken.token)).send({ tenant: 'beta_co' }).expect(403);
    });

    it('refuses an expired API token', async () => {
      const tenantAdmin = await login(app, 'admin@alpha.test', 'alpha_co');
      const t = await createApiToken(app, tenantAdmin.accessToken);
      await http(app).get('/api/contacts').set(bearer(t.token)).expect(200);
      await admin.query("UPDATE tenant_admin.tb_api_token SET expira_em = now() - interval '1 second' WHERE id = $1", [t.id]);
      await http(app).get('/api/contacts').set(bearer(t.token)).expect(401);
    });
  });

  describe('authenticated by default, documented', () => {
    it('requires a token everywhere except health and docs', async () => {
      const res = await http(app).get('/api/contacts').expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      await http(app).get('/api/auth/me').expect(401);
      await http(app).get('/api/tokens').expect(401);
      await http(app).get('/api/platform/tenants').expect(401);
      await http(app).get('/api/contacts').set('Authorization', 'Basic YWRtaW46YWRtaW4=').expect(401);
      await http(app).get('/api/health').expect(200);
      await http(app).get('/api/health/ready').expect(200);
      await http(app).get('/api/docs').redirects(1).expect(200);
    });

    it('lists the roles of every protected operation in OpenAPI', async () => {
      const doc = SwaggerModule.createDocument(app, buildOpenApiConfig());
      const op = (path: string, method: 'get' | 'post' | 'delete') => doc.paths[path][method] as unknown as Record<string, unknown>;
      expect(op('/api/contacts', 'get')).toMatchObject({ 'x-roles': ['tenant_admin', 'analyst', 'manager', 'sales'], security: [{ bearer: [] }] });
      expect(op('/api/contacts', 'post')['x-roles']).toEqual(['tenant_admin', 'manager', 'sales']);
      expect(op('/api/tokens', 'post')['x-roles']).toEqual(['tenant_admin']);
      expect(op('/api/tokens/{id}', 'delete')['x-roles']).toEqual(['tenant_admin']);
      expect(op('/api/platform/tenants', 'get')['x-roles']).toEqual(['platform_admin']);
      expect(op('/api/platform/tenants/{slug}/archive', 'post')['x-roles']).toEqual(['platform_admin']);
      expect(op('/api/auth/me', 'get')).toMatchObject({ 'x-roles': ['any'], security: [{ bearer: [] }] });
      expect(op('/api/auth/login', 'post').security).toBeUndefined();
      expect(op('/api/auth/login', 'post')['x-roles']).toBeUndefined();
    });
  });

  describe('demo users', () => {
    it('seeds the demo tenants and users, each able to log in with its role', async () => {
      await seedDemo(app, () => undefined);
      await seedDemo(app, () => undefined); // idempotent
      for (const u of DEMO_USERS) {
        const [slug, role] = u.memberships[0] ?? [undefined, 'platform_admin'];
        const s = await login(app, u.email, slug, DEMO_PASSWORD);
        expect({ email: u.email, role: s.role, tenant: s.tenant?.slug }).toEqual({ email: u.email, role, tenant: slug });
      }
      // each membership has its tenant-local profile with the same id and role
      const { rows } = await admin.query(
        `SELECT p.email, u.id = p.id AS same_id, u.papel FROM tenant_supermercado_lima.tb_usuario u
           JOIN tenant_admin.tb_usuario_plataforma p ON p.id = u.id ORDER BY p.email`,
      );
      expect(rows).toEqual([
        { email: 'admin@supermercadolima.com.br', same_id: true, papel: 'tenant_admin' },
        { email: 'gerente@supermercadolima.com.br', same_id: true, papel: 'manager' },
        { email: 'vendedor@supermercadolima.com.br', same_id: true, papel: 'sales' },
      ]);
    });

    it('refuses to seed in production', async () => {
      const production = { get: () => ({ NODE_ENV: 'production' }) } as unknown as INestApplication;
      await expect(seedDemo(production, () => undefined)).rejects.toThrow(/refused in production/);
    });
  });
});

describe('login brute force (real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDb({
      LOGIN_RATE_LIMIT: '100000',
      LOGIN_MAX_FAILURES: '3',
      LOGIN_MAX_FAILURES_PER_IP: '100000',
      LOGIN_LOCKOUT_BASE_MS: '400',
      LOGIN_LOCKOUT_MAX_MS: '1600',
    });
    app = await startApp(db);
    await provisionTenant(app, 'alvo_co');
    await createUser(app, { email: 'alvo@alvo.test', memberships: [['alvo_co', 'tenant_admin']] });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const attempt = (email: string, password: string) => http(app).post('/api/auth/login').send({ tenant: 'alvo_co', email, password });
  const sleepUntil = (iso: string) => new Promise((r) => setTimeout(r, Math.max(0, Date.parse(iso) - Date.now()) + 50));

  it('slows then locks repeated failures, the same way for a known and an unknown e-mail', async () => {
    const trace = async (email: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 3; i++) seen.push(`${(await attempt(email, 'errada-' + i)).body.code}`);
      // locked: even the right password has to wait
      const locked = await attempt(email, 'senha-de-teste-123');
      seen.push(`${locked.body.code}`);
      expect(locked.body.details.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      await sleepUntil(locked.body.details.lockedUntil);
      seen.push(`${(await attempt(email, 'errada-de-novo')).body.code}`);
      const again = await attempt(email, 'senha-de-teste-123');
      seen.push(`${again.body.code}`);
      await sleepUntil(again.body.details.lockedUntil);
      return { seen, message: errorShape(locked.body).message };
    };
    const known = await trace('alvo@alvo.test');
    const unknown = await trace('inexistente@alvo.test');
    expect(known.seen).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'LOGIN_LOCKED', 'INVALID_CREDENTIALS', 'LOGIN_LOCKED']);
    expect(unknown.seen).toEqual(known.seen);

    // once the lock is over, the right password works and resets the account counter
    expect((await attempt('alvo@alvo.test', 'senha-de-teste-123')).status).toBe(200);
    expect((await attempt('alvo@alvo.test', 'errada')).status).toBe(401);
    expect((await attempt('alvo@alvo.test', 'senha-de-teste-123')).status).toBe(200);
  });

  it('records growing lock durations (base·2^n up to the cap)', async () => {
    const admin = await db.admin();
    const key = `conta:${createHash('sha256').update('crescente@alvo.test').digest('hex')}`;
    const durations: number[] = [];
    for (let i = 0; i < 6; i++) {
      await admin.query('UPDATE tenant_admin.tb_falha_login SET bloqueado_ate = NULL WHERE chave = $1', [key]);
      await attempt('crescente@alvo.test', 'errada');
      const { rows } = await admin.query(
        "SELECT round(extract(epoch FROM bloqueado_ate - ultima_falha_em) * 1000)::int AS ms FROM tenant_admin.tb_falha_login WHERE chave = $1",
        [key],
      );
      durations.push(rows[0].ms ?? 0);
    }
    expect(durations).toEqual([0, 0, 400, 800, 1600, 1600]);
  });

  it('locks a client address after too many failures across accounts', async () => {
    const admin = await db.admin();
    await admin.query("DELETE FROM tenant_admin.tb_falha_login WHERE chave LIKE 'ip:%'");
    const strict = await startApp(db, { ...db.env, LOGIN_MAX_FAILURES: 1000, LOGIN_MAX_FAILURES_PER_IP: 4 });
    try {
      const codes = [];
      for (let i = 0; i < 6; i++) {
        const res = await http(strict).post('/api/auth/login').send({ tenant: 'alvo_co', email: `conta${i}@alvo.test`, password: 'x' });
        codes.push(res.body.code);
      }
      expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'LOGIN_LOCKED', 'LOGIN_LOCKED']);
    } finally {
      await strict.close();
      await admin.query("DELETE FROM tenant_admin.tb_falha_login WHERE chave LIKE 'ip:%'");
    }
  });

  it('rate-limits login requests per address', async () => {
    const limited = await startApp(db, { ...db.env, LOGIN_RATE_LIMIT: 3, LOGIN_RATE_WINDOW_S: 60 });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await http(limited).post('/api/auth/login').send({ tenant: 'alvo_co', email: 'alvo@alvo.test', password: 'senha-de-teste-123' })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const res = await http(limited).post('/api/auth/login').send({ email: 'a@b.c', password: 'x' });
      expect(res.body.code).toBe('TOO_MANY_REQUESTS');
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});
