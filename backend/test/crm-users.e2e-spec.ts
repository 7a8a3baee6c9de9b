import { INestApplication } from '@nestjs/common';
import { http, login, PASSWORD, startApp } from './support/auth-helpers';
import { bearer, CrmTenant, CrmUser, setupCrmTenant } from './support/crm-fixtures';
import { createTestDb, TestDb } from './support/test-db';

/**
 * Tenant users: a platform identity, a membership (what login checks) and a tenant profile (tb_usuario), written
 * together in one transaction.
 */
describe('users API (real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let t: CrmTenant;
  let other: CrmTenant;
  const as = (user: CrmUser, tenant = t) => bearer(tenant.users[user].token);
  const invite = (body: object, user: CrmUser = 'admin') => http(app).post('/api/users').set(as(user)).send(body);
  const loginStatus = async (email: string, tenant: string, password = PASSWORD) =>
    (await http(app).post('/api/auth/login').send({ email, password, tenant })).status;
  const platform = async (email: string) => {
    const admin = await db.admin();
    const { rows } = await admin.query(
      `SELECT u.id, m.tenant_id, m.papel, m.ativo FROM tenant_admin.tb_usuario_plataforma u
         LEFT JOIN tenant_admin.tb_membro m ON m.usuario_id = u.id WHERE lower(u.email) = lower($1) ORDER BY m.tenant_id`,
      [email],
    );
    return rows as { id: string; tenant_id: string | null; papel: string | null; ativo: boolean | null }[];
  };

  beforeAll(async () => {
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000' });
    app = await startApp(db);
    t = await setupCrmTenant(app, db, 'crm_usuarios');
    other = await setupCrmTenant(app, db, 'crm_outra');
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('invite', () => {
    it('creates account, membership and profile: the user logs in to this tenant with the given role', async () => {
      const res = await invite({ email: ' Nova.Vendedora@Lima.test ', name: 'Nova Vendedora', role: 'sales', password: 'senha-inicial-1', teamId: t.teams.north, phone: '(11) 98765-4321' }).expect(201);
      expect(res.body).toEqual({
        existingAccount: false,
        temporaryPassword: null,
        user: expect.objectContaining({ email: 'nova.vendedora@lima.test', name: 'Nova Vendedora', role: 'sales', teamId: t.teams.north, phone: '+5511987654321', active: true }),
      });
      const id = res.body.user.id;
      const session = await login(app, 'nova.vendedora@lima.test', t.slug, 'senha-inicial-1');
      expect(session.role).toBe('sales');
      expect(session.tenant!.slug).toBe(t.slug);
      expect(await t.sql('SELECT nome, email, papel, equipe_id, ativo FROM tb_usuario WHERE id = $1', [id])).toEqual([
        { nome: 'Nova Vendedora', email: 'nova.vendedora@lima.test', papel: 'sales', equipe_id: t.teams.north, ativo: true },
      ]);
      expect(await platform('nova.vendedora@lima.test')).toEqual([{ id, tenant_id: t.id, papel: 'sales', ativo: true }]);
      const [row] = await t.sql<{ acao: string; usuario_id: string; valor_novo: Record<string, unknown> }>(
        "SELECT acao, usuario_id, valor_novo FROM tb_auditoria WHERE entidade = 'tb_usuario' AND registro_id = $1",
        [id],
      );
      expect(row).toMatchObject({ acao: 'criar', usuario_id: t.users.admin.id, valor_novo: { role: 'sales', email: 'nova.vendedora@lima.test' } });
      // the new seller sees their team's records from the first request
      expect((await http(app).get('/api/users/me').set(bearer(session.accessToken)).expect(200)).body).toMatchObject({ id, teamId: t.teams.north });
    });

    it('generates a password when none is given, shown once', async () => {
      const res = await invite({ email: 'gerada@lima.test', name: 'Gerada', role: 'analyst' }).expect(201);
      expect(res.body.temporaryPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect((await login(app, 'gerada@lima.test', t.slug, res.body.temporaryPassword)).role).toBe('analyst');
      const read = await http(app).get(`/api/users/${res.body.user.id}`).set(as('admin')).expect(200);
      expect(JSON.stringify(read.body)).not.toContain(res.body.temporaryPassword);
    });

    it('adds a person who already has an account elsewhere, with their own password; refuses to set one', async () => {
      const outsider = `salesnorth@${other.slug.replace(/_/g, '-')}.test`;
      expect((await invite({ email: outsider, name: 'Vem de fora', role: 'manager', password: 'outra-senha-123' }).expect(409)).body).toMatchObject({
        code: 'ACCOUNT_EXISTS',
      });
      const res = await invite({ email: outsider, name: 'Vem de fora', role: 'manager' }).expect(201);
      expect(res.body).toMatchObject({ existingAccount: true, temporaryPassword: null, user: { id: other.users.salesNorth.id, role: 'manager' } });
      expect((await login(app, outsider, t.slug)).role).toBe('manager');
      // still a seller in the other tenant
      expect((await login(app, outsider, other.slug)).role).toBe('sales');
      const again = await invite({ email: outsider, name: 'De novo', role: 'sales' }).expect(409);
      expect(again.body).toMatchObject({ code: 'USER_EXISTS', details: { existingId: other.users.salesNorth.id, active: true } });
    });

    it('names each bad field; platform_admin is not a role a tenant admin can grant', async () => {
      const res = await invite({ email: 'x', name: '', role: 'platform_admin', password: 'curta', timeZone: 'Lua/Crateras', platformAdmin: true }).expect(400);
      expect([...new Set(res.body.details.fields.map((f: { field: string }) => f.field))].sort()).toEqual(['email', 'name', 'password', 'platformAdmin', 'role', 'timeZone']);
      const team = await invite({ email: 'equipe@lima.test', name: 'X', role: 'sales', teamId: '00000000-0000-4000-8000-000000000000' }).expect(400);
      expect(team.body).toMatchObject({ code: 'INVALID_REFERENCE', details: { fields: [{ field: 'teamId' }] } });
    });

    it('is one transaction: when the tenant profile cannot be written, no account or membership is left behind', async () => {
      // A stale profile holds the e-mail (unique in tb_usuario): the profile write fails after the platform writes.
      await t.sql("INSERT INTO tb_usuario (nome, email) VALUES ('Perfil antigo', 'fantasma@lima.test')");
      const res = await invite({ email: 'fantasma@lima.test', name: 'Fantasma', role: 'sales', password: 'senha-fantasma-1' }).expect(409);
      expect(res.body.code).toBe('USER_EXISTS');
      expect(await platform('fantasma@lima.test')).toEqual([]);
      expect(await loginStatus('fantasma@lima.test', t.slug, 'senha-fantasma-1')).toBe(401);
      // and the request's connection went back to the pool as it came: the next requests work as usual
      await http(app).get('/api/users').set(as('admin')).expect(200);
    });
  });

  describe('role changes, deactivation, last admin', () => {
    it('a role change takes effect at the next login or session refresh', async () => {
      const u = (await invite({ email: 'promovida@lima.test', name: 'Promovida', role: 'sales', password: 'senha-promo-1' }).expect(201)).body.user;
      const before = await login(app, 'promovida@lima.test', t.slug, 'senha-promo-1');
      const updated = await http(app).patch(`/api/users/${u.id}`).set(as('admin')).send({ role: 'manager', jobTitle: 'Gerente regional' }).expect(200);
      expect(updated.body).toMatchObject({ role: 'manager', jobTitle: 'Gerente regional' });
      expect((await platform('promovida@lima.test'))[0].papel).toBe('manager');
      // the access token in hand keeps its role until it is renewed
      await http(app).post('/api/teams').set(bearer(before.accessToken)).send({ name: 'Ainda não' }).expect(403);
      const refreshed = await http(app).post('/api/auth/refresh').send({ refreshToken: before.refreshToken }).expect(200);
      expect(refreshed.body.role).toBe('manager');
      await http(app).post('/api/teams').set(bearer(refreshed.body.accessToken)).send({ name: 'Equipe da promovida' }).expect(201);
      expect((await login(app, 'promovida@lima.test', t.slug, 'senha-promo-1')).role).toBe('manager');
      const history = await http(app).get(`/api/users/${u.id}/history`).set(as('manager')).expect(200);
      expect(history.body.items.map((i: { field: string | null }) => i.field ?? '(convite)').sort()).toEqual(['(convite)', 'jobTitle', 'role']);
    });

    it('deactivation blocks login and refresh in this tenant only; reactivation lets the user back in', async () => {
      const email = `salessouth@${other.slug.replace(/_/g, '-')}.test`;
      await invite({ email, name: 'Dupla', role: 'sales' }).expect(201);
      const session = await login(app, email, t.slug);
      const u = other.users.salesSouth;
      const off = await http(app).post(`/api/users/${u.id}/deactivate`).set(as('admin')).expect(200);
      expect(off.body.active).toBe(false);
      expect(await loginStatus(email, t.slug)).toBe(401);
      await http(app).post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
      expect(await loginStatus(email, other.slug)).toBe(200);
      expect((await platform(email)).find((m) => m.tenant_id === t.id)!.ativo).toBe(false);
      expect((await t.sql<{ ativo: boolean }>('SELECT ativo FROM tb_usuario WHERE id = $1', [u.id]))[0].ativo).toBe(false);
      const inactive = await http(app).get('/api/users?active=false&fields=id').set(as('manager')).expect(200);
      expect(inactive.body.items).toEqual([{ id: u.id }]);
      // an inactive user cannot own new records
      const owned = await http(app).post('/api/contacts').set(as('admin')).send({ name: 'X', ownerId: u.id }).expect(400);
      expect(owned.body.code).toBe('INVALID_REFERENCE');

      expect((await http(app).post(`/api/users/${u.id}/reactivate`).set(as('admin')).expect(200)).body.active).toBe(true);
      expect(await loginStatus(email, t.slug)).toBe(200);
    });

    it('the last active tenant admin can be neither demoted nor deactivated; two admins demoting each other: one wins', async () => {
      const admin = t.users.admin.id;
      const demote = await http(app).patch(`/api/users/${admin}`).set(as('admin')).send({ role: 'manager' }).expect(409);
      expect(demote.body.code).toBe('LAST_TENANT_ADMIN');
      expect((await http(app).post(`/api/users/${admin}/deactivate`).set(as('admin')).expect(409)).body.code).toBe('LAST_TENANT_ADMIN');
      // renaming the last admin is fine
      await http(app).patch(`/api/users/${admin}`).set(as('admin')).send({ name: 'Administradora' }).expect(200);

      const second = (await invite({ email: 'admin2@lima.test', name: 'Admin 2', role: 'tenant_admin', password: 'senha-admin-2' }).expect(201)).body.user;
      const secondToken = (await login(app, 'admin2@lima.test', t.slug, 'senha-admin-2')).accessToken;
      const results = await Promise.all([
        http(app).patch(`/api/users/${second.id}`).set(as('admin')).send({ role: 'sales' }),
        http(app).patch(`/api/users/${admin}`).set(bearer(secondToken)).send({ role: 'sales' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const admins = await db.admin().then((c) =>
        c.query("SELECT count(*)::int AS n FROM tenant_admin.tb_membro WHERE tenant_id = $1 AND papel = 'tenant_admin' AND ativo", [t.id]),
      );
      expect(admins.rows[0].n).toBe(1);
      // put things back for the other tests: whoever is still admin promotes the other
      const winner = results[0].status === 200 ? t.users.admin.token : secondToken;
      const demoted = results[0].status === 200 ? second.id : admin;
      await http(app).patch(`/api/users/${demoted}`).set(bearer(winner)).send({ role: 'tenant_admin' }).expect(200);
    });
  });

  describe('isolation and roles', () => {
    it('another tenant never sees this tenant’s users', async () => {
      const mine = (await invite({ email: 'so-daqui@lima.test', name: 'Só Daqui', role: 'sales', password: 'senha-daqui-1' }).expect(201)).body.user;
      const list = await http(app).get('/api/users?limit=200').set(as('admin', other)).expect(200);
      expect(JSON.stringify(list.body)).not.toContain('so-daqui@lima.test');
      expect((await http(app).get(`/api/users/${mine.id}`).set(as('admin', other)).expect(404)).body.code).toBe('USER_NOT_FOUND');
      await http(app).patch(`/api/users/${mine.id}`).set(as('admin', other)).send({ role: 'manager' }).expect(404);
      await http(app).post(`/api/users/${mine.id}/deactivate`).set(as('admin', other)).expect(404);
      expect(await loginStatus('so-daqui@lima.test', other.slug, 'senha-daqui-1')).toBe(401);
      // the other tenant's admin cannot pull the account in by setting a password
      expect((await http(app).post('/api/users').set(as('admin', other)).send({ email: 'so-daqui@lima.test', name: 'x', role: 'sales', password: 'roubada-123' }).expect(409)).body.code).toBe(
        'ACCOUNT_EXISTS',
      );
    });

    it('every role reads users; only tenant admins (logged in, not API tokens) manage them', async () => {
      for (const user of ['analyst', 'salesSouth', 'manager'] as const) {
        await http(app).get('/api/users').set(as(user)).expect(200);
        expect((await invite({ email: `por-${user}@lima.test`, name: 'x', role: 'sales' }, user).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
        await http(app).post(`/api/users/${t.users.analyst.id}/deactivate`).set(as(user)).expect(403);
      }
      const token = await http(app).post('/api/tokens').set(as('admin')).send({ name: 'admin', role: 'tenant_admin' }).expect(201);
      await http(app).get('/api/users').set(bearer(token.body.token)).expect(200);
      expect((await http(app).post('/api/users').set(bearer(token.body.token)).send({ email: 'tok@lima.test', name: 'x', role: 'sales' }).expect(403)).body.code).toBe(
        'USER_SESSION_REQUIRED',
      );
      expect((await http(app).get('/api/users/00000000-0000-4000-8000-000000000000').set(as('admin')).expect(404)).body.code).toBe('USER_NOT_FOUND');
    });
  });
});
