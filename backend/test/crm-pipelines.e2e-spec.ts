import { INestApplication } from '@nestjs/common';
import { http, startApp } from './support/auth-helpers';
import { bearer, CrmTenant, CrmUser, setupCrmTenant } from './support/crm-fixtures';
import { createTestDb, TestDb } from './support/test-db';

interface Stage {
  id: string;
  name: string;
  order: number;
  probability: number;
  type: string;
}

describe('pipelines and stages API (real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let t: CrmTenant;
  let defaultPipeline: { id: string; version: number; stages: Stage[] };
  const as = (user: CrmUser) => bearer(t.users[user].token);
  const audit = (id: string) =>
    t.sql<{ acao: string; campo: string | null; valor_anterior: unknown; valor_novo: unknown; usuario_id: string | null }>(
      "SELECT acao, campo, valor_anterior, valor_novo, usuario_id FROM tb_auditoria WHERE entidade = 'tb_funil' AND registro_id = $1 ORDER BY ocorrido_em, campo",
      [id],
    );
  const stageNames = (p: { stages: Stage[] }) => p.stages.map((s) => s.name);
  const createPipeline = (body: object, user: CrmUser = 'admin') => http(app).post('/api/pipelines').set(as(user)).send(body);

  beforeAll(async () => {
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000' });
    app = await startApp(db);
    t = await setupCrmTenant(app, db, 'crm_funis');
    const list = await http(app).get('/api/pipelines?isDefault=true').set(as('admin')).expect(200);
    defaultPipeline = list.body.items[0];
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('pipelines', () => {
    it('lists the default pipeline with its stages in board order, to every role', async () => {
      for (const user of ['admin', 'analyst', 'salesSouth'] as CrmUser[]) {
        const res = await http(app).get('/api/pipelines').set(as(user)).expect(200);
        expect(res.body.items).toHaveLength(1);
        expect(res.body.items[0]).toMatchObject({ name: 'Funil de vendas', isDefault: true, active: true, version: 1, deletedAt: null });
      }
      expect(stageNames(defaultPipeline)).toEqual(['Prospecção', 'Qualificação', 'Proposta', 'Negociação', 'Ganho', 'Perdido']);
      expect(defaultPipeline.stages.map((s) => [s.order, s.probability, s.type])).toEqual([
        [1, 10, 'aberto'],
        [2, 25, 'aberto'],
        [3, 50, 'aberto'],
        [4, 75, 'aberto'],
        [5, 100, 'ganho'],
        [6, 0, 'perdido'],
      ]);
      const one = await http(app).get(`/api/pipelines/${defaultPipeline.id}`).set(as('analyst')).expect(200);
      expect(one.headers.etag).toBe('"1"');
      expect(one.body).toEqual(defaultPipeline);
    });

    it('creates a pipeline with the standard stages or with its own, and audits it', async () => {
      const standard = (await createPipeline({ name: 'Revendas', order: 2 }).expect(201)).body;
      expect(standard).toMatchObject({ name: 'Revendas', isDefault: false, order: 2, version: 1 });
      expect(stageNames(standard)).toEqual(stageNames(defaultPipeline));

      const own = await createPipeline(
        {
          name: '  Licitações ',
          stages: [
            { name: 'Edital', probability: 5, color: '#123456' },
            { name: 'Proposta técnica', probability: 40, stagnationDays: 30 },
            { name: 'Homologada', type: 'ganho' },
            { name: 'Desclassificada', type: 'perdido' },
          ],
        },
        'manager',
      ).expect(201);
      expect(own.body.name).toBe('Licitações');
      expect(own.body.stages.map((s: Stage & { color: string | null; stagnationDays: number | null }) => [s.name, s.order, s.probability, s.type, s.color, s.stagnationDays])).toEqual([
        ['Edital', 1, 5, 'aberto', '#123456', null],
        ['Proposta técnica', 2, 40, 'aberto', null, 30],
        ['Homologada', 3, 100, 'ganho', null, null],
        ['Desclassificada', 4, 0, 'perdido', null, null],
      ]);
      const rows = await audit(own.body.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ acao: 'criar', usuario_id: t.users.manager.id });
      expect((rows[0].valor_novo as { stages: Stage[] }).stages.map((s) => s.name)).toEqual(['Edital', 'Proposta técnica', 'Homologada', 'Desclassificada']);
    });

    it('refuses a pipeline without an open stage or with two ganho stages, naming stages; and bad fields', async () => {
      const twoWon = await createPipeline({ name: 'X', stages: [{ name: 'A' }, { name: 'G1', type: 'ganho' }, { name: 'G2', type: 'ganho' }] }).expect(400);
      expect(twoWon.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'stages' }] } });
      expect(twoWon.body.details.fields[0].message).toMatch(/ganho/);
      const noOpen = await createPipeline({ name: 'X', stages: [{ name: 'G', type: 'ganho' }] }).expect(400);
      expect(noOpen.body.details.fields[0].field).toBe('stages');
      const bad = await createPipeline({ name: '', order: -1, stages: [{ name: 'A', probability: 120, type: 'fechado', color: 'azul' }], foo: 1 }).expect(400);
      expect([...new Set(bad.body.details.fields.map((f: { field: string }) => f.field))].sort()).toEqual(
        ['foo', 'name', 'order', 'stages.0.color', 'stages.0.probability', 'stages.0.type'].sort(),
      );
    });

    it('moves the default flag, refuses to unset or deactivate the default, and checks versions', async () => {
      const p = (await createPipeline({ name: 'Novo padrão' }).expect(201)).body;
      await http(app).patch(`/api/pipelines/${p.id}`).set(as('admin')).send({ isDefault: true }).expect(428);
      const stale = await http(app).patch(`/api/pipelines/${p.id}`).set(as('admin')).send({ version: 9, isDefault: true }).expect(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 1 } });
      const made = await http(app).patch(`/api/pipelines/${p.id}`).set(as('admin')).set('If-Match', '"1"').send({ isDefault: true }).expect(200);
      expect(made.body).toMatchObject({ isDefault: true, version: 2 });
      const old = (await http(app).get(`/api/pipelines/${defaultPipeline.id}`).set(as('admin')).expect(200)).body;
      expect(old).toMatchObject({ isDefault: false, version: 2 });
      expect((await audit(defaultPipeline.id)).map((r) => [r.acao, r.campo, r.valor_anterior, r.valor_novo])).toEqual([['atualizar', 'padrao', true, false]]);

      const unset = await http(app).patch(`/api/pipelines/${p.id}`).set(as('admin')).send({ version: 2, isDefault: false }).expect(409);
      expect(unset.body.code).toBe('DEFAULT_PIPELINE');
      const inactive = await http(app).patch(`/api/pipelines/${p.id}`).set(as('admin')).send({ version: 2, active: false }).expect(409);
      expect(inactive.body.code).toBe('DEFAULT_PIPELINE');
      expect((await http(app).delete(`/api/pipelines/${p.id}`).set(as('admin')).expect(409)).body.code).toBe('DEFAULT_PIPELINE');

      // back to the original default
      await http(app).patch(`/api/pipelines/${defaultPipeline.id}`).set(as('admin')).send({ version: 2, isDefault: true }).expect(200);
      expect((await http(app).get('/api/pipelines?isDefault=true&fields=id').set(as('admin')).expect(200)).body.items).toEqual([{ id: defaultPipeline.id }]);
      defaultPipeline = (await http(app).get(`/api/pipelines/${defaultPipeline.id}`).set(as('admin')).expect(200)).body;
    });

    it('soft-deletes only an empty pipeline, restores it, and answers 404 for unknown ids', async () => {
      const p = (await createPipeline({ name: 'Temporário' }).expect(201)).body;
      const deal = (await http(app).post('/api/opportunities').set(as('admin')).send({ title: 'Prende o funil', pipelineId: p.id }).expect(201)).body;
      const inUse = await http(app).delete(`/api/pipelines/${p.id}`).set(as('admin')).expect(409);
      expect(inUse.body).toMatchObject({ code: 'PIPELINE_IN_USE', details: { opportunities: 1 } });
      await http(app).delete(`/api/opportunities/${deal.id}`).set(as('admin')).expect(204);

      await http(app).delete(`/api/pipelines/${p.id}`).set(as('admin')).set('If-Match', '"5"').expect(409);
      await http(app).delete(`/api/pipelines/${p.id}`).set(as('manager')).expect(204);
      await http(app).get(`/api/pipelines/${p.id}`).set(as('admin')).expect(404);
      const trash = await http(app).get('/api/pipelines?deleted=only&fields=id,name').set(as('admin')).expect(200);
      expect(trash.body.items).toEqual([{ id: p.id, name: 'Temporário' }]);
      // a deal cannot come back into a deleted pipeline
      expect((await http(app).post(`/api/opportunities/${deal.id}/restore`).set(as('admin')).expect(409)).body.code).toBe('STAGE_DELETED');

      const restored = await http(app).post(`/api/pipelines/${p.id}/restore`).set(as('admin')).expect(200);
      expect(restored.body).toMatchObject({ id: p.id, deletedAt: null, version: 3 });
      expect((await http(app).post(`/api/pipelines/${p.id}/restore`).set(as('admin')).expect(409)).body.code).toBe('NOT_DELETED');
      expect((await audit(p.id)).map((r) => r.acao)).toEqual(['criar', 'excluir', 'restaurar']);

      const missing = '00000000-0000-4000-8000-000000000000';
      for (const req of [
        http(app).get(`/api/pipelines/${missing}`),
        http(app).get(`/api/pipelines/${missing}/board`),
        http(app).get(`/api/pipelines/${missing}/history`),
        http(app).patch(`/api/pipelines/${missing}`).send({ version: 1, name: 'x' }),
        http(app).post(`/api/pipelines/${missing}/stages`).send({ name: 'x' }),
      ]) {
        const res = await req.set(as('admin'));
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('PIPELINE_NOT_FOUND');
      }
    });

    it('lets only tenant admins and managers change pipelines', async () => {
      for (const user of ['salesNorth', 'analyst'] as CrmUser[]) {
        expect((await createPipeline({ name: 'Não' }, user).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
        await http(app).patch(`/api/pipelines/${defaultPipeline.id}`).set(as(user)).send({ version: 1, name: 'x' }).expect(403);
        await http(app).post(`/api/pipelines/${defaultPipeline.id}/stages`).set(as(user)).send({ name: 'x' }).expect(403);
        await http(app).post(`/api/pipelines/${defaultPipeline.id}/stages/reorder`).set(as(user)).send({ stageIds: [] }).expect(403);
      }
    });
  });

  describe('stages', () => {
    let p: { id: string; version: number; stages: Stage[] };
    beforeAll(async () => {
      p = (await createPipeline({ name: 'Etapas', stages: [{ name: 'A' }, { name: 'B' }, { name: 'Ganho', type: 'ganho' }] }).expect(201)).body;
    });
    const stage = (name: string) => p.stages.find((s) => s.name === name)!;

    it('adds a stage at a position, bumping the pipeline version, and audits the stages on the pipeline', async () => {
      const res = await http(app).post(`/api/pipelines/${p.id}/stages`).set(as('manager')).set('If-Match', `"${p.version}"`).send({ name: 'A2', order: 2, probability: 30 }).expect(201);
      expect(res.headers.etag).toBe(`"${p.version + 1}"`);
      expect(res.body.stages.map((s: Stage) => [s.name, s.order, s.probability])).toEqual([
        ['A', 1, 0],
        ['A2', 2, 30],
        ['B', 3, 0],
        ['Ganho', 4, 100],
      ]);
      const last = (await audit(p.id)).pop()!;
      expect(last).toMatchObject({ acao: 'atualizar', campo: 'stages' });
      expect((last.valor_anterior as Stage[]).map((s) => s.name)).toEqual(['A', 'B', 'Ganho']);
      expect((last.valor_novo as Stage[]).map((s) => s.name)).toEqual(['A', 'A2', 'B', 'Ganho']);
      const history = await http(app).get(`/api/pipelines/${p.id}/history?limit=1`).set(as('analyst')).expect(200);
      expect(history.body.items[0]).toMatchObject({ action: 'atualizar', field: 'stages' });
      p = res.body;
      // a stale pipeline version is refused
      const stale = await http(app).post(`/api/pipelines/${p.id}/stages`).set(as('manager')).send({ name: 'Z', version: 1 }).expect(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: p.version } });
    });

    it('keeps at most one ganho and one perdido stage per pipeline', async () => {
      const second = await http(app).post(`/api/pipelines/${p.id}/stages`).set(as('admin')).send({ name: 'Ganho 2', type: 'ganho' }).expect(409);
      expect(second.body).toMatchObject({ code: 'STAGE_TYPE_TAKEN', details: { type: 'ganho', existingId: stage('Ganho').id } });
      p = (await http(app).post(`/api/pipelines/${p.id}/stages`).set(as('admin')).send({ name: 'Perdido', type: 'perdido' }).expect(201)).body;
      const toLost = await http(app).patch(`/api/pipelines/${p.id}/stages/${stage('B').id}`).set(as('admin')).send({ type: 'perdido' }).expect(409);
      expect(toLost.body).toMatchObject({ code: 'STAGE_TYPE_TAKEN', details: { existingId: stage('Perdido').id } });
      // the database's partial unique index holds even behind the API
      await expect(t.sql("INSERT INTO tb_etapa (funil_id, nome, ordem, tipo) VALUES ($1, 'Outro ganho', 9, 'ganho')", [p.id])).rejects.toThrow(/ux_etapa_ganho/);
    });

    it('updates a stage; its type changes only while no deal is in it; the last open stage stays', async () => {
      const renamed = await http(app).patch(`/api/pipelines/${p.id}/stages/${stage('B').id}`).set(as('admin')).send({ name: 'B (negociação)', probability: 60, color: '#00FF00' }).expect(200);
      expect(renamed.body.stages.find((s: Stage) => s.id === stage('B').id)).toMatchObject({ name: 'B (negociação)', probability: 60, color: '#00FF00' });
      p = renamed.body;
      await http(app).post('/api/opportunities').set(as('admin')).send({ title: 'Na etapa B', stageId: stage('B (negociação)').id }).expect(201);
      const busy = await http(app).patch(`/api/pipelines/${p.id}/stages/${stage('B (negociação)').id}`).set(as('admin')).send({ type: 'ganho' }).expect(409);
      expect(busy.body).toMatchObject({ code: 'STAGE_IN_USE', details: { opportunities: 1 } });
      const del = await http(app).delete(`/api/pipelines/${p.id}/stages/${stage('B (negociação)').id}`).set(as('admin')).expect(409);
      expect(del.body.code).toBe('STAGE_IN_USE');
      expect((await http(app).patch(`/api/pipelines/${p.id}/stages/00000000-0000-4000-8000-000000000000`).set(as('admin')).send({ name: 'x' }).expect(404)).body.code).toBe('STAGE_NOT_FOUND');
      // a stage of another pipeline is not a stage of this one
      await http(app).patch(`/api/pipelines/${p.id}/stages/${defaultPipeline.stages[0].id}`).set(as('admin')).send({ name: 'x' }).expect(404);
    });

    it('reorders with every stage exactly once, and deletes an empty stage closing the ranks', async () => {
      const ids = p.stages.map((s) => s.id);
      const partial = await http(app).post(`/api/pipelines/${p.id}/stages/reorder`).set(as('admin')).send({ stageIds: ids.slice(1) }).expect(400);
      expect(partial.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'stageIds' }] } });
      await http(app).post(`/api/pipelines/${p.id}/stages/reorder`).set(as('admin')).send({ stageIds: [ids[0], ...ids.slice(0, -1)] }).expect(400);
      const reversed = await http(app).post(`/api/pipelines/${p.id}/stages/reorder`).set(as('admin')).send({ stageIds: [...ids].reverse(), version: p.version }).expect(200);
      expect(reversed.body.stages.map((s: Stage) => s.id)).toEqual([...ids].reverse());
      expect(reversed.body.stages.map((s: Stage) => s.order)).toEqual(ids.map((_, i) => i + 1));
      expect(reversed.body.version).toBe(p.version + 1);
      p = reversed.body;

      const a2 = stage('A2');
      const afterDelete = await http(app).delete(`/api/pipelines/${p.id}/stages/${a2.id}`).set(as('admin')).expect(200);
      expect(afterDelete.body.stages.map((s: Stage) => s.id)).not.toContain(a2.id);
      expect(afterDelete.body.stages.map((s: Stage) => s.order)).toEqual(afterDelete.body.stages.map((_: Stage, i: number) => i + 1));
      p = afterDelete.body;
    });

    it('never removes the last open stage', async () => {
      const q = (await createPipeline({ name: 'Mínimo', stages: [{ name: 'Único' }, { name: 'Fim', type: 'ganho' }] }).expect(201)).body;
      const last = await http(app).delete(`/api/pipelines/${q.id}/stages/${q.stages[0].id}`).set(as('admin')).expect(409);
      expect(last.body.code).toBe('LAST_OPEN_STAGE');
      const retype = await http(app).patch(`/api/pipelines/${q.id}/stages/${q.stages[0].id}`).set(as('admin')).send({ type: 'perdido' }).expect(409);
      expect(retype.body.code).toBe('LAST_OPEN_STAGE');
    });
  });

  describe('board', () => {
    it('sums the open deals per stage (count, amount, weighted), as each caller may see them', async () => {
      const p = (await createPipeline({ name: 'Quadro' }).expect(201)).body;
      const [prosp, qual] = p.stages;
      const deal = (user: CrmUser, body: object) => http(app).post('/api/opportunities').set(as(user)).send({ pipelineId: p.id, ...body }).expect(201);
      await deal('salesNorth', { title: 'N1', amount: 1000, stageId: prosp.id }); // 10 %
      await deal('salesNorth2', { title: 'N2', amount: 2500.55, stageId: qual.id }); // 25 %
      await deal('salesSouth', { title: 'S1', amount: 400, stageId: qual.id, probability: 50 });
      const won = (await deal('salesSouth', { title: 'S2', amount: 9999 })).body;
      await http(app).post(`/api/opportunities/${won.id}/win`).set(as('salesSouth')).send({}).expect(200);
      const trashed = (await deal('admin', { title: 'Lixo', amount: 777 })).body;
      await http(app).delete(`/api/opportunities/${trashed.id}`).set(as('admin')).expect(204);

      const column = (body: { stages: (Stage & { count: number; sum: number; weightedSum: number })[] }, name: string) => {
        const s = body.stages.find((x) => x.name === name)!;
        return [s.count, s.sum, s.weightedSum];
      };
      const all = (await http(app).get(`/api/pipelines/${p.id}/board`).set(as('manager')).expect(200)).body;
      expect(all.stages.map((s: Stage) => s.name)).toEqual(stageNames(p));
      expect(column(all, 'Prospecção')).toEqual([1, 1000, 100]);
      expect(column(all, 'Qualificação')).toEqual([2, 2900.55, 825.14]); // 625.14 + 200
      expect(column(all, 'Ganho')).toEqual([0, 0, 0]); // only open deals count
      expect(all.totals).toEqual({ count: 3, sum: 3900.55, weightedSum: 925.14 });

      const north = (await http(app).get(`/api/pipelines/${p.id}/board`).set(as('salesNorth')).expect(200)).body;
      expect(north.totals).toEqual({ count: 2, sum: 3500.55, weightedSum: 725.14 });
      const south = (await http(app).get(`/api/pipelines/${p.id}/board`).set(as('salesSouth')).expect(200)).body;
      expect(column(south, 'Qualificação')).toEqual([1, 400, 200]);
      expect(south.totals).toEqual({ count: 1, sum: 400, weightedSum: 200 });
      const mine = (await http(app).get(`/api/pipelines/${p.id}/board?owner=me`).set(as('salesNorth')).expect(200)).body;
      expect(mine.totals).toEqual({ count: 1, sum: 1000, weightedSum: 100 });
      const bad = await http(app).get(`/api/pipelines/${p.id}/board?owner=all`).set(as('salesNorth')).expect(400);
      expect(bad.body.details.fields[0].field).toBe('owner');
    });
  });
});
