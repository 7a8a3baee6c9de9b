import { INestApplication } from '@nestjs/common';
import { http, startApp } from './support/auth-helpers';
import { bearer, CrmTenant, CrmUser, setupCrmTenant, tenantClient } from './support/crm-fixtures';
import { createTestDb, TestDb } from './support/test-db';

interface Competitor {
  id: string;
  name: string;
  active: boolean;
  deletedAt: string | null;
  [key: string]: unknown;
}
interface Link {
  id: string;
  competitorId: string;
  competitorName: string | null;
  competitorPrice: number | null;
  winner: boolean;
  notes: string | null;
}

describe('competitors API (real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let t: CrmTenant;
  let other: CrmTenant;
  const as = (user: CrmUser, tenant: CrmTenant = t) => bearer(tenant.users[user].token);
  const missing = '00000000-0000-4000-8000-000000000000';
  const fieldsOf = (body: { details: { fields: { field: string }[] } }) => [...new Set(body.details.fields.map((f) => f.field))].sort();
  const competitor = async (body: object, user: CrmUser = 'admin'): Promise<Competitor> =>
    (await http(app).post('/api/competitors').set(as(user)).send(body).expect(201)).body;
  const deal = async (title: string, user: CrmUser = 'admin'): Promise<{ id: string; version: number }> =>
    (await http(app).post('/api/opportunities').set(as(user)).send({ title }).expect(201)).body;
  const links = (dealId: string, user: CrmUser = 'admin') => http(app).get(`/api/opportunities/${dealId}/competitors`).set(as(user));
  const link = (dealId: string, body: object, user: CrmUser = 'admin') => http(app).post(`/api/opportunities/${dealId}/competitors`).set(as(user)).send(body);
  const audit = (entity: string, id: string) =>
    t.sql<{ acao: string; campo: string | null; valor_anterior: unknown; valor_novo: unknown; usuario_id: string | null }>(
      'SELECT acao, campo, valor_anterior, valor_novo, usuario_id FROM tb_auditoria WHERE entidade = $1 AND registro_id = $2 ORDER BY ocorrido_em, campo',
      [entity, id],
    );

  beforeAll(async () => {
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000' });
    app = await startApp(db);
    t = await setupCrmTenant(app, db, 'crm_concorrentes');
    other = await setupCrmTenant(app, db, 'crm_concorrentes_outro');
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('/api/competitors', () => {
    it('creates, reads, updates (last write wins), audits; every role reads, only admins and managers write', async () => {
      const created = await http(app)
        .post('/api/competitors')
        .set(as('manager'))
        .send({ name: '  Distribuidora Paulista ', website: 'https://paulista.com.br', strengths: 'Preço', weaknesses: '  ' })
        .expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: 'Distribuidora Paulista',
        website: 'https://paulista.com.br',
        strengths: 'Preço',
        weaknesses: null,
        active: true,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        deletedAt: null,
      });
      const id = created.body.id;
      for (const user of ['admin', 'manager', 'analyst', 'salesNorth'] as CrmUser[]) {
        expect((await http(app).get(`/api/competitors/${id}`).set(as(user)).expect(200)).body).toEqual(created.body);
      }
      for (const user of ['analyst', 'salesNorth'] as CrmUser[]) {
        expect((await http(app).post('/api/competitors').set(as(user)).send({ name: 'Vendedor' }).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
        await http(app).patch(`/api/competitors/${id}`).set(as(user)).send({ name: 'x' }).expect(403);
        await http(app).delete(`/api/competitors/${id}`).set(as(user)).expect(403);
        await http(app).post(`/api/competitors/${id}/restore`).set(as(user)).expect(403);
      }

      const patched = await http(app).patch(`/api/competitors/${id}`).set(as('admin')).send({ weaknesses: 'Prazo longo', website: null }).expect(200);
      expect(patched.body).toMatchObject({ name: 'Distribuidora Paulista', weaknesses: 'Prazo longo', website: null, strengths: 'Preço' });
      // nothing changed: no audit row
      await http(app).patch(`/api/competitors/${id}`).set(as('admin')).send({ weaknesses: 'Prazo longo' }).expect(200);

      const rows = await audit('tb_concorrente', id);
      expect(rows.map((r) => [r.acao, r.campo])).toEqual([
        ['criar', null],
        ['atualizar', 'pontos_fracos'],
        ['atualizar', 'site'],
      ]);
      expect(rows[0]).toMatchObject({ usuario_id: t.users.manager.id, valor_novo: expect.objectContaining({ name: 'Distribuidora Paulista', active: true }) });
      expect(rows[2]).toMatchObject({ valor_anterior: 'https://paulista.com.br', valor_novo: null, usuario_id: t.users.admin.id });
    });

    it('names each bad field (400), refuses unknown properties and null on the name', async () => {
      const res = await http(app)
        .post('/api/competitors')
        .set(as('admin'))
        .send({ name: '', website: 'paulista', active: 'sim', strengths: 7, foo: 1 })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(res.body)).toEqual(['active', 'foo', 'name', 'strengths', 'website']);
      expect(fieldsOf((await http(app).post('/api/competitors').set(as('admin')).send({}).expect(400)).body)).toEqual(['name']);
      const c = await competitor({ name: 'Validação Ltda' });
      expect(fieldsOf((await http(app).patch(`/api/competitors/${c.id}`).set(as('admin')).send({ name: null, active: null }).expect(400)).body)).toEqual([
        'active',
        'name',
      ]);
      expect((await http(app).get('/api/competitors/abc').set(as('admin')).expect(400)).body.code).toBe('INVALID_ID');
    });

    it('409 DUPLICATE_COMPETITOR with the existing id (any case), on create, rename and restore', async () => {
      const first = await competitor({ name: 'Atacadão do Norte' });
      const dup = await http(app).post('/api/competitors').set(as('admin')).send({ name: 'ATACADÃO DO NORTE' }).expect(409);
      expect(dup.body).toMatchObject({ statusCode: 409, code: 'DUPLICATE_COMPETITOR', details: { field: 'name', existingId: first.id } });
      expect(typeof dup.body.message).toBe('string');
      const second = await competitor({ name: 'Atacadão do Sul' });
      const rename = await http(app).patch(`/api/competitors/${second.id}`).set(as('admin')).send({ name: 'atacadão do norte' }).expect(409);
      expect(rename.body).toMatchObject({ code: 'DUPLICATE_COMPETITOR', details: { existingId: first.id } });
      // renaming to its own name in another case is fine
      await http(app).patch(`/api/competitors/${second.id}`).set(as('admin')).send({ name: 'ATACADÃO DO SUL' }).expect(200);

      // a deleted competitor frees its name; restoring it while the name is taken is a conflict
      await http(app).delete(`/api/competitors/${first.id}`).set(as('admin')).expect(204);
      const again = await competitor({ name: 'Atacadão do Norte' });
      const restore = await http(app).post(`/api/competitors/${first.id}/restore`).set(as('admin')).expect(409);
      expect(restore.body).toMatchObject({ code: 'DUPLICATE_COMPETITOR', details: { existingId: again.id } });
    });

    it('soft-deletes, hides, lists the trash, restores, audits both; 404 for unknown or deleted ids', async () => {
      const c = await competitor({ name: 'Apagável Comércio' });
      await http(app).delete(`/api/competitors/${c.id}`).set(as('manager')).expect(204);
      expect((await http(app).get(`/api/competitors/${c.id}`).set(as('admin')).expect(404)).body).toMatchObject({ statusCode: 404, code: 'COMPETITOR_NOT_FOUND' });
      await http(app).patch(`/api/competitors/${c.id}`).set(as('admin')).send({ name: 'x' }).expect(404);
      await http(app).delete(`/api/competitors/${c.id}`).set(as('admin')).expect(404);
      const live = await http(app).get('/api/competitors?limit=200&fields=id').set(as('admin')).expect(200);
      expect(live.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
      const trash = await http(app).get('/api/competitors?deleted=only&fields=id,name,deletedAt').set(as('admin')).expect(200);
      expect(trash.body.items).toContainEqual({ id: c.id, name: 'Apagável Comércio', deletedAt: expect.any(String) });

      const restored = await http(app).post(`/api/competitors/${c.id}/restore`).set(as('manager')).expect(200);
      expect(restored.body).toMatchObject({ id: c.id, name: 'Apagável Comércio', deletedAt: null });
      expect((await http(app).post(`/api/competitors/${c.id}/restore`).set(as('admin')).expect(409)).body.code).toBe('NOT_DELETED');
      expect((await audit('tb_concorrente', c.id)).map((r) => [r.acao, r.campo])).toEqual([
        ['criar', null],
        ['excluir', 'excluido_em'],
        ['restaurar', 'excluido_em'],
      ]);

      for (const req of [
        http(app).get(`/api/competitors/${missing}`),
        http(app).patch(`/api/competitors/${missing}`).send({ name: 'x' }),
        http(app).delete(`/api/competitors/${missing}`),
        http(app).post(`/api/competitors/${missing}/restore`),
      ]) {
        const res = await req.set(as('admin'));
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('COMPETITOR_NOT_FOUND');
      }
    });

    it('lists with ?q= (accents, case), ?active=, sort by name or createdAt, cursor and total', async () => {
      await competitor({ name: 'Hortifrúti Ipiranga' });
      await competitor({ name: 'Hortifruti Central', active: false });
      await competitor({ name: 'Laticínios Serra' });
      const q = await http(app).get('/api/competitors?q=HORTIFRUTI&sort=name&fields=id,name').set(as('salesSouth')).expect(200);
      expect(q.body.items.map((i: Competitor) => i.name)).toEqual(['Hortifruti Central', 'Hortifrúti Ipiranga']);
      const active = await http(app).get('/api/competitors?q=horti&active=true').set(as('analyst')).expect(200);
      expect(active.body.items.map((i: Competitor) => i.name)).toEqual(['Hortifrúti Ipiranga']);
      const inactive = await http(app).get('/api/competitors?active=false&limit=200').set(as('admin')).expect(200);
      expect(inactive.body.items.every((i: Competitor) => i.active === false)).toBe(true);
      expect(inactive.body.items.map((i: Competitor) => i.name)).toContain('Hortifruti Central');

      const all = await http(app).get('/api/competitors?limit=200&includeTotal=true').set(as('admin')).expect(200);
      const names = all.body.items.map((i: Competitor) => i.name);
      expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(all.body.total).toBe(all.body.items.length);
      const byCreation = await http(app).get('/api/competitors?sort=-createdAt&limit=1').set(as('admin')).expect(200);
      expect(byCreation.body.items[0].name).toBe('Laticínios Serra');
      // two by two through the cursor: the same list
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: Competitor[]; nextCursor: string | null } } = await http(app)
          .get(`/api/competitors?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
          .set(as('admin'))
          .expect(200);
        seen.push(...page.body.items.map((i) => i.name));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(names);

      expect((await http(app).get('/api/competitors?sort=website').set(as('admin')).expect(400)).body.code).toBe('INVALID_SORT');
      expect((await http(app).get('/api/competitors?active=talvez').set(as('admin')).expect(400)).body.code).toBe('INVALID_FILTER_VALUE');
      expect((await http(app).get('/api/competitors?website=x').set(as('admin')).expect(400)).body.code).toBe('INVALID_FILTER');
    });
  });

  describe('/api/opportunities/{id}/competitors', () => {
    it('adds, lists, changes and removes the competitors of a deal; audited on the deal', async () => {
      const a = await competitor({ name: 'Concorrente A' });
      const b = await competitor({ name: 'Concorrente B' });
      const d = await deal('Disputa de preço', 'salesNorth');
      expect((await links(d.id, 'salesNorth').expect(200)).body).toEqual({ opportunityId: d.id, items: [] });

      const one = await link(d.id, { competitorId: a.id, competitorPrice: 41500.9, notes: ' Ofereceu frete grátis ' }, 'salesNorth').expect(201);
      expect(one.body).toEqual({
        opportunityId: d.id,
        items: [
          {
            id: expect.any(String),
            competitorId: a.id,
            competitorName: 'Concorrente A',
            competitorPrice: 41500.9,
            winner: false,
            notes: 'Ofereceu frete grátis',
            createdAt: expect.any(String),
            updatedAt: expect.any(String),
          },
        ],
      });
      const two = await link(d.id, { competitorId: b.id }, 'salesNorth').expect(201);
      expect(two.body.items.map((l: Link) => [l.competitorName, l.competitorPrice, l.winner])).toEqual([
        ['Concorrente A', 41500.9, false],
        ['Concorrente B', null, false],
      ]);
      // every role that sees the deal reads its competitors
      expect((await links(d.id, 'analyst').expect(200)).body).toEqual(two.body);
      expect((await links(d.id, 'salesNorth2').expect(200)).body).toEqual(two.body);

      const dup = await link(d.id, { competitorId: a.id, competitorPrice: 1 }, 'salesNorth').expect(409);
      expect(dup.body).toMatchObject({ code: 'COMPETITOR_ALREADY_LINKED', details: { field: 'competitorId', existingId: one.body.items[0].id } });

      const patched = await http(app).patch(`/api/opportunities/${d.id}/competitors/${b.id}`).set(as('salesNorth')).send({ competitorPrice: 39999.99, notes: 'Proposta verbal' }).expect(200);
      expect(patched.body.items[1]).toMatchObject({ competitorId: b.id, competitorPrice: 39999.99, notes: 'Proposta verbal', winner: false });
      const [stored] = await t.sql<{ preco_concorrente: string }>('SELECT preco_concorrente FROM tb_oportunidade_concorrente WHERE id = $1', [patched.body.items[1].id]);
      expect(stored.preco_concorrente).toBe('39999.99');
      const cleared = await http(app).patch(`/api/opportunities/${d.id}/competitors/${b.id}`).set(as('salesNorth')).send({ competitorPrice: null }).expect(200);
      expect(cleared.body.items[1].competitorPrice).toBeNull();

      const removed = await http(app).delete(`/api/opportunities/${d.id}/competitors/${a.id}`).set(as('salesNorth')).expect(200);
      expect(removed.body.items.map((l: Link) => l.competitorId)).toEqual([b.id]);
      await http(app).delete(`/api/opportunities/${d.id}/competitors/${a.id}`).set(as('salesNorth')).expect(404);
      // and it can be added again
      await link(d.id, { competitorId: a.id }, 'salesNorth').expect(201);

      // the deal itself is untouched (no version bump); its history shows the competitor changes
      expect((await http(app).get(`/api/opportunities/${d.id}`).set(as('salesNorth')).expect(200)).body.version).toBe(d.version);
      const history = await http(app).get(`/api/opportunities/${d.id}/history?limit=200`).set(as('salesNorth')).expect(200);
      expect(history.body.items.filter((i: { field: string | null }) => i.field === 'competitors')).toHaveLength(6);
      const rows = (await audit('tb_oportunidade', d.id)).filter((r) => r.campo === 'competitors');
      expect(rows[0]).toMatchObject({ acao: 'atualizar', valor_anterior: [], usuario_id: t.users.salesNorth.id });
      expect(rows[0].valor_novo).toEqual([{ competitorId: a.id, competitorPrice: 41500.9, winner: false }]);
    });

    it('keeps a single winner per deal: marking one unmarks the others in the same change', async () => {
      const [x, y, z] = [await competitor({ name: 'Vencedor X' }), await competitor({ name: 'Vencedor Y' }), await competitor({ name: 'Vencedor Z' })];
      const d = await deal('Perdida para concorrente');
      const other = await deal('Outra disputa');
      await link(d.id, { competitorId: x.id, winner: true }).expect(201);
      await link(other.id, { competitorId: x.id, winner: true }).expect(201);
      const withY = await link(d.id, { competitorId: y.id, winner: true }).expect(201);
      expect(withY.body.items.map((l: Link) => [l.competitorId, l.winner])).toEqual([
        [x.id, false],
        [y.id, true],
      ]);
      await link(d.id, { competitorId: z.id }).expect(201);
      const zWins = await http(app).patch(`/api/opportunities/${d.id}/competitors/${z.id}`).set(as('admin')).send({ winner: true }).expect(200);
      expect(zWins.body.items.map((l: Link) => [l.competitorId, l.winner])).toEqual([
        [x.id, false],
        [y.id, false],
        [z.id, true],
      ]);
      // re-marking the winner changes nothing; unmarking leaves no winner
      await http(app).patch(`/api/opportunities/${d.id}/competitors/${z.id}`).set(as('admin')).send({ winner: true }).expect(200);
      const none = await http(app).patch(`/api/opportunities/${d.id}/competitors/${z.id}`).set(as('admin')).send({ winner: false }).expect(200);
      expect(none.body.items.every((l: Link) => !l.winner)).toBe(true);
      // another deal's winner is not touched
      expect((await links(other.id).expect(200)).body.items).toEqual([expect.objectContaining({ competitorId: x.id, winner: true })]);
      // the database guarantees it too
      await expect(t.sql('UPDATE tb_oportunidade_concorrente SET vencedor = true WHERE oportunidade_id = $1', [d.id])).rejects.toMatchObject({
        code: '23505',
        constraint: 'ux_oportunidade_concorrente_vencedor',
      });
    });

    it('validates (400 naming the field), refuses unknown, deleted and inactive competitors, 404 for unknown deals or links', async () => {
      const d = await deal('Validações');
      const bad = await link(d.id, { competitorId: 'x', competitorPrice: -1, winner: 'sim', notes: 5, extra: true }).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(bad.body)).toEqual(['competitorId', 'competitorPrice', 'extra', 'notes', 'winner']);
      expect(fieldsOf((await link(d.id, { competitorId: missing, competitorPrice: 1.234 }).expect(400)).body)).toEqual(['competitorPrice']);
      expect(fieldsOf((await link(d.id, { competitorId: missing, competitorPrice: 1e15 }).expect(400)).body)).toEqual(['competitorPrice']);

      const unknown = await link(d.id, { competitorId: missing }).expect(400);
      expect(unknown.body).toMatchObject({ code: 'INVALID_REFERENCE', details: { fields: [{ field: 'competitorId' }] } });
      const inactive = await competitor({ name: 'Inativo SA', active: false });
      expect((await link(d.id, { competitorId: inactive.id }).expect(400)).body.details.fields[0]).toMatchObject({ field: 'competitorId', message: expect.stringMatching(/inativo/) });
      const gone = await competitor({ name: 'Excluído SA' });
      await http(app).delete(`/api/competitors/${gone.id}`).set(as('admin')).expect(204);
      expect((await link(d.id, { competitorId: gone.id }).expect(400)).body.code).toBe('INVALID_REFERENCE');

      const c = await competitor({ name: 'Para validar' });
      await link(d.id, { competitorId: c.id }).expect(201);
      const patchBad = await http(app).patch(`/api/opportunities/${d.id}/competitors/${c.id}`).set(as('admin')).send({ winner: null, competitorId: c.id }).expect(400);
      expect(fieldsOf(patchBad.body)).toEqual(['competitorId', 'winner']);

      for (const req of [
        http(app).get(`/api/opportunities/${missing}/competitors`),
        http(app).post(`/api/opportunities/${missing}/competitors`).send({ competitorId: c.id }),
        http(app).patch(`/api/opportunities/${missing}/competitors/${c.id}`).send({ winner: true }),
        http(app).delete(`/api/opportunities/${missing}/competitors/${c.id}`),
      ]) {
        const res = await req.set(as('admin'));
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ statusCode: 404, code: 'OPPORTUNITY_NOT_FOUND' });
      }
      const notLinked = await competitor({ name: 'Fora da disputa' });
      for (const req of [
        http(app).patch(`/api/opportunities/${d.id}/competitors/${notLinked.id}`).send({ winner: true }),
        http(app).delete(`/api/opportunities/${d.id}/competitors/${notLinked.id}`),
        http(app).delete(`/api/opportunities/${d.id}/competitors/${missing}`),
      ]) {
        const res = await req.set(as('admin'));
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('OPPORTUNITY_COMPETITOR_NOT_FOUND');
      }
      expect((await http(app).delete(`/api/opportunities/${d.id}/competitors/abc`).set(as('admin')).expect(400)).body.code).toBe('INVALID_ID');

      // a deleted deal: 404; a deleted competitor stays on the deals that had it
      await http(app).delete(`/api/competitors/${c.id}`).set(as('admin')).expect(204);
      expect((await links(d.id).expect(200)).body.items).toEqual([expect.objectContaining({ competitorId: c.id, competitorName: 'Para validar' })]);
      await http(app).delete(`/api/opportunities/${d.id}`).set(as('admin')).expect(204);
      expect((await links(d.id).expect(404)).body.code).toBe('OPPORTUNITY_NOT_FOUND');
    });

    it('follows the deal’s visibility: a seller of another team gets 404 on every operation; analysts never write', async () => {
      const c = await competitor({ name: 'Segredo Comercial' });
      const north = await deal('Disputa do Norte', 'salesNorth');
      await link(north.id, { competitorId: c.id, competitorPrice: 100 }, 'salesNorth').expect(201);

      for (const req of [
        http(app).get(`/api/opportunities/${north.id}/competitors`),
        http(app).post(`/api/opportunities/${north.id}/competitors`).send({ competitorId: c.id }),
        http(app).patch(`/api/opportunities/${north.id}/competitors/${c.id}`).send({ winner: true }),
        http(app).delete(`/api/opportunities/${north.id}/competitors/${c.id}`),
      ]) {
        const res = await req.set(as('salesSouth'));
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('OPPORTUNITY_NOT_FOUND');
      }
      // RLS on the links themselves: the south seller's transaction sees none of them
      const client = await tenantClient(db, t);
      try {
        expect(await client.query('salesSouth', 'SELECT id FROM tb_oportunidade_concorrente WHERE oportunidade_id = $1', [north.id])).toEqual([]);
        expect(await client.query('salesNorth2', 'SELECT id FROM tb_oportunidade_concorrente WHERE oportunidade_id = $1', [north.id])).toHaveLength(1);
      } finally {
        await client.end();
      }
      // nothing changed
      expect((await links(north.id, 'salesNorth').expect(200)).body.items).toEqual([expect.objectContaining({ competitorId: c.id, competitorPrice: 100, winner: false })]);
      // the manager sees and changes it; the analyst reads but does not write
      await http(app).patch(`/api/opportunities/${north.id}/competitors/${c.id}`).set(as('manager')).send({ winner: true }).expect(200);
      await links(north.id, 'analyst').expect(200);
      for (const req of [
        http(app).post(`/api/opportunities/${north.id}/competitors`).send({ competitorId: c.id }),
        http(app).patch(`/api/opportunities/${north.id}/competitors/${c.id}`).send({ winner: false }),
        http(app).delete(`/api/opportunities/${north.id}/competitors/${c.id}`),
      ]) {
        expect((await req.set(as('analyst'))).status).toBe(403);
      }
    });
  });

  describe('tenant isolation', () => {
    it('another tenant sees none of the competitors, links or deals', async () => {
      const c = await competitor({ name: 'Só do primeiro tenant' });
      const d = await deal('Negócio do primeiro tenant');
      await link(d.id, { competitorId: c.id }).expect(201);

      const list = await http(app).get('/api/competitors?limit=200&deleted=include').set(as('admin', other)).expect(200);
      expect(list.body.items).toEqual([]);
      expect((await http(app).get('/api/competitors?q=primeiro').set(as('admin', other)).expect(200)).body.items).toEqual([]);
      expect((await http(app).get(`/api/competitors?id=${c.id}`).set(as('admin', other)).expect(200)).body.items).toEqual([]);
      for (const req of [
        http(app).get(`/api/competitors/${c.id}`),
        http(app).patch(`/api/competitors/${c.id}`).send({ name: 'x' }),
        http(app).delete(`/api/competitors/${c.id}`),
        http(app).post(`/api/competitors/${c.id}/restore`),
      ]) {
        expect((await req.set(as('admin', other))).body.code).toBe('COMPETITOR_NOT_FOUND');
      }
      for (const req of [
        http(app).get(`/api/opportunities/${d.id}/competitors`),
        http(app).patch(`/api/opportunities/${d.id}/competitors/${c.id}`).send({ winner: true }),
        http(app).delete(`/api/opportunities/${d.id}/competitors/${c.id}`),
      ]) {
        expect((await req.set(as('admin', other))).body.code).toBe('OPPORTUNITY_NOT_FOUND');
      }
      // its own deal cannot take the first tenant's competitor
      const own = (await http(app).post('/api/opportunities').set(as('admin', other)).send({ title: 'Negócio do outro' }).expect(201)).body;
      const res = await http(app).post(`/api/opportunities/${own.id}/competitors`).set(as('admin', other)).send({ competitorId: c.id }).expect(400);
      expect(res.body.code).toBe('INVALID_REFERENCE');
      // the same name is free in the other tenant
      await http(app).post('/api/competitors').set(as('admin', other)).send({ name: 'Só do primeiro tenant' }).expect(201);
      expect((await links(d.id).expect(200)).body.items).toHaveLength(1);
    });
  });
});
