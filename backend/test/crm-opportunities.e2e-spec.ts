import { INestApplication } from '@nestjs/common';
import { http, startApp } from './support/auth-helpers';
import { bearer, CrmTenant, CrmUser, setupCrmTenant } from './support/crm-fixtures';
import { createTestDb, TestDb } from './support/test-db';

interface Stage {
  id: string;
  name: string;
  type: string;
  probability: number;
}
interface Deal {
  id: string;
  version: number;
  stageId: string;
  status: string;
  amount: number;
  [key: string]: unknown;
}

describe('opportunities API (real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let t: CrmTenant;
  let pipeline: { id: string; stages: Stage[] };
  let reasons: { id: string; name: string }[];
  const as = (user: CrmUser) => bearer(t.users[user].token);
  const stage = (name: string) => pipeline.stages.find((s) => s.name === name)!;
  const reason = (name: string) => reasons.find((r) => r.name === name)!.id;
  const create = (body: object, user: CrmUser = 'admin') => http(app).post('/api/opportunities').set(as(user)).send(body);
  const deal = async (body: object, user: CrmUser = 'admin'): Promise<Deal> => (await create({ title: 'Negócio', ...body }, user).expect(201)).body;
  const audit = (id: string) =>
    t.sql<{ acao: string; campo: string | null; valor_anterior: unknown; valor_novo: unknown; usuario_id: string | null }>(
      "SELECT acao, campo, valor_anterior, valor_novo, usuario_id FROM tb_auditoria WHERE entidade = 'tb_oportunidade' AND registro_id = $1 ORDER BY ocorrido_em, campo",
      [id],
    );
  const stageRows = (id: string) =>
    t.sql<{ etapa_anterior_id: string | null; etapa_nova_id: string; status: string; valor: string; probabilidade: number; usuario_id: string | null }>(
      'SELECT etapa_anterior_id, etapa_nova_id, status, valor, probabilidade, usuario_id FROM tb_oportunidade_historico WHERE oportunidade_id = $1 ORDER BY alterado_em, criado_em',
      [id],
    );
  const fieldsOf = (body: { details: { fields: { field: string }[] } }) => [...new Set(body.details.fields.map((f) => f.field))].sort();

  beforeAll(async () => {
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000' });
    app = await startApp(db);
    t = await setupCrmTenant(app, db, 'crm_oportunidades');
    pipeline = (await http(app).get('/api/pipelines?isDefault=true').set(as('admin')).expect(200)).body.items[0];
    reasons = (await http(app).get('/api/loss-reasons?limit=200').set(as('salesNorth')).expect(200)).body.items;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('create, read, update, delete, restore', () => {
    it('creates in the default pipeline’s first open stage, owned by its creator, with the first stage-history row and an audit row', async () => {
      const [company] = await t.sql<{ id: string }>("INSERT INTO tb_empresa (razao_social) VALUES ('Mercado Central Ltda') RETURNING id");
      const res = await create({ title: '  Hortifrúti loja Centro ', amount: 45000.5, expectedCloseDate: '2025-09-30', companyId: company.id, tags: ['Prioridade'] }, 'salesNorth').expect(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({
        title: 'Hortifrúti loja Centro',
        pipelineId: pipeline.id,
        stageId: stage('Prospecção').id,
        stageName: 'Prospecção',
        status: 'aberto',
        probability: 10,
        amount: 45000.5,
        weightedAmount: 4500.05,
        currency: 'BRL',
        dealType: 'novo_negocio',
        expectedCloseDate: '2025-09-30',
        companyId: company.id,
        companyName: 'Mercado Central Ltda',
        ownerId: t.users.salesNorth.id,
        lossReasonId: null,
        closedAt: null,
        tags: ['Prioridade'],
        version: 1,
        deletedAt: null,
      });
      const read = await http(app).get(`/api/opportunities/${res.body.id}`).set(as('analyst')).expect(200);
      expect(read.body).toEqual(res.body);
      expect(await stageRows(res.body.id)).toEqual([
        { etapa_anterior_id: null, etapa_nova_id: stage('Prospecção').id, status: 'aberto', valor: '45000.50', probabilidade: 10, usuario_id: t.users.salesNorth.id },
      ]);
      const rows = await audit(res.body.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ acao: 'criar', campo: null, usuario_id: t.users.salesNorth.id });
      expect(rows[0].valor_novo).toMatchObject({ title: 'Hortifrúti loja Centro', amount: 45000.5, status: 'aberto', stageId: stage('Prospecção').id });
    });

    it('creates in a given stage (a ganho stage closes it), or in another pipeline', async () => {
      const won = await deal({ stageId: stage('Ganho').id, amount: 10 });
      expect(won).toMatchObject({ status: 'ganho', probability: 100, closedAt: expect.any(String) });
      const other = (await http(app).post('/api/pipelines').set(as('admin')).send({ name: 'Outro funil' }).expect(201)).body;
      const there = await deal({ pipelineId: other.id, probability: 33 });
      expect(there).toMatchObject({ pipelineId: other.id, stageId: other.stages[0].id, probability: 33 });
      const mismatch = await create({ title: 'x', pipelineId: other.id, stageId: stage('Proposta').id }).expect(400);
      expect(mismatch.body).toMatchObject({ code: 'INVALID_REFERENCE', details: { fields: [{ field: 'stageId' }] } });
      const lostWithoutReason = await create({ title: 'x', stageId: stage('Perdido').id }).expect(400);
      expect(lostWithoutReason.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'lossReasonId' }] } });
      await http(app).patch(`/api/pipelines/${other.id}`).set(as('admin')).send({ version: 1, active: false }).expect(200);
      const inactive = await create({ title: 'x', pipelineId: other.id }).expect(400);
      expect(inactive.body.details.fields[0]).toMatchObject({ field: 'pipelineId', message: expect.stringMatching(/inativo/) });
    });

    it('names each bad field, refuses status/unknown properties and unresolvable references', async () => {
      const res = await create({ title: '', amount: -1.234, currency: 'reais', probability: 101, expectedCloseDate: '2025-02-30', dealType: 'venda', status: 'ganho', foo: 1 }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(res.body)).toEqual(['amount', 'currency', 'dealType', 'expectedCloseDate', 'foo', 'probability', 'status', 'title']);
      const missing = '00000000-0000-4000-8000-000000000000';
      const refs = await create({ title: 'x', companyId: missing, contactId: missing }).expect(400);
      expect(refs.body).toMatchObject({ code: 'INVALID_REFERENCE' });
      expect(fieldsOf(refs.body)).toEqual(['companyId', 'contactId']);
      expect((await create({ title: 'x', stageId: missing }).expect(400)).body.details.fields[0].field).toBe('stageId');
      expect((await create({ title: 'x', pipelineId: missing }).expect(400)).body.details.fields[0].field).toBe('pipelineId');
    });

    it('updates with the version in the body or If-Match, one audit row per field; 409 stale, 428 without version', async () => {
      const d = await deal({ title: 'Atualizável', amount: 100 });
      const v2 = await http(app).patch(`/api/opportunities/${d.id}`).set(as('manager')).send({ version: 1, amount: 250.75, expectedCloseDate: '2025-12-01' }).expect(200);
      expect(v2.body).toMatchObject({ version: 2, amount: 250.75, weightedAmount: 25.08, expectedCloseDate: '2025-12-01' });
      const v3 = await http(app).patch(`/api/opportunities/${d.id}`).set(as('manager')).set('If-Match', '"2"').send({ probability: 40, dealType: 'upsell' }).expect(200);
      expect(v3.body).toMatchObject({ version: 3, probability: 40, dealType: 'upsell' });
      const stale = await http(app).patch(`/api/opportunities/${d.id}`).set(as('manager')).send({ version: 2, title: 'x' }).expect(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 3 } });
      expect((await http(app).patch(`/api/opportunities/${d.id}`).set(as('manager')).send({ title: 'x' }).expect(428)).body.code).toBe('VERSION_REQUIRED');
      const changes = (await audit(d.id)).filter((r) => r.acao === 'atualizar').map((r) => [r.campo, r.valor_anterior, r.valor_novo]);
      expect(changes).toEqual(
        expect.arrayContaining([
          ['valor', 100, 250.75],
          ['previsao_fechamento', null, '2025-12-01'],
          ['probabilidade', 10, 40],
          ['tipo_negocio', 'novo_negocio', 'upsell'],
        ]),
      );
      expect(changes).toHaveLength(4);
    });

    it('soft-deletes, hides, restores, and audits both; 404 for unknown ids and 400 for malformed ones', async () => {
      const d = await deal({ title: 'Apagável' });
      await http(app).delete(`/api/opportunities/${d.id}`).set(as('admin')).set('If-Match', '"7"').expect(409);
      await http(app).delete(`/api/opportunities/${d.id}`).set(as('admin')).expect(204);
      expect((await http(app).get(`/api/opportunities/${d.id}`).set(as('admin')).expect(404)).body.code).toBe('OPPORTUNITY_NOT_FOUND');
      const trash = await http(app).get('/api/opportunities?deleted=only&fields=id,title').set(as('admin')).expect(200);
      expect(trash.body.items).toContainEqual({ id: d.id, title: 'Apagável' });
      const restored = await http(app).post(`/api/opportunities/${d.id}/restore`).set(as('admin')).expect(200);
      expect(restored.body).toMatchObject({ id: d.id, deletedAt: null, version: 3 });
      expect((await http(app).post(`/api/opportunities/${d.id}/restore`).set(as('admin')).expect(409)).body.code).toBe('NOT_DELETED');
      expect((await audit(d.id)).map((r) => r.acao)).toEqual(['criar', 'excluir', 'restaurar']);

      const missing = '00000000-0000-4000-8000-000000000000';
      for (const req of [
        http(app).get(`/api/opportunities/${missing}`),
        http(app).patch(`/api/opportunities/${missing}`).send({ version: 1, title: 'x' }),
        http(app).delete(`/api/opportunities/${missing}`),
        http(app).post(`/api/opportunities/${missing}/restore`),
        http(app).post(`/api/opportunities/${missing}/move`).send({ stageId: stage('Proposta').id, version: 1 }),
        http(app).post(`/api/opportunities/${missing}/win`).send({}),
        http(app).post(`/api/opportunities/${missing}/lose`).send({ lossReasonId: reason('Preço') }),
        http(app).get(`/api/opportunities/${missing}/history`),
        http(app).get(`/api/opportunities/${missing}/stage-history`),
        http(app).get(`/api/opportunities/${missing}/items`),
      ]) {
        const res = await req.set(as('admin'));
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ statusCode: 404, code: 'OPPORTUNITY_NOT_FOUND' });
      }
      expect((await http(app).get('/api/opportunities/abc').set(as('admin')).expect(400)).body.code).toBe('INVALID_ID');
    });
  });

  describe('stages, won and lost', () => {
    it('a stage move (PATCH stageId or POST move) writes the stage history, takes status and probability from the stage, and changes the board', async () => {
      const board = async () => (await http(app).get(`/api/pipelines/${pipeline.id}/board`).set(as('manager')).expect(200)).body;
      const column = (b: { stages: { id: string; count: number; sum: number; weightedSum: number }[] }, name: string) => {
        const s = b.stages.find((x) => x.id === stage(name).id)!;
        return { count: s.count, sum: s.sum, weightedSum: s.weightedSum };
      };
      const before = await board();
      const d = await deal({ title: 'Em movimento', amount: 2000 }, 'salesNorth');
      const created = await board();
      expect(column(created, 'Prospecção')).toEqual({ ...column(before, 'Prospecção'), count: column(before, 'Prospecção').count + 1, sum: column(before, 'Prospecção').sum + 2000, weightedSum: column(before, 'Prospecção').weightedSum + 200 });

      const patched = await http(app).patch(`/api/opportunities/${d.id}`).set(as('salesNorth')).send({ version: 1, stageId: stage('Proposta').id }).expect(200);
      expect(patched.body).toMatchObject({ stageId: stage('Proposta').id, stageName: 'Proposta', status: 'aberto', probability: 50, version: 2 });
      expect(Date.parse(patched.body.stageChangedAt)).toBeGreaterThan(Date.parse(d.stageChangedAt as string));
      const moved = await http(app).post(`/api/opportunities/${d.id}/move`).set(as('salesNorth2')).set('If-Match', '"2"').send({ stageId: stage('Negociação').id, probability: 80 }).expect(200);
      expect(moved.body).toMatchObject({ stageId: stage('Negociação').id, probability: 80, version: 3 });
      // a move without a version is refused, a stale one conflicts
      await http(app).post(`/api/opportunities/${d.id}/move`).set(as('salesNorth')).send({ stageId: stage('Proposta').id }).expect(428);
      await http(app).post(`/api/opportunities/${d.id}/move`).set(as('salesNorth')).send({ stageId: stage('Proposta').id, version: 2 }).expect(409);

      expect((await stageRows(d.id)).map((r) => [r.etapa_anterior_id, r.etapa_nova_id, r.status, r.probabilidade, r.usuario_id])).toEqual([
        [null, stage('Prospecção').id, 'aberto', 10, t.users.salesNorth.id],
        [stage('Prospecção').id, stage('Proposta').id, 'aberto', 50, t.users.salesNorth.id],
        [stage('Proposta').id, stage('Negociação').id, 'aberto', 80, t.users.salesNorth2.id],
      ]);
      const after = await board();
      expect(column(after, 'Prospecção')).toEqual(column(before, 'Prospecção'));
      expect(column(after, 'Negociação')).toEqual({
        count: column(before, 'Negociação').count + 1,
        sum: column(before, 'Negociação').sum + 2000,
        weightedSum: column(before, 'Negociação').weightedSum + 1600,
      });

      const history = await http(app).get(`/api/opportunities/${d.id}/stage-history`).set(as('analyst')).expect(200);
      expect(history.body.items.map((i: { fromStageName: string | null; toStageName: string }) => [i.fromStageName, i.toStageName])).toEqual([
        ['Proposta', 'Negociação'],
        ['Prospecção', 'Proposta'],
        [null, 'Prospecção'],
      ]);
      expect(history.body.items[0]).toMatchObject({ status: 'aberto', amount: 2000, probability: 80, userId: t.users.salesNorth2.id, changedAt: expect.any(String) });
      const paged = await http(app).get(`/api/opportunities/${d.id}/stage-history?limit=2&sort=changedAt`).set(as('analyst')).expect(200);
      expect(paged.body.items).toHaveLength(2);
      const rest = await http(app).get(`/api/opportunities/${d.id}/stage-history?limit=2&sort=changedAt&cursor=${paged.body.nextCursor}`).set(as('analyst')).expect(200);
      expect(rest.body).toMatchObject({ items: [{ toStageName: 'Negociação' }], nextCursor: null });
    });

    it('win sets status ganho and closes the deal; winning again changes nothing', async () => {
      const d = await deal({ title: 'Ganhável', amount: 500 });
      const won = await http(app).post(`/api/opportunities/${d.id}/win`).set(as('salesNorth')).send({}).expect(404); // not visible to that seller: another owner
      expect(won.body.code).toBe('OPPORTUNITY_NOT_FOUND');
      const res = await http(app).post(`/api/opportunities/${d.id}/win`).set(as('manager')).send({ version: 1 }).expect(200);
      expect(res.body).toMatchObject({ status: 'ganho', stageId: stage('Ganho').id, probability: 100, weightedAmount: 500, closedAt: expect.any(String), version: 2 });
      const again = await http(app).post(`/api/opportunities/${d.id}/win`).set(as('manager')).send({}).expect(200);
      expect(again.body.version).toBe(2);
      expect((await stageRows(d.id)).map((r) => r.status)).toEqual(['aberto', 'ganho']);
      const changes = (await audit(d.id)).filter((r) => r.acao === 'atualizar').map((r) => r.campo).sort();
      expect(changes).toEqual(['etapa_id', 'fechada_em', 'probabilidade', 'status']);
    });

    it('lose requires a reason (400 naming lossReasonId), takes only active ones, and reopening clears it', async () => {
      const d = await deal({ title: 'Perdível', amount: 900 });
      const noReason = await http(app).post(`/api/opportunities/${d.id}/lose`).set(as('admin')).send({ note: 'sem motivo' }).expect(400);
      expect(noReason.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(noReason.body)).toEqual(['lossReasonId']);
      const byMove = await http(app).post(`/api/opportunities/${d.id}/move`).set(as('admin')).send({ version: 1, stageId: stage('Perdido').id }).expect(400);
      expect(fieldsOf(byMove.body)).toEqual(['lossReasonId']);
      const unknown = await http(app).post(`/api/opportunities/${d.id}/lose`).set(as('admin')).send({ lossReasonId: '00000000-0000-4000-8000-000000000000' }).expect(400);
      expect(unknown.body).toMatchObject({ code: 'INVALID_REFERENCE', details: { fields: [{ field: 'lossReasonId' }] } });
      const openWithReason = await http(app).patch(`/api/opportunities/${d.id}`).set(as('admin')).send({ version: 1, lossReasonId: reason('Preço') }).expect(400);
      expect(fieldsOf(openWithReason.body)).toEqual(['lossReasonId']);

      const lost = await http(app).post(`/api/opportunities/${d.id}/lose`).set(as('admin')).send({ lossReasonId: reason('Preço'), note: 'Concorrente 10% mais barato' }).expect(200);
      expect(lost.body).toMatchObject({ status: 'perdido', stageId: stage('Perdido').id, probability: 0, lossReasonId: reason('Preço'), lossNote: 'Concorrente 10% mais barato', closedAt: expect.any(String) });
      // a lost deal's reason can be corrected, not removed
      const corrected = await http(app).patch(`/api/opportunities/${d.id}`).set(as('admin')).send({ version: lost.body.version, lossReasonId: reason('Concorrente') }).expect(200);
      expect(corrected.body).toMatchObject({ lossReasonId: reason('Concorrente'), status: 'perdido' });
      await http(app).patch(`/api/opportunities/${d.id}`).set(as('admin')).send({ version: corrected.body.version, lossReasonId: null }).expect(400);

      const reopened = await http(app).post(`/api/opportunities/${d.id}/move`).set(as('admin')).send({ version: corrected.body.version, stageId: stage('Qualificação').id }).expect(200);
      expect(reopened.body).toMatchObject({ status: 'aberto', probability: 25, lossReasonId: null, lossNote: null, closedAt: null });
      expect((await stageRows(d.id)).map((r) => r.status)).toEqual(['aberto', 'perdido', 'aberto']);

      // a deactivated reason can no longer be chosen
      const custom = (await http(app).post('/api/loss-reasons').set(as('manager')).send({ name: 'Frete caro' }).expect(201)).body;
      await http(app).post(`/api/loss-reasons/${custom.id}/deactivate`).set(as('manager')).expect(200);
      await http(app).post(`/api/opportunities/${d.id}/lose`).set(as('admin')).send({ lossReasonId: custom.id }).expect(400);
    });

    it('moves a deal to another pipeline with its stage', async () => {
      const other = (await http(app).post('/api/pipelines').set(as('admin')).send({ name: 'Pós-venda' }).expect(201)).body;
      const d = await deal({ title: 'Troca de funil' });
      const res = await http(app).patch(`/api/opportunities/${d.id}`).set(as('admin')).send({ version: 1, pipelineId: other.id }).expect(200);
      expect(res.body).toMatchObject({ pipelineId: other.id, stageId: other.stages[0].id, status: 'aberto' });
      const back = await http(app).post(`/api/opportunities/${d.id}/move`).set(as('admin')).send({ version: 2, stageId: stage('Proposta').id }).expect(200);
      expect(back.body).toMatchObject({ pipelineId: pipeline.id, stageId: stage('Proposta').id });
      // the database keeps the stage inside the deal's pipeline whatever the API does
      await expect(t.sql('UPDATE tb_oportunidade SET funil_id = $1 WHERE id = $2', [other.id, d.id])).rejects.toThrow(/foreign key/);
    });
  });

  describe('lists', () => {
    it('?status=aberto returns exactly the open deals (and status takes several values)', async () => {
      const lost = await deal({ title: 'Perdida' });
      await http(app).post(`/api/opportunities/${lost.id}/lose`).set(as('admin')).send({ lossReasonId: reason('Outro') }).expect(200);
      const rows = await t.sql<{ id: string; status: string }>('SELECT id, status FROM tb_oportunidade WHERE excluido_em IS NULL');
      expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['aberto', 'ganho', 'perdido']));
      const ids = async (qs: string) => {
        const res = await http(app).get(`/api/opportunities?${qs}&fields=id,status&limit=200`).set(as('admin')).expect(200);
        return res.body.items.map((i: { id: string }) => i.id).sort();
      };
      const open = rows.filter((r) => r.status === 'aberto').map((r) => r.id).sort();
      expect(await ids('status=aberto')).toEqual(open);
      expect(await ids('status=ganho,perdido')).toEqual(rows.filter((r) => r.status !== 'aberto').map((r) => r.id).sort());
      const sorted = await http(app).get('/api/opportunities?status=aberto&sort=-amount&fields=amount,status&limit=200').set(as('admin')).expect(200);
      expect(sorted.body.items.every((i: { status: string }) => i.status === 'aberto')).toBe(true);
      const amounts = sorted.body.items.map((i: { amount: number }) => i.amount);
      expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
      const bad = await http(app).get('/api/opportunities?status=open').set(as('admin')).expect(400);
      expect(bad.body).toMatchObject({ code: 'INVALID_FILTER_VALUE', details: { parameter: 'status', allowedValues: ['aberto', 'ganho', 'perdido'] } });
      const unknown = await http(app).get('/api/opportunities?stage=x').set(as('admin')).expect(400);
      expect(unknown.body.details.allowed).toEqual(expect.arrayContaining(['status', 'stageId', 'pipelineId', 'companyId', 'contactId', 'ownerId', 'owner', 'amountMin', 'amountMax', 'expectedCloseFrom', 'expectedCloseTo', 'createdFrom', 'createdTo']));
      const sort = await http(app).get('/api/opportunities?sort=colour').set(as('admin')).expect(400);
      expect(sort.body.details.allowed).toEqual(['title', 'amount', 'weightedAmount', 'expectedCloseDate', 'closedAt', 'createdAt', 'updatedAt']);
    });

    it('searches titles without accents or case, and filters by owner=me and amount range', async () => {
      const mine = await deal({ title: 'Licitação Prefeitura de São José', amount: 123456.78 }, 'salesSouth');
      const q = await http(app).get('/api/opportunities?q=SAO JOSE&fields=id,title&includeTotal=true').set(as('salesSouth')).expect(200);
      expect(q.body).toEqual({ items: [{ id: mine.id, title: 'Licitação Prefeitura de São José' }], nextCursor: null, total: 1 });
      const me = await http(app).get('/api/opportunities?owner=me&fields=id').set(as('salesSouth')).expect(200);
      expect(me.body.items).toEqual([{ id: mine.id }]);
      const range = await http(app).get('/api/opportunities?amountMin=123456.78&amountMax=123456.78&fields=id').set(as('admin')).expect(200);
      expect(range.body.items).toEqual([{ id: mine.id }]);
    });
  });

  describe('line items', () => {
    it('prices items from the product or the default price list tier, totals them, and makes the amount their sum', async () => {
      const product = (await http(app).post('/api/products').set(as('admin')).send({ name: 'Arroz 5 kg', sku: 'ARZ-5', price: 25.9 }).expect(201)).body;
      const other = (await http(app).post('/api/products').set(as('admin')).send({ name: 'Feijão 1 kg', sku: 'FJ-1' }).expect(201)).body;
      const [list] = (await http(app).get('/api/price-lists?isDefault=true').set(as('admin')).expect(200)).body.items;
      await http(app).post(`/api/price-lists/${list.id}/items`).set(as('admin')).send({ productId: product.id, price: 22.5, minQuantity: 100 }).expect(201);
      const d = await deal({ title: 'Com itens', amount: 1 }, 'salesNorth');

      const one = await http(app).post(`/api/opportunities/${d.id}/items`).set(as('salesNorth')).send({ productId: product.id, quantity: 10 }).expect(201);
      expect(one.body.items).toEqual([expect.objectContaining({ productId: product.id, productName: 'Arroz 5 kg', productSku: 'ARZ-5', quantity: 10, unitPrice: 25.9, discountPercent: 0, total: 259, order: 1 })]);
      expect(one.body).toMatchObject({ subtotal: 259, discount: 0, total: 259, amount: 259, version: 2 });
      expect(one.headers.etag).toBe('"2"');
      // 120 units reach the price list's 100+ tier; a discount
      const two = await http(app).post(`/api/opportunities/${d.id}/items`).set(as('salesNorth')).set('If-Match', '"2"').send({ productId: product.id, quantity: 120, discountPercent: 5 }).expect(201);
      expect(two.body.items[1]).toMatchObject({ unitPrice: 22.5, total: 2565, order: 2 });
      expect(two.body).toMatchObject({ subtotal: 2959, discount: 135, total: 2824, amount: 2824, version: 3 });
      // a product without any price needs one
      const noPrice = await http(app).post(`/api/opportunities/${d.id}/items`).set(as('salesNorth')).send({ productId: other.id }).expect(400);
      expect(fieldsOf(noPrice.body)).toEqual(['unitPrice']);
      const three = await http(app).post(`/api/opportunities/${d.id}/items`).set(as('salesNorth')).send({ productId: other.id, quantity: 2.5, unitPrice: 8.99, description: 'carioca' }).expect(201);
      expect(three.body).toMatchObject({ total: 2846.48, amount: 2846.48 }); // 2.5 × 8.99 = 22.475 → 22.48

      const patched = await http(app).patch(`/api/opportunities/${d.id}/items/${two.body.items[1].id}`).set(as('salesNorth')).send({ discountPercent: 10 }).expect(200);
      expect(patched.body).toMatchObject({ total: 2711.48, amount: 2711.48, version: 5 }); // 120 × 22.5 × 0.9 = 2430
      // the amount follows the items: it is not edited directly any more
      const direct = await http(app).patch(`/api/opportunities/${d.id}`).set(as('salesNorth')).send({ version: 5, amount: 10 }).expect(400);
      expect(fieldsOf(direct.body)).toEqual(['amount']);
      const removed = await http(app).delete(`/api/opportunities/${d.id}/items/${one.body.items[0].id}`).set(as('salesNorth')).expect(200);
      expect(removed.body).toMatchObject({ total: 2452.48, amount: 2452.48, version: 6 });
      expect(removed.body.items).toHaveLength(2);
      expect((await http(app).get(`/api/opportunities/${d.id}`).set(as('salesNorth')).expect(200)).body).toMatchObject({ amount: 2452.48, version: 6 });
      await http(app).delete(`/api/opportunities/${d.id}/items/${one.body.items[0].id}`).set(as('salesNorth')).expect(404);
      await http(app).post(`/api/opportunities/${d.id}/items`).set(as('salesNorth')).set('If-Match', '"1"').send({ productId: product.id }).expect(409);

      // item changes are in the deal's history (fields items and amount)
      const history = await http(app).get(`/api/opportunities/${d.id}/history?limit=2`).set(as('salesNorth')).expect(200);
      expect(history.body.items.map((i: { field: string }) => i.field).sort()).toEqual(['amount', 'items']);
    });

    it('validates items and refuses inactive products', async () => {
      const d = await deal({ title: 'Itens inválidos' });
      const bad = await http(app).post(`/api/opportunities/${d.id}/items`).set(as('admin')).send({ productId: 'x', quantity: 0, discountPercent: 101, unitPrice: 1.001 }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['discountPercent', 'productId', 'quantity', 'unitPrice']);
      const inactive = (await http(app).post('/api/products').set(as('admin')).send({ name: 'Fora de linha', price: 1, active: false }).expect(201)).body;
      const res = await http(app).post(`/api/opportunities/${d.id}/items`).set(as('admin')).send({ productId: inactive.id }).expect(400);
      expect(res.body).toMatchObject({ code: 'INVALID_REFERENCE', details: { fields: [{ field: 'productId' }] } });
      const huge = (await http(app).post('/api/products').set(as('admin')).send({ name: 'Caro', price: 999_999_999_999 }).expect(201)).body;
      const overflow = await http(app).post(`/api/opportunities/${d.id}/items`).set(as('admin')).send({ productId: huge.id, quantity: 10 }).expect(400);
      expect(fieldsOf(overflow.body)).toEqual(['quantity', 'unitPrice']);
    });
  });

  describe('loss reasons', () => {
    it('lists the default reasons to every role; admins create unique ones and (de)activate them', async () => {
      expect(reasons.map((r) => r.name)).toEqual(['Preço', 'Concorrente', 'Sem orçamento', 'Sem retorno do cliente', 'Timing / adiado', 'Produto não atende', 'Sem poder de decisão', 'Escolheu não comprar', 'Outro']);
      const created = await http(app).post('/api/loss-reasons').set(as('admin')).send({ name: 'Prazo de entrega', order: 50 }).expect(201);
      expect(created.body).toMatchObject({ name: 'Prazo de entrega', order: 50, active: true });
      const dup = await http(app).post('/api/loss-reasons').set(as('admin')).send({ name: 'PRAZO DE ENTREGA' }).expect(409);
      expect(dup.body).toMatchObject({ code: 'DUPLICATE_LOSS_REASON', details: { field: 'name', existingId: created.body.id } });
      await http(app).post('/api/loss-reasons').set(as('salesNorth')).send({ name: 'Vendedor' }).expect(403);
      const off = await http(app).post(`/api/loss-reasons/${created.body.id}/deactivate`).set(as('admin')).expect(200);
      expect(off.body.active).toBe(false);
      const active = await http(app).get('/api/loss-reasons?active=true&fields=id&limit=200').set(as('analyst')).expect(200);
      expect(active.body.items.map((i: { id: string }) => i.id)).not.toContain(created.body.id);
      expect((await http(app).post(`/api/loss-reasons/${created.body.id}/activate`).set(as('admin')).expect(200)).body.active).toBe(true);
      const rows = await t.sql<{ acao: string; campo: string | null }>("SELECT acao, campo FROM tb_auditoria WHERE entidade = 'tb_motivo_perda' AND registro_id = $1 ORDER BY ocorrido_em", [created.body.id]);
      expect(rows).toEqual([{ acao: 'criar', campo: null }, { acao: 'atualizar', campo: 'ativo' }, { acao: 'atualizar', campo: 'ativo' }]);
    });
  });

  describe('ownership and roles', () => {
    let north: Deal;
    beforeAll(async () => {
      north = await deal({ title: 'Segredo do Norte', amount: 7777 }, 'salesNorth');
      await http(app).post(`/api/opportunities/${north.id}/move`).set(as('salesNorth')).send({ version: 1, stageId: stage('Proposta').id }).expect(200);
      const [product] = await t.sql<{ id: string }>("INSERT INTO tb_produto (nome, preco) VALUES ('Produto secreto', 7777) RETURNING id");
      await http(app).post(`/api/opportunities/${north.id}/items`).set(as('salesNorth')).send({ productId: product.id }).expect(201);
    });

    it('a seller never sees another team’s deal: list, search, detail, histories, items, board', async () => {
      const list = await http(app).get('/api/opportunities?limit=200&fields=id,ownerId&deleted=include').set(as('salesSouth')).expect(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(north.id);
      expect(list.body.items.every((i: { ownerId: string | null }) => [t.users.salesSouth.id, null].includes(i.ownerId))).toBe(true);
      expect((await http(app).get('/api/opportunities?q=segredo').set(as('salesSouth')).expect(200)).body.items).toEqual([]);
      expect((await http(app).get(`/api/opportunities?id=${north.id}`).set(as('salesSouth')).expect(200)).body.items).toEqual([]);
      for (const path of ['', '/history', '/stage-history', '/items']) {
        const res = await http(app).get(`/api/opportunities/${north.id}${path}`).set(as('salesSouth')).expect(404);
        expect(res.body.code).toBe('OPPORTUNITY_NOT_FOUND');
      }
      // the team mate sees all of it
      await http(app).get(`/api/opportunities/${north.id}/items`).set(as('salesNorth2')).expect(200);
      expect((await http(app).get(`/api/opportunities/${north.id}/stage-history`).set(as('salesNorth2')).expect(200)).body.items).toHaveLength(2);
      // the board sums only what the seller may see: their own open deals and the pool's
      const column = async (user: CrmUser) => {
        const board = await http(app).get(`/api/pipelines/${pipeline.id}/board`).set(as(user)).expect(200);
        const s = board.body.stages.find((x: { id: string }) => x.id === stage('Proposta').id);
        return { count: s.count, sum: s.sum };
      };
      const [visible] = await t.sql<{ count: number; sum: number }>(
        `SELECT count(*)::int AS count, coalesce(sum(valor), 0)::float8 AS sum FROM tb_oportunidade
          WHERE status = 'aberto' AND excluido_em IS NULL AND etapa_id = $1 AND (owner_id IS NULL OR owner_id = $2)`,
        [stage('Proposta').id, t.users.salesSouth.id],
      );
      expect(await column('salesSouth')).toEqual(visible);
      const all = await column('manager');
      expect(all.sum - visible.sum).toBeGreaterThanOrEqual(7777);
    });

    it('a seller cannot change another team’s deal nor hand a deal to another team', async () => {
      for (const req of [
        http(app).patch(`/api/opportunities/${north.id}`).send({ version: 2, title: 'x' }),
        http(app).post(`/api/opportunities/${north.id}/move`).send({ version: 2, stageId: stage('Negociação').id }),
        http(app).post(`/api/opportunities/${north.id}/win`).send({}),
        http(app).delete(`/api/opportunities/${north.id}`),
        http(app).post(`/api/opportunities/${north.id}/items`).send({ productId: north.id }),
      ]) {
        const res = await req.set(as('salesSouth'));
        expect(res.status).toBe(404);
      }
      const mine = await deal({ title: 'Meu' }, 'salesSouth');
      const handOver = await http(app).patch(`/api/opportunities/${mine.id}`).set(as('salesSouth')).send({ version: 1, ownerId: t.users.salesNorth.id }).expect(403);
      expect(handOver.body.code).toBe('FORBIDDEN');
      // the manager reassigns, and the reassignment is audited
      await http(app).patch(`/api/opportunities/${mine.id}`).set(as('manager')).send({ version: 1, ownerId: t.users.salesNorth.id }).expect(200);
      expect((await audit(mine.id)).find((r) => r.campo === 'owner_id')).toMatchObject({ valor_anterior: t.users.salesSouth.id, valor_novo: t.users.salesNorth.id, usuario_id: t.users.manager.id });
      await http(app).get(`/api/opportunities/${mine.id}`).set(as('salesSouth')).expect(404);
    });

    it('analysts read but never write', async () => {
      await http(app).get('/api/opportunities').set(as('analyst')).expect(200);
      expect((await create({ title: 'Analista' }, 'analyst').expect(403)).body.code).toBe('FORBIDDEN_ROLE');
      await http(app).patch(`/api/opportunities/${north.id}`).set(as('analyst')).send({ version: 1, title: 'x' }).expect(403);
      await http(app).post(`/api/opportunities/${north.id}/win`).set(as('analyst')).send({}).expect(403);
      await http(app).post(`/api/opportunities/${north.id}/items`).set(as('analyst')).send({}).expect(403);
    });
  });
});
