import { INestApplication } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { createApiToken, createUser, http, login, provisionTenant, SessionBody, startApp } from './support/auth-helpers';
import { createTestDb, TestDb } from './support/test-db';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString());

/** A JWT signed by hand (so tests can forge what an attacker would). */
function forge(header: Record<string, unknown>, payload: Record<string, unknown>, secret: string | null, alg = 'sha256'): string {
  const head = `${b64(header)}.${b64(payload)}`;
  const sig = secret === null ? '' : createHmac(alg, secret).update(head).digest('base64url');
  return `${head}.${sig}`;
}

describe('token abuse never reaches another tenant (real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let a: SessionBody;
  let b: SessionBody;
  let claimsA: Record<string, unknown>;
  const now = () => Math.floor(Date.now() / 1000);

  const contactsWith = (token: string) => http(app).get('/api/contacts').set('Authorization', `Bearer ${token}`);
  const names = (body: { items?: { name: string }[] }) => (body.items ?? []).map((c) => c.name);

  beforeAll(async () => {
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000' });
    app = await startApp(db);
    await provisionTenant(app, 'tenant_a');
    await provisionTenant(app, 'tenant_b');
    await createUser(app, { email: 'admin@a.test', memberships: [['tenant_a', 'tenant_admin']] });
    await createUser(app, { email: 'admin@b.test', memberships: [['tenant_b', 'tenant_admin']] });
    a = await login(app, 'admin@a.test', 'tenant_a');
    b = await login(app, 'admin@b.test', 'tenant_b');
    for (const [s, n] of [[a, 'A'], [b, 'B']] as const) {
      for (let i = 0; i < 3; i++) {
        await http(app).post('/api/contacts').set('Authorization', `Bearer ${s.accessToken}`).send({ name: `segredo ${n}${i}` }).expect(201);
      }
    }
    claimsA = decode(a.accessToken.split('.')[1]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('sanity: each token sees its own rows', async () => {
    expect(names((await contactsWith(a.accessToken).expect(200)).body)).toEqual(['segredo A0', 'segredo A1', 'segredo A2']);
    expect(names((await contactsWith(b.accessToken).expect(200)).body)).toEqual(['segredo B0', 'segredo B1', 'segredo B2']);
  });

  it.each([
    ['alg none, no signature', () => forge({ alg: 'none', typ: 'JWT' }, { ...claimsA, tid: b.tenant!.id, tslug: 'tenant_b' }, null)],
    ['alg none with the claims of A', () => forge({ alg: 'none', typ: 'JWT' }, claimsA, null)],
    ['wrong signature', () => forge({ alg: 'HS256', typ: 'JWT' }, claimsA, 'another-secret-another-secret-0000')],
    ['another algorithm (HS512) with the real secret', () => forge({ alg: 'HS512', typ: 'JWT' }, claimsA, db.env.JWT_SECRET, 'sha512')],
    ['expired', () => forge({ alg: 'HS256', typ: 'JWT' }, { ...claimsA, iat: now() - 1000, exp: now() - 10 }, db.env.JWT_SECRET)],
    ['wrong audience', () => forge({ alg: 'HS256', typ: 'JWT' }, { ...claimsA, aud: 'other-api' }, db.env.JWT_SECRET)],
    ['wrong issuer', () => forge({ alg: 'HS256', typ: 'JWT' }, { ...claimsA, iss: 'someone-else' }, db.env.JWT_SECRET)],
    [
      'tenant claim edited (signature of the original kept)',
      () => {
        const [h, , sig] = a.accessToken.split('.');
        return `${h}.${b64({ ...claimsA, tid: b.tenant!.id, tslug: 'tenant_b' })}.${sig}`;
      },
    ],
    ['tenant id of B with slug of A (validly signed)', () => forge({ alg: 'HS256', typ: 'JWT' }, { ...claimsA, tid: b.tenant!.id }, db.env.JWT_SECRET)],
    ['unknown tenant id (validly signed)', () => forge({ alg: 'HS256', typ: 'JWT' }, { ...claimsA, tid: '00000000-0000-4000-8000-000000000000' }, db.env.JWT_SECRET)],
    ['role platform_admin without the flag (validly signed)', () => forge({ alg: 'HS256', typ: 'JWT' }, { sub: claimsA.sub, role: 'platform_admin', iss: claimsA.iss, aud: claimsA.aud, iat: now(), exp: now() + 60 }, db.env.JWT_SECRET)],
    ['garbage', () => 'not.a.jwt'],
    ['a look-alike API token', () => `crm_${'a'.repeat(12)}_${'b'.repeat(43)}`],
  ])('refuses %s with 401', async (_, make) => {
    const res = await contactsWith(make());
    expect(res.status).toBe(401);
    expect(res.body.code).toMatch(/^(INVALID_TOKEN|TOKEN_EXPIRED)$/);
    expect(JSON.stringify(res.body)).not.toContain('segredo');
  });

  it('reports an expired token as TOKEN_EXPIRED', async () => {
    const expired = forge({ alg: 'HS256', typ: 'JWT' }, { ...claimsA, iat: now() - 1000, exp: now() - 10 }, db.env.JWT_SECRET);
    expect((await contactsWith(expired)).body.code).toBe('TOKEN_EXPIRED');
  });

  it('revokes the whole family when a used refresh token is presented again', async () => {
    const s = await login(app, 'admin@a.test', 'tenant_a');
    const r1 = await http(app).post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200);
    // replay of the first token (as a thief would): refused, and the legitimate successor dies with it
    const replay = await http(app).post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');
    const successor = await http(app).post('/api/auth/refresh').send({ refreshToken: r1.body.refreshToken }).expect(401);
    expect(successor.body.code).toBe('REFRESH_TOKEN_REUSED');
    // other sessions (families) of the same user are untouched
    const other = await login(app, 'admin@a.test', 'tenant_a');
    await http(app).post('/api/auth/refresh').send({ refreshToken: other.refreshToken }).expect(200);
  });

  it('lets only one of two concurrent uses of a refresh token win', async () => {
    const s = await login(app, 'admin@a.test', 'tenant_a');
    const results = await Promise.all([1, 2].map(() => http(app).post('/api/auth/refresh').send({ refreshToken: s.refreshToken })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('refuses a revoked API token immediately', async () => {
    const t = await createApiToken(app, a.accessToken);
    expect(names((await contactsWith(t.token).expect(200)).body)).toHaveLength(3);
    await http(app).delete(`/api/tokens/${t.id}`).set('Authorization', `Bearer ${a.accessToken}`).expect(204);
    expect((await contactsWith(t.token)).status).toBe(401);
    // a token whose secret part is altered is refused too
    const t2 = await createApiToken(app, a.accessToken);
    const altered = t2.token.slice(0, -1) + (t2.token.endsWith('A') ? 'B' : 'A');
    expect((await contactsWith(altered)).status).toBe(401);
  });

  describe.each([
    ['JWT', () => a.accessToken],
    ['API token', async () => (await createApiToken(app, a.accessToken, 'tenant_admin')).token],
  ])('a %s of A naming B anywhere in the request', (_, tokenOfA) => {
    let token: string;
    beforeAll(async () => {
      token = await tokenOfA();
    });
    const auth = () => ({ Authorization: `Bearer ${token}` });

    it('ignores X-Tenant and similar headers', async () => {
      const res = await http(app)
        .get('/api/contacts')
        .set(auth())
        .set('X-Tenant', 'tenant_b')
        .set('X-Tenant-Id', b.tenant!.id)
        .set('X-Tenant-Slug', 'tenant_b')
        .expect(200);
      expect(names(res.body)).toEqual(expect.arrayContaining(['segredo A0', 'segredo A1', 'segredo A2']));
      expect(names(res.body).filter((n) => n.includes('B'))).toEqual([]);
    });

    it('rejects a tenant in the query or body', async () => {
      for (const q of [`tenantId=${b.tenant!.id}`, 'tenant=tenant_b', 'schema=tenant_tenant_b']) {
        const res = await http(app).get(`/api/contacts?${q}`).set(auth());
        expect(res.status).toBe(400);
        expect(JSON.stringify(res.body)).not.toContain('segredo');
      }
      for (const extra of [{ tenantId: b.tenant!.id }, { tenant_id: b.tenant!.id }, { tenant: 'tenant_b' }]) {
        const res = await http(app).post('/api/contacts').set(auth()).send({ name: 'intruso', ...extra });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
    });

    it('cannot reach B through a path', async () => {
      for (const path of ['/api/tenant_b/contacts', `/api/contacts/${b.tenant!.id}`, '/api/platform/tenants/tenant_b/archive']) {
        const res = await http(app).get(path).set(auth());
        expect([403, 404]).toContain(res.status);
        expect(JSON.stringify(res.body)).not.toContain('segredo B');
      }
      const archive = await http(app).post('/api/platform/tenants/tenant_b/archive').set(auth());
      expect(archive.status).toBe(403);
      const switched = await http(app).post('/api/auth/switch-tenant').set(auth()).send({ tenant: 'tenant_b' });
      expect(switched.status).toBe(403);
    });

    it('writes only into A', async () => {
      await http(app).post('/api/contacts').set(auth()).set('X-Tenant', 'tenant_b').send({ name: 'novo via A' }).expect(201);
      expect(names((await contactsWith(b.accessToken).expect(200)).body)).toEqual(['segredo B0', 'segredo B1', 'segredo B2']);
      const mine = names((await http(app).get('/api/contacts').set(auth()).expect(200)).body);
      expect(mine).toContain('novo via A');
    });
  });
});
