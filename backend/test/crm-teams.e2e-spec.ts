import { INestApplication } from '@nestjs/common';
import { http, startApp } from './support/auth-helpers';
import { bearer, CrmTenant, CrmUser, setupCrmTenant } from './support/crm-fixtures';
import { createTestDb, TestDb } from './support/test-db';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('teams and tags API (real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let t: CrmTenant;
  const as = (user: CrmUser) => bearer(t.users[user].token);
  const audit = (entity: string, id: string) =>
    t.sql<{ acao: string; campo: string | null; valor_anterior: unknown; valor_novo: unknown; usuario_id: string | null }>(
      'SELECT acao, campo, valor_anterior, valor_novo, usuario_id FROM tb_auditoria WHERE entidade = $1 AND registro_id = $2 ORDER BY ocorrido_em, acao, campo',
      [entity, id],
    );

  beforeAll(async () => {
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000' });
    app = await startApp(db);
    t = await setupCrmTenant(app, db, 'crm_equipes');
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('teams', () => {
    it('creates a team with a manager and members (moved from their team, audited on each user), reads and updates it', async () => {
      const res = await http(app)
        .post('/api/teams')
        .set(as('manager'))
        .send({ name: ' Centro-Oeste ', managerId: t.users.manager.id, memberIds: [t.users.analyst.id, t.users.salesNorth2.id] })
        .expect(201);
      expect(res.body).toMatchObject({ name: 'Centro-Oeste', managerId: t.users.manager.id, active: true, deletedAt: null });
      expect([...res.body.memberIds].sort()).toEqual([t.users.analyst.id, t.users.salesNorth2.id].sort());
      expect((await http(app).get(`/api/teams/${res.body.id}`).set(as('salesSouth')).expect(200)).body).toEqual(res.body);
      expect((await http(app).get(`/api/users/${t.users.salesNorth2.id}`).set(as('admin')).expect(200)).body.teamId).toBe(res.body.id);
      expect((await audit('tb_equipe', res.body.id)).map((r) => r.acao)).toEqual(['criar']);
      expect(await audit('tb_usuario', t.users.salesNorth2.id)).toEqual([
        { acao: 'atualizar', campo: 'equipe_id', valor_anterior: t.teams.north, valor_novo: res.body.id, usuario_id: t.users.manager.id },
      ]);

      const upd = await http(app).patch(`/api/teams/${res.body.id}`).set(as('admin')).send({ name: 'Centro-Oeste II', description: 'Goiás e DF', managerId: null }).expect(200);
      expect(upd.body).toMatchObject({ name: 'Centro-Oeste II', description: 'Goiás e DF', managerId: null });
      expect((await audit('tb_equipe', res.body.id)).filter((r) => r.acao === 'atualizar').map((r) => r.campo).sort()).toEqual(['descricao', 'gestor_id', 'nome']);
      // back where the fixtures had them
      await http(app).post(`/api/teams/${t.teams.north}/members`).set(as('manager')).send({ userId: t.users.salesNorth2.id }).expect(200);
      await http(app).delete(`/api/teams/${res.body.id}/members/${t.users.analyst.id}`).set(as('manager')).expect(200);
    });

    it('names each bad field and unresolved references', async () => {
      const bad = await http(app).post('/api/teams').set(as('admin')).send({ name: '', managerId: 'x', memberIds: ['y'], color: 'azul' }).expect(400);
      expect([...new Set(bad.body.details.fields.map((f: { field: string }) => f.field))].sort()).toEqual(['color', 'managerId', 'memberIds', 'name']);
      const refs = await http(app).post('/api/teams').set(as('admin')).send({ name: 'X', managerId: MISSING, memberIds: [MISSING] }).expect(400);
      expect(refs.body.code).toBe('INVALID_REFERENCE');
      expect(refs.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['managerId', 'memberIds']);
    });

    it('moving a seller into a team changes what they see (ownership is the team)', async () => {
      const north = (await http(app).post('/api/contacts').set(as('salesNorth')).send({ name: 'Carteira do Norte' }).expect(201)).body;
      await http(app).get(`/api/contacts/${north.id}`).set(as('salesSouth')).expect(404);
      const team = await http(app).post(`/api/teams/${t.teams.north}/members`).set(as('manager')).send({ userId: t.users.salesSouth.id }).expect(200);
      expect(team.body.memberIds).toContain(t.users.salesSouth.id);
      await http(app).get(`/api/contacts/${north.id}`).set(as('salesSouth')).expect(200);
      await http(app).delete(`/api/teams/${t.teams.north}/members/${t.users.salesSouth.id}`).set(as('manager')).expect(200);
      await http(app).get(`/api/contacts/${north.id}`).set(as('salesSouth')).expect(404);
      await http(app).post(`/api/teams/${t.teams.south}/members`).set(as('manager')).send({ userId: t.users.salesSouth.id }).expect(200);
      const notMember = await http(app).delete(`/api/teams/${t.teams.north}/members/${t.users.salesSouth.id}`).set(as('manager')).expect(404);
      expect(notMember.body.code).toBe('TEAM_MEMBER_NOT_FOUND');
      const inactiveOrMissing = await http(app).post(`/api/teams/${t.teams.north}/members`).set(as('manager')).send({ userId: MISSING }).expect(400);
      expect(inactiveOrMissing.body).toMatchObject({ code: 'INVALID_REFERENCE', details: { fields: [{ field: 'userId' }] } });
    });

    it('deletes only an empty team, restores it, audits both; 404 for unknown ids', async () => {
      const full = await http(app).delete(`/api/teams/${t.teams.north}`).set(as('admin')).expect(409);
      expect(full.body).toMatchObject({ code: 'TEAM_NOT_EMPTY', details: { memberCount: 2 } });
      const team = (await http(app).post('/api/teams').set(as('admin')).send({ name: 'Temporária' }).expect(201)).body;
      await http(app).delete(`/api/teams/${team.id}`).set(as('admin')).expect(204);
      expect((await http(app).get(`/api/teams/${team.id}`).set(as('admin')).expect(404)).body.code).toBe('TEAM_NOT_FOUND');
      expect((await http(app).get('/api/teams?deleted=only&fields=id,name').set(as('admin')).expect(200)).body.items).toEqual([{ id: team.id, name: 'Temporária' }]);
      expect((await http(app).post(`/api/teams/${team.id}/restore`).set(as('admin')).expect(200)).body.deletedAt).toBeNull();
      expect((await http(app).post(`/api/teams/${team.id}/restore`).set(as('admin')).expect(409)).body.code).toBe('NOT_DELETED');
      expect((await audit('tb_equipe', team.id)).map((r) => r.acao)).toEqual(['criar', 'excluir', 'restaurar']);
      for (const req of [
        http(app).get(`/api/teams/${MISSING}`),
        http(app).patch(`/api/teams/${MISSING}`).send({ name: 'x' }),
        http(app).delete(`/api/teams/${MISSING}`),
        http(app).post(`/api/teams/${MISSING}/members`).send({ userId: t.users.analyst.id }),
      ]) {
        expect((await req.set(as('admin'))).body.code).toBe('TEAM_NOT_FOUND');
      }
    });

    it('every role reads teams; tenant admins and managers manage them', async () => {
      const list = await http(app).get('/api/teams?sort=name&fields=name').set(as('analyst')).expect(200);
      expect(list.body.items.map((i: { name: string }) => i.name)).toEqual(expect.arrayContaining(['Norte', 'Sul']));
      expect((await http(app).post('/api/teams').set(as('salesNorth')).send({ name: 'x' }).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
      await http(app).post(`/api/teams/${t.teams.north}/members`).set(as('salesNorth')).send({ userId: t.users.salesNorth.id }).expect(403);
      await http(app).patch(`/api/teams/${t.teams.north}`).set(as('analyst')).send({ name: 'x' }).expect(403);
    });
  });

  describe('tags', () => {
    it('creates tags with unique names (ignoring case), renames, deletes, restores — 409 on a taken name, audited', async () => {
      const vip = (await http(app).post('/api/tags').set(as('salesNorth')).send({ name: 'VIP', color: '#E53935' }).expect(201)).body;
      expect(vip).toMatchObject({ name: 'VIP', color: '#E53935', usageCount: 0, deletedAt: null });
      const dup = await http(app).post('/api/tags').set(as('admin')).send({ name: ' vip ' }).expect(409);
      expect(dup.body).toMatchObject({ code: 'DUPLICATE_TAG', details: { field: 'name', existingId: vip.id } });
      const bad = await http(app).post('/api/tags').set(as('admin')).send({ name: '', color: 'vermelho' }).expect(400);
      expect(bad.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['color', 'name']);

      const atacado = (await http(app).post('/api/tags').set(as('admin')).send({ name: 'Atacado' }).expect(201)).body;
      expect((await http(app).patch(`/api/tags/${atacado.id}`).set(as('manager')).send({ name: 'VIP' }).expect(409)).body.code).toBe('DUPLICATE_TAG');
      const renamed = await http(app).patch(`/api/tags/${atacado.id}`).set(as('manager')).send({ name: 'Atacarejo', description: 'Cash & carry' }).expect(200);
      expect(renamed.body).toMatchObject({ name: 'Atacarejo', description: 'Cash & carry' });

      await http(app).delete(`/api/tags/${atacado.id}`).set(as('manager')).expect(204);
      await http(app).get(`/api/tags/${atacado.id}`).set(as('manager')).expect(404);
      // the name is free again; the deleted one cannot come back over it
      const reused = (await http(app).post('/api/tags').set(as('admin')).send({ name: 'atacarejo' }).expect(201)).body;
      const blocked = await http(app).post(`/api/tags/${atacado.id}/restore`).set(as('admin')).expect(409);
      expect(blocked.body).toMatchObject({ code: 'DUPLICATE_TAG', details: { existingId: reused.id } });
      await http(app).delete(`/api/tags/${reused.id}`).set(as('admin')).expect(204);
      expect((await http(app).post(`/api/tags/${atacado.id}/restore`).set(as('admin')).expect(200)).body.deletedAt).toBeNull();
      expect((await audit('tb_tag', atacado.id)).map((r) => [r.acao, r.campo])).toEqual([
        ['criar', null],
        ['atualizar', 'descricao'],
        ['atualizar', 'nome'],
        ['excluir', 'excluido_em'],
        ['restaurar', 'excluido_em'],
      ]);
      expect((await http(app).get(`/api/tags/${MISSING}`).set(as('admin')).expect(404)).body.code).toBe('TAG_NOT_FOUND');
      expect((await http(app).get('/api/tags?name=vip&fields=id').set(as('analyst')).expect(200)).body.items).toEqual([{ id: vip.id }]);
    });

    it('attaches and detaches a tag on a contact: a new version of the contact, audited on it; idempotent', async () => {
      const tag = (await http(app).post('/api/tags').set(as('admin')).send({ name: 'Feira 2025' }).expect(201)).body;
      const c = (await http(app).post('/api/contacts').set(as('salesNorth')).send({ name: 'Etiquetado', tags: ['existente'] }).expect(201)).body;
      const on = await http(app).post(`/api/tags/${tag.id}/attach`).set(as('salesNorth')).send({ contactId: c.id }).expect(200);
      expect(on.body).toEqual({ recordType: 'contact', recordId: c.id, tags: ['existente', 'Feira 2025'], version: 2 });
      expect((await http(app).get(`/api/contacts/${c.id}`).set(as('salesNorth')).expect(200)).body).toMatchObject({ tags: ['existente', 'Feira 2025'], version: 2 });
      expect((await http(app).post(`/api/tags/${tag.id}/attach`).set(as('salesNorth')).send({ contactId: c.id }).expect(200)).body.version).toBe(2);
      expect((await http(app).get(`/api/tags/${tag.id}`).set(as('salesNorth')).expect(200)).body.usageCount).toBe(1);
      // a seller of another team does not count (or see) it
      expect((await http(app).get(`/api/tags/${tag.id}`).set(as('salesSouth')).expect(200)).body.usageCount).toBe(0);

      const off = await http(app).post(`/api/tags/${tag.id}/detach`).set(as('salesNorth')).send({ contactId: c.id }).expect(200);
      expect(off.body).toMatchObject({ tags: ['existente'], version: 3 });
      const rows = (await audit('tb_contato', c.id)).filter((r) => r.campo === 'tags');
      expect(rows.map((r) => [r.valor_anterior, r.valor_novo])).toEqual([
        [['existente'], ['existente', 'Feira 2025']],
        [['existente', 'Feira 2025'], ['existente']],
      ]);
      // the history of the contact reads them as its tags field
      const history = await http(app).get(`/api/contacts/${c.id}/history?fields=field`).set(as('salesNorth')).expect(200);
      expect(history.body.items.filter((i: { field: string }) => i.field === 'tags')).toHaveLength(2);
    });

    it('tags companies too; refuses zero or two targets, unknown tags, and records the caller cannot see', async () => {
      const tag = (await http(app).post('/api/tags').set(as('admin')).send({ name: 'Rede' }).expect(201)).body;
      const company = (await http(app).post('/api/companies').set(as('admin')).send({ legalName: 'Rede Boa Compra Ltda' }).expect(201)).body;
      expect((await http(app).post(`/api/tags/${tag.id}/attach`).set(as('admin')).send({ companyId: company.id }).expect(200)).body).toMatchObject({
        recordType: 'company',
        tags: ['Rede'],
      });
      const two = await http(app).post(`/api/tags/${tag.id}/attach`).set(as('admin')).send({ companyId: company.id, contactId: company.id }).expect(400);
      expect(two.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['contactId', 'companyId', 'opportunityId']);
      await http(app).post(`/api/tags/${tag.id}/attach`).set(as('admin')).send({}).expect(400);
      expect((await http(app).post(`/api/tags/${MISSING}/attach`).set(as('admin')).send({ companyId: company.id }).expect(404)).body.code).toBe('TAG_NOT_FOUND');
      const south = (await http(app).post('/api/contacts').set(as('salesSouth')).send({ name: 'Do Sul' }).expect(201)).body;
      expect((await http(app).post(`/api/tags/${tag.id}/attach`).set(as('salesNorth')).send({ contactId: south.id }).expect(404)).body.code).toBe('CONTACT_NOT_FOUND');
    });

    it('sellers create and attach tags; only tenant admins and managers rename or delete them', async () => {
      const tag = (await http(app).post('/api/tags').set(as('salesSouth')).send({ name: 'Do vendedor' }).expect(201)).body;
      await http(app).patch(`/api/tags/${tag.id}`).set(as('salesSouth')).send({ name: 'x' }).expect(403);
      await http(app).delete(`/api/tags/${tag.id}`).set(as('salesSouth')).expect(403);
      await http(app).post('/api/tags').set(as('analyst')).send({ name: 'x' }).expect(403);
      await http(app).get('/api/tags').set(as('analyst')).expect(200);
    });
  });
});
