import { INestApplication } from '@nestjs/common';
import { http, startApp } from './support/auth-helpers';
import { bearer, CrmTenant, CrmUser, setupCrmTenant } from './support/crm-fixtures';
import { createTestDb, TestDb } from './support/test-db';

const MISSING = '00000000-0000-4000-8000-000000000000';

interface TimelineBody {
  items: { kind: 'activity' | 'note'; at: string; activity?: { id: string; subject: string }; note?: { id: string; content: string } }[];
  nextCursor: string | null;
}

describe('notes and timelines API (real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let t: CrmTenant;
  const as = (user: CrmUser) => bearer(t.users[user].token);
  const note = (body: object, user: CrmUser = 'admin') => http(app).post('/api/notes').set(as(user)).send(body);
  const activity = (body: object, user: CrmUser = 'admin') => http(app).post('/api/activities').set(as(user)).send({ type: 'ligacao', ...body });
  const contact = async (body: object, user: CrmUser = 'admin') => (await http(app).post('/api/contacts').set(as(user)).send(body).expect(201)).body;
  const audit = (id: string) =>
    t.sql<{ acao: string; campo: string | null }>("SELECT acao, campo FROM tb_auditoria WHERE entidade = 'tb_nota' AND registro_id = $1 ORDER BY ocorrido_em, acao, campo", [id]);
  /** Every item of a timeline, walking the cursor; labels are the subject or content. */
  const walk = async (path: string, user: CrmUser, limit = 2): Promise<string[]> => {
    const labels: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: TimelineBody } = await http(app)
        .get(`${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)
        .set(as(user))
        .expect(200);
      labels.push(...res.body.items.map((i) => (i.kind === 'activity' ? i.activity!.subject : i.note!.content)));
      cursor = res.body.nextCursor;
    } while (cursor);
    return labels;
  };

  beforeAll(async () => {
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000' });
    app = await startApp(db);
    t = await setupCrmTenant(app, db, 'crm_notas');
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('notes', () => {
    it('creates, reads, updates (version in body or If-Match), deletes and restores a note, all audited', async () => {
      const c = await contact({ name: 'Cliente Nota' });
      const created = await note({ content: '  Prefere **WhatsApp** ', contactId: c.id, pinned: true }).expect(201);
      expect(created.headers.etag).toBe('"1"');
      expect(created.body).toMatchObject({ content: 'Prefere **WhatsApp**', pinned: true, contactId: c.id, companyId: null, ownerId: t.users.admin.id, version: 1 });
      expect((await http(app).get(`/api/notes/${created.body.id}`).set(as('analyst')).expect(200)).body).toEqual(created.body);
      const id = created.body.id;
      const v2 = await http(app).patch(`/api/notes/${id}`).set(as('manager')).send({ version: 1, content: 'Prefere ligação' }).expect(200);
      expect(v2.body).toMatchObject({ content: 'Prefere ligação', version: 2 });
      await http(app).patch(`/api/notes/${id}`).set(as('manager')).set('If-Match', '"2"').send({ pinned: false }).expect(200);
      expect((await http(app).patch(`/api/notes/${id}`).set(as('manager')).send({ version: 2, pinned: true }).expect(409)).body).toMatchObject({
        code: 'VERSION_CONFLICT',
        details: { currentVersion: 3 },
      });
      expect((await http(app).patch(`/api/notes/${id}`).set(as('manager')).send({ pinned: true }).expect(428)).body.code).toBe('VERSION_REQUIRED');
      await http(app).delete(`/api/notes/${id}`).set(as('admin')).expect(204);
      expect((await http(app).get(`/api/notes/${id}`).set(as('admin')).expect(404)).body.code).toBe('NOTE_NOT_FOUND');
      expect((await http(app).post(`/api/notes/${id}/restore`).set(as('admin')).expect(200)).body).toMatchObject({ deletedAt: null, version: 5 });
      expect((await http(app).post(`/api/notes/${id}/restore`).set(as('admin')).expect(409)).body.code).toBe('NOT_DELETED');
      expect((await audit(id)).map((r) => [r.acao, r.campo])).toEqual([
        ['criar', null],
        ['atualizar', 'conteudo'],
        ['atualizar', 'fixada'],
        ['excluir', 'excluido_em'],
        ['restaurar', 'excluido_em'],
      ]);
      const history = await http(app).get(`/api/notes/${id}/history`).set(as('analyst')).expect(200);
      expect(history.body.items).toHaveLength(5);
      for (const req of [
        http(app).get(`/api/notes/${MISSING}`),
        http(app).patch(`/api/notes/${MISSING}`).send({ version: 1, content: 'x' }),
        http(app).delete(`/api/notes/${MISSING}`),
        http(app).post(`/api/notes/${MISSING}/restore`),
        http(app).get(`/api/notes/${MISSING}/history`),
      ]) {
        expect((await req.set(as('admin'))).body.code).toBe('NOTE_NOT_FOUND');
      }
    });

    it('names each bad field; a note must stay linked to a contact, company or deal', async () => {
      const bad = await note({ content: '', pinned: 'sim', contactId: 'x', extra: 1 }).expect(400);
      expect([...new Set(bad.body.details.fields.map((f: { field: string }) => f.field))].sort()).toEqual(['contactId', 'content', 'extra', 'pinned']);
      const unlinked = await note({ content: 'solta' }).expect(400);
      expect(unlinked.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['contactId', 'companyId', 'opportunityId']);
      const refs = await note({ content: 'x', companyId: MISSING, opportunityId: MISSING }).expect(400);
      expect(refs.body).toMatchObject({ code: 'INVALID_REFERENCE' });
      expect(refs.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['companyId', 'opportunityId']);
      const c = await contact({ name: 'Desligar' });
      const n = (await note({ content: 'x', contactId: c.id }).expect(201)).body;
      await http(app).patch(`/api/notes/${n.id}`).set(as('admin')).send({ version: 1, contactId: null }).expect(400);
    });

    it('lists by record, pinned and owner; analysts cannot write', async () => {
      const c = await contact({ name: 'Lista de notas', ownerId: null });
      const a = (await note({ content: 'A', contactId: c.id }, 'salesNorth').expect(201)).body;
      const b = (await note({ content: 'B', contactId: c.id, pinned: true }).expect(201)).body;
      const ids = async (q: string, user: CrmUser = 'admin') => (await http(app).get(`/api/notes?contactId=${c.id}&${q}`).set(as(user)).expect(200)).body.items.map((i: { id: string }) => i.id);
      expect(await ids('')).toEqual([b.id, a.id]);
      expect(await ids('sort=createdAt')).toEqual([a.id, b.id]);
      expect(await ids('pinned=true')).toEqual([b.id]);
      expect(await ids('owner=me', 'salesNorth')).toEqual([a.id]);
      await note({ content: 'x', contactId: c.id }, 'analyst').expect(403);
    });
  });

  describe('timelines', () => {
    it('merges a contact’s activities and notes, newest first; the cursor walks every item once', async () => {
      const c = await contact({ name: 'Linha do tempo' });
      const other = await contact({ name: 'Outro contato' });
      const labels: string[] = [];
      for (let i = 1; i <= 7; i++) {
        const label = `item ${i}`;
        if (i % 3 === 0) await note({ content: label, contactId: c.id }).expect(201);
        else await activity({ subject: label, contactId: c.id }).expect(201);
        labels.push(label);
      }
      await activity({ subject: 'de outro contato', contactId: other.id }).expect(201);
      const gone = (await note({ content: 'apagada', contactId: c.id }).expect(201)).body;
      await http(app).delete(`/api/notes/${gone.id}`).set(as('admin')).expect(204);

      const expected = [...labels].reverse();
      expect(await walk(`/api/contacts/${c.id}/timeline`, 'admin')).toEqual(expected);
      expect(await walk(`/api/contacts/${c.id}/timeline`, 'admin', 200)).toEqual(expected);
      expect(await walk(`/api/contacts/${c.id}/timeline?kind=note`, 'admin', 1)).toEqual(['item 6', 'item 3']);
      const first = await http(app).get(`/api/contacts/${c.id}/timeline?limit=1`).set(as('admin')).expect(200);
      expect(first.body.items[0]).toMatchObject({ kind: 'activity', activity: { subject: 'item 7', type: 'ligacao', contactId: c.id } });
      expect(first.body.items[0].at).toBe(first.body.items[0].activity.createdAt);
    });

    it('serves companies and deals too, and answers 400/404 like the lists', async () => {
      const company = (await http(app).post('/api/companies').set(as('admin')).send({ legalName: 'Atacadão do Vale Ltda' }).expect(201)).body;
      await activity({ subject: 'visita à empresa', companyId: company.id }).expect(201);
      await note({ content: 'nota da empresa', companyId: company.id }).expect(201);
      expect(await walk(`/api/companies/${company.id}/timeline`, 'manager')).toEqual(['nota da empresa', 'visita à empresa']);

      const [stage] = await t.sql<{ funil_id: string; id: string }>("SELECT funil_id, id FROM tb_etapa WHERE tipo = 'aberto' ORDER BY ordem LIMIT 1");
      const [deal] = await t.sql<{ id: string }>('INSERT INTO tb_oportunidade (titulo, funil_id, etapa_id) VALUES ($1, $2, $3) RETURNING id', ['Pedido', stage.funil_id, stage.id]);
      await note({ content: 'nota do negócio', opportunityId: deal.id }).expect(201);
      await activity({ subject: 'reunião do negócio', opportunityId: deal.id }).expect(201);
      expect(await walk(`/api/opportunities/${deal.id}/timeline`, 'manager')).toEqual(['reunião do negócio', 'nota do negócio']);

      expect((await http(app).get(`/api/contacts/${MISSING}/timeline`).set(as('admin')).expect(404)).body.code).toBe('CONTACT_NOT_FOUND');
      expect((await http(app).get(`/api/companies/${MISSING}/timeline`).set(as('admin')).expect(404)).body.code).toBe('COMPANY_NOT_FOUND');
      expect((await http(app).get(`/api/opportunities/${MISSING}/timeline`).set(as('admin')).expect(404)).body.code).toBe('OPPORTUNITY_NOT_FOUND');
      expect((await http(app).get(`/api/companies/${company.id}/timeline?sort=x`).set(as('admin')).expect(400)).body).toMatchObject({
        code: 'INVALID_FILTER',
        details: { allowed: ['kind', 'limit', 'cursor'] },
      });
      expect((await http(app).get(`/api/companies/${company.id}/timeline?cursor=abc`).set(as('admin')).expect(400)).body.code).toBe('INVALID_CURSOR');
      expect((await http(app).get(`/api/companies/${company.id}/timeline?kind=email`).set(as('admin')).expect(400)).body.code).toBe('INVALID_FILTER_VALUE');
      expect((await http(app).get(`/api/companies/${company.id}/timeline?limit=0`).set(as('admin')).expect(400)).body.code).toBe('INVALID_LIMIT');
      expect((await http(app).get('/api/companies/abc/timeline').set(as('admin')).expect(400)).body.code).toBe('INVALID_ID');
    });
  });

  describe('ownership: a seller never sees another team’s activities or notes', () => {
    let pool: { id: string };
    let southNote: { id: string };
    let southActivity: { id: string };
    let southContact: { id: string };

    beforeAll(async () => {
      // An unassigned contact both teams can see, with each team's notes and activities on it.
      pool = await contact({ name: 'Cliente do pool', ownerId: null }, 'manager');
      await activity({ subject: 'Norte: ligação', contactId: pool.id }, 'salesNorth').expect(201);
      await note({ content: 'Norte: nota', contactId: pool.id }, 'salesNorth2').expect(201);
      southActivity = (await activity({ subject: 'Sul: visita', contactId: pool.id }, 'salesSouth').expect(201)).body;
      southNote = (await note({ content: 'Sul: nota', contactId: pool.id }, 'salesSouth').expect(201)).body;
      southContact = await contact({ name: 'Cliente do Sul' }, 'salesSouth');
      await note({ content: 'Sul: nota do cliente', contactId: southContact.id }, 'salesSouth').expect(201);
    });

    it('timeline: each team sees its own items on a shared record; a manager sees all', async () => {
      expect(await walk(`/api/contacts/${pool.id}/timeline`, 'salesNorth')).toEqual(['Norte: nota', 'Norte: ligação']);
      expect(await walk(`/api/contacts/${pool.id}/timeline`, 'salesSouth')).toEqual(['Sul: nota', 'Sul: visita']);
      expect(await walk(`/api/contacts/${pool.id}/timeline`, 'manager')).toEqual(['Sul: nota', 'Sul: visita', 'Norte: nota', 'Norte: ligação']);
      // another team's record has no timeline for them, exactly like a missing one
      const hidden = await http(app).get(`/api/contacts/${southContact.id}/timeline`).set(as('salesNorth')).expect(404);
      const absent = await http(app).get(`/api/contacts/${MISSING}/timeline`).set(as('salesNorth')).expect(404);
      expect({ ...hidden.body, requestId: null, details: null }).toEqual({ ...absent.body, requestId: null, details: null });
    });

    it('lists and detail: nothing of the other team, not even by filtering on it', async () => {
      const notes = await http(app).get(`/api/notes?contactId=${pool.id}&includeTotal=true`).set(as('salesNorth')).expect(200);
      expect(notes.body.items.map((n: { content: string }) => n.content)).toEqual(['Norte: nota']);
      expect(notes.body.total).toBe(1);
      const forced = await http(app).get(`/api/notes?ownerId=${t.users.salesSouth.id}&includeTotal=true`).set(as('salesNorth')).expect(200);
      expect(forced.body).toEqual({ items: [], nextCursor: null, total: 0 });
      const activities = await http(app).get(`/api/activities?contactId=${pool.id}`).set(as('salesNorth')).expect(200);
      expect(activities.body.items.map((a: { subject: string }) => a.subject)).toEqual(['Norte: ligação']);
      for (const [path, code] of [
        [`/api/notes/${southNote.id}`, 'NOTE_NOT_FOUND'],
        [`/api/notes/${southNote.id}/history`, 'NOTE_NOT_FOUND'],
        [`/api/activities/${southActivity.id}`, 'ACTIVITY_NOT_FOUND'],
      ]) {
        expect((await http(app).get(path).set(as('salesNorth')).expect(404)).body.code).toBe(code);
      }
      await http(app).patch(`/api/notes/${southNote.id}`).set(as('salesNorth')).send({ version: 1, content: 'x' }).expect(404);
      await http(app).delete(`/api/notes/${southNote.id}`).set(as('salesNorth')).expect(404);
      // and a seller cannot attach a note to a record they cannot see
      const link = await note({ content: 'x', contactId: southContact.id }, 'salesNorth').expect(400);
      expect(link.body).toMatchObject({ code: 'INVALID_REFERENCE', details: { fields: [{ field: 'contactId' }] } });
    });
  });
});
