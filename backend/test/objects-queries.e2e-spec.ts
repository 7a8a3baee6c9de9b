import { INestApplication } from '@nestjs/common';
import { SavedQueryRelations } from '../src/metadata/queries/saved-query-relations';
import { QueryExecutorService, TenantRelations } from '../src/query-executor';
import { http, startApp } from './support/auth-helpers';
import { bearer, CrmTenant, setupCrmTenant } from './support/crm-fixtures';
import { createTestDb, TestDb } from './support/test-db';

/**
 * Query objects, the designer's query model and the object data endpoint (real PostgreSQL, through the API):
 * the proof of concept of the original document — the tenant admin of "Supermercado Lima" saves a SQL query as an
 * object, sees it in the object list and reads its rows sorted and paged, while another tenant cannot see it.
 */
describe('query objects, query model and object data (real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let lima: CrmTenant;
  let other: CrmTenant;
  const as = (t: CrmTenant, user: keyof CrmTenant['users'] = 'admin') => bearer(t.users[user].token);
  const api = () => http(app);
  const companies: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000' });
    app = await startApp(db);
    lima = await setupCrmTenant(app, db, 'supermercado_lima');
    other = await setupCrmTenant(app, db, 'padaria_sol');
    await lima.sql("UPDATE tenant_admin.tb_tenant SET nome = 'Supermercado Lima' WHERE id = $1", [lima.id]);
    for (const name of ['Atacadão Norte', 'Bom Preço', 'Casa Verde', 'Distribuidora Sul']) {
      companies[name] = (await lima.sql<{ id: string }>('INSERT INTO tb_empresa (razao_social) VALUES ($1) RETURNING id', [name]))[0].id;
    }
    const [{ funil, aberta, ganha }] = await lima.sql<{ funil: string; aberta: string; ganha: string }>(
      `SELECT f.id AS funil, (SELECT id FROM tb_etapa WHERE funil_id = f.id AND tipo = 'aberto' ORDER BY ordem LIMIT 1) AS aberta,
              (SELECT id FROM tb_etapa WHERE funil_id = f.id AND tipo = 'ganho') AS ganha
         FROM tb_funil f WHERE f.padrao`,
    );
    const deals: [string, string | null, number, 'aberto' | 'ganho', string | null][] = [
      ['Cestas de Natal', 'Atacadão Norte', 12000, 'ganho', lima.users.salesNorth.id],
      ['Reposição mensal', 'Atacadão Norte', 3500.5, 'ganho', lima.users.salesNorth.id],
      ['Hortifruti semanal', 'Bom Preço', 800, 'ganho', lima.users.salesSouth.id],
      ['Padaria interna', 'Bom Preço', 2200, 'aberto', lima.users.salesSouth.id],
      ['Bebidas verão', 'Casa Verde', 15000, 'aberto', null],
      ['Frios', 'Distribuidora Sul', 640.25, 'ganho', lima.users.salesSouth.id],
      ['Sem empresa', null, 100, 'ganho', null],
    ];
    for (const [titulo, empresa, valor, status, owner] of deals) {
      await lima.sql(
        `INSERT INTO tb_oportunidade (titulo, empresa_id, valor, status, funil_id, etapa_id, owner_id, fechada_em)
         VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $4 = 'ganho' THEN now() END)`,
        [titulo, empresa ? companies[empresa] : null, valor, status, funil, status === 'ganho' ? ganha : aberta, owner],
      );
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('the proof of concept: a saved SQL query as an object', () => {
    let id: string;

    it('the tenant admin saves a SELECT; it appears in the object list with inferred, typed fields', async () => {
      const res = await api()
        .post('/api/objects')
        .set(as(lima))
        .send({
          kind: 'consulta',
          apiName: 'negocios_da_loja',
          labelPt: 'Negócios da loja',
          labelEn: 'Store deals',
          sql: `SELECT o.titulo, e.razao_social AS empresa, o.valor, o.status, o.criado_em
                  FROM tb_oportunidade o LEFT JOIN tb_empresa e ON e.id = o.empresa_id
                 WHERE o.excluido_em IS NULL -- só vivos`,
        })
        .expect(201);
      id = res.body.id;
      expect(res.body).toMatchObject({ kind: 'consulta', apiName: 'negocios_da_loja', table: null });
      expect(res.body.fields.map((f: { apiName: string; type: string; columnType: string }) => [f.apiName, f.type, f.columnType])).toEqual([
        ['titulo', 'text', 'text'],
        ['empresa', 'text', 'text'],
        ['valor', 'currency_brl', 'numeric'],
        ['status', 'select', 'text'],
        ['criado_em', 'datetime', 'timestamp with time zone'],
      ]);
      expect(res.body.fields.find((f: { apiName: string }) => f.apiName === 'valor')).toMatchObject({ labelPt: 'Valor', labelEn: 'Amount' });
      const list = await api().get('/api/objects').set(as(lima)).expect(200);
      expect(list.body.find((o: { id: string }) => o.id === id)).toMatchObject({ apiName: 'negocios_da_loja', kind: 'consulta', labelPt: 'Negócios da loja' });
    });

    it('GET /api/objects/{id}/data returns its rows with sorting and paging, by id or by API name', async () => {
      const page1 = await api().get(`/api/objects/${id}/data?sort=-valor&limit=3&include_total=true`).set(as(lima)).expect(200);
      expect(page1.body.columns.map((c: { name: string; type: string }) => [c.name, c.type])).toEqual([
        ['titulo', 'text'], ['empresa', 'text'], ['valor', 'currency_brl'], ['status', 'select'], ['criado_em', 'datetime'],
      ]);
      expect(page1.body.rows.map((r: unknown[]) => [r[0], r[2]])).toEqual([['Bebidas verão', '15000.00'], ['Cestas de Natal', '12000.00'], ['Reposição mensal', '3500.50']]);
      expect(page1.body).toMatchObject({ offset: 0, limit: 3, nextOffset: 3, total: 7, sort: '-valor' });
      const page3 = await api().get(`/api/objects/negocios_da_loja/data?sort=-valor&limit=3&offset=6`).set(as(lima)).expect(200);
      expect(page3.body.rows.map((r: unknown[]) => r[0])).toEqual(['Sem empresa']);
      expect(page3.body.nextOffset).toBeNull();
      const filtered = await api().get(`/api/objects/${id}/data?status=aberto&sort=empresa&fields=empresa,valor`).set(as(lima)).expect(200);
      expect(filtered.body.columns.map((c: { name: string }) => c.name)).toEqual(['empresa', 'valor']);
      expect(filtered.body.rows).toEqual([['Bom Preço', '2200.00'], ['Casa Verde', '15000.00']]);
      const range = await api().get(`/api/objects/${id}/data?valor_min=1000&valor_max=13000&sort=valor`).set(as(lima)).expect(200);
      expect(range.body.rows.map((r: unknown[]) => r[0])).toEqual(['Padaria interna', 'Reposição mensal', 'Cestas de Natal']);
      // the filters are bound: an injection attempt is just a value that matches nothing
      const inj = await api().get(`/api/objects/${id}/data`).query({ empresa: "' OR 1=1 --" }).set(as(lima)).expect(200);
      expect(inj.body.rows).toEqual([]);
      const badSort = await api().get(`/api/objects/${id}/data?sort=valor;DROP TABLE tb_oportunidade`).set(as(lima)).expect(400);
      expect(badSort.body.code).toBe('INVALID_SORT');
      expect((await api().get(`/api/objects/${id}/data?nope=1`).set(as(lima)).expect(400)).body.code).toBe('INVALID_FILTER');
      expect((await lima.sql<{ n: number }>('SELECT count(*)::int AS n FROM tb_oportunidade'))[0].n).toBe(7);
    });

    it('runs as the caller: ownership RLS applies to a seller reading the query object', async () => {
      const south = await api().get(`/api/objects/${id}/data?sort=titulo`).set(as(lima, 'salesSouth')).expect(200);
      // own records, the team's (none), and the unowned pool
      expect(south.body.rows.map((r: unknown[]) => r[0])).toEqual(['Bebidas verão', 'Frios', 'Hortifruti semanal', 'Padaria interna', 'Sem empresa']);
    });

    it('a user of another tenant cannot see it (404 by id and by name), and the audit records the runs', async () => {
      await api().get(`/api/objects/${id}`).set(as(other)).expect(404);
      await api().get(`/api/objects/${id}/data`).set(as(other)).expect(404);
      await api().get('/api/objects/negocios_da_loja/data').set(as(other)).expect(404);
      const list = await api().get('/api/objects?kind=consulta').set(as(other)).expect(200);
      expect(list.body).toEqual([]);
      // the executor writes its audit in batches (every 200 ms)
      const admin = await db.admin();
      let audited = 0;
      for (let i = 0; i < 50 && !audited; i++) {
        audited = (await admin.query("SELECT count(*)::int AS n FROM tenant_admin.tb_execucao_sql WHERE tenant_id = $1 AND origem = 'object'", [lima.id])).rows[0].n;
        if (!audited) await new Promise((r) => setTimeout(r, 100));
      }
      expect(audited).toBeGreaterThan(0);
    });

    it('visibility by role: a query object restricted to technical roles is hidden from sellers', async () => {
      await api().patch(`/api/objects/${id}`).set(as(lima)).send({ roles: ['tenant_admin', 'analyst'] }).expect(200);
      await api().get(`/api/objects/${id}/data`).set(as(lima, 'salesNorth')).expect(404);
      const list = await api().get('/api/objects?kind=consulta').set(as(lima, 'manager')).expect(200);
      expect(list.body).toEqual([]);
      await api().get(`/api/objects/${id}/data`).set(as(lima, 'analyst')).expect(200);
      await api().patch(`/api/objects/${id}`).set(as(lima)).send({ roles: null }).expect(200);
      await api().get(`/api/objects/${id}/data`).set(as(lima, 'salesNorth')).expect(200);
    });

    it('refuses what the validator refuses, with the rule, and sellers cannot save queries', async () => {
      const cases: [string, string][] = [
        ['DELETE FROM tb_oportunidade', 'SQL_NOT_SELECT'],
        ['SELECT * FROM tenant_padaria_sol.tb_contato', 'SQL_FOREIGN_SCHEMA'],
        ['SELECT pg_sleep(1)', 'SQL_FORBIDDEN_FUNCTION'],
        ['SELECT * FROM pg_class', 'SQL_SYSTEM_CATALOG'],
        ['SELECT 1; SELECT 2', 'SQL_MULTIPLE_STATEMENTS'],
        ['SELECT * FROM nao_existe', 'SQL_UNKNOWN_RELATION'],
        ['SELEC 1', 'SQL_SYNTAX_ERROR'],
      ];
      for (const [sql, code] of cases) {
        const r = await api().post('/api/objects').set(as(lima, 'analyst')).send({ kind: 'consulta', apiName: 'recusada', labelPt: 'X', sql }).expect(400);
        expect({ sql, code: r.body.code }).toEqual({ sql, code });
      }
      const dup = await api().post('/api/objects').set(as(lima)).send({ kind: 'consulta', apiName: 'duplicada', labelPt: 'X', sql: 'SELECT 1 AS a, 2 AS a' }).expect(400);
      expect(dup.body.code).toBe('QUERY_DUPLICATE_COLUMN');
      await api().post('/api/objects').set(as(lima, 'salesNorth')).send({ kind: 'consulta', apiName: 'de_vendedor', labelPt: 'X', sql: 'SELECT 1' }).expect(403);
      await api().post('/api/objects').set(as(lima, 'manager')).send({ kind: 'consulta', apiName: 'de_gerente', labelPt: 'X', sql: 'SELECT 1' }).expect(403);
      const missingColumn = await api().post('/api/objects').set(as(lima)).send({ kind: 'consulta', apiName: 'coluna_errada', labelPt: 'X', sql: 'SELECT nao_existe FROM tb_contato' }).expect(400);
      expect(missingColumn.body.code).toBe('SQL_UNDEFINED_OBJECT');
    });
  });

  describe('query objects reading query objects', () => {
    it('expands saved queries by name as CTEs, through several levels', async () => {
      await api().post('/api/objects').set(as(lima, 'analyst')).send({ kind: 'consulta', apiName: 'ganhos', labelPt: 'Ganhos', sql: "SELECT * FROM tb_oportunidade WHERE status = 'ganho' AND excluido_em IS NULL" }).expect(201);
      await api()
        .post('/api/objects')
        .set(as(lima, 'analyst'))
        .send({ kind: 'consulta', apiName: 'ganhos_por_empresa', labelPt: 'Ganhos por empresa', sql: 'SELECT e.razao_social, sum(g.valor) AS total FROM ganhos g JOIN tb_empresa e ON e.id = g.empresa_id GROUP BY e.razao_social' })
        .expect(201);
      const top = await api()
        .post('/api/objects')
        .set(as(lima, 'analyst'))
        .send({ kind: 'consulta', apiName: 'maior_cliente', labelPt: 'Maior cliente', sql: 'WITH r AS (SELECT * FROM ganhos_por_empresa) SELECT razao_social, total FROM r ORDER BY total DESC LIMIT 1' })
        .expect(201);
      const data = await api().get(`/api/objects/${top.body.id}/data`).set(as(lima)).expect(200);
      expect(data.body.rows).toEqual([['Atacadão Norte', '15500.50']]);
      const middle = await api().get('/api/objects/ganhos_por_empresa/data?sort=-total').set(as(lima)).expect(200);
      expect(middle.body.rows).toEqual([['Atacadão Norte', '15500.50'], ['Bom Preço', '800.00'], ['Distribuidora Sul', '640.25']]);
    });

    it('refuses cycles with OBJECT_CYCLE, and changes that break dependents', async () => {
      const cycle = await api().patch('/api/objects/ganhos').set(as(lima, 'analyst')).send({ sql: 'SELECT * FROM maior_cliente' }).expect(400);
      expect(cycle.body).toMatchObject({ code: 'OBJECT_CYCLE' });
      expect(cycle.body.details.path[0]).toBe('ganhos');
      const self = await api().patch('/api/objects/ganhos').set(as(lima, 'analyst')).send({ sql: 'SELECT * FROM ganhos' }).expect(400);
      expect(self.body.code).toBe('OBJECT_CYCLE');
      // ganhos_por_empresa uses ganhos.valor and ganhos.empresa_id: a version without them is refused
      const breaking = await api().patch('/api/objects/ganhos').set(as(lima, 'analyst')).send({ sql: 'SELECT titulo FROM tb_oportunidade' }).expect(409);
      expect(breaking.body).toMatchObject({ code: 'FIELD_IN_USE' });
      expect(breaking.body.details.dependents.map((d: { apiName: string }) => d.apiName)).toEqual(['ganhos_por_empresa']);
      // removing a used query object is refused with its dependents
      const del = await api().delete('/api/objects/ganhos_por_empresa').set(as(lima)).expect(409);
      expect(del.body.details.dependents.map((d: { apiName: string }) => d.apiName)).toEqual(['maior_cliente']);
      // a compatible change is accepted and the chain keeps working
      await api().patch('/api/objects/ganhos').set(as(lima, 'analyst')).send({ sql: "SELECT * FROM tb_oportunidade WHERE status = 'ganho' AND excluido_em IS NULL AND valor > 700" }).expect(200);
      const data = await api().get('/api/objects/ganhos_por_empresa/data?sort=-total').set(as(lima)).expect(200);
      expect(data.body.rows).toEqual([['Atacadão Norte', '15500.50'], ['Bom Preço', '800.00']]);
    });

    it('free SQL may name query objects: POST /api/query/execute expands them and runs the result', async () => {
      const res = await api().post('/api/query/execute').set(as(lima, 'analyst')).send({ sql: 'SELECT count(*)::int AS n FROM ganhos WHERE valor > $1', params: [0] }).expect(200);
      expect(res.body.rows).toEqual([[3]]);
      // a query object that names another one expands transitively; tables alone are run as written
      const chained = await api().post('/api/query/execute').set(as(lima, 'analyst')).send({ sql: 'SELECT count(*)::int AS n FROM ganhos_por_empresa' }).expect(200);
      expect(chained.body.rows[0][0]).toBeGreaterThan(0);
      const plain = await api().post('/api/query/execute').set(as(lima, 'analyst')).send({ sql: "SELECT count(*)::int AS n FROM tb_oportunidade WHERE status = 'ganho' AND excluido_em IS NULL" }).expect(200);
      expect(plain.body.rows[0][0]).toBeGreaterThanOrEqual(3);
      const scope = { tenantId: lima.id, slug: lima.slug, userId: lima.users.analyst.id, role: 'analyst' };
      const tenant = { id: lima.id, slug: lima.slug };
      const x = (await app.get(SavedQueryRelations).expandFreeSql(scope, 'SELECT count(*)::int AS n FROM ganhos;', ['ganhos']))!;
      expect(await app.get(SavedQueryRelations).expandFreeSql(scope, 'SELECT 1 FROM tb_contato', ['tb_contato'])).toBeNull();
      expect(x.sql).toMatch(/^WITH "ganhos" AS \(/);
      const run = await app.get(QueryExecutorService).execute({ tenant, userId: scope.userId, role: 'analyst', sql: x.sql, params: x.params, allowedRelations: await app.get(TenantRelations).forTenant(tenant) });
      expect(run.rows).toEqual([[3]]);
    });
  });

  describe('the designer query model', () => {
    const model = {
      base: 'tb_oportunidade',
      joins: [{ object: 'tb_empresa', via: 'empresa_id', type: 'inner' }],
      columns: [
        { object: 'tb_empresa', field: 'razao_social', alias: 'empresa' },
        { field: 'valor', aggregate: 'sum', alias: 'total' },
        { field: '*', aggregate: 'count', alias: 'negocios' },
      ],
      filters: [{ field: 'status', op: 'eq', value: 'ganho' }],
      groupBy: [{ object: 'tb_empresa', field: 'razao_social' }],
      sort: [{ column: 'total', dir: 'desc' }],
    };

    it('a join, a filter, a group-by and a sum give the rows the same hand-written SQL gives', async () => {
      const res = await api().post('/api/objects/preview').set(as(lima, 'analyst')).send({ model }).expect(200);
      expect(res.body.params).toEqual(['ganho']);
      expect(res.body.sql).toContain('JOIN "tb_empresa" AS "t1" ON "t1"."id" = "t0"."empresa_id"');
      expect(res.body.columns.map((c: { name: string; fieldType: string }) => [c.name, c.fieldType])).toEqual([['empresa', 'text'], ['total', 'currency_brl'], ['negocios', 'integer']]);
      const hand = await lima.sql<{ empresa: string; total: string; negocios: number }>(
        `SELECT e.razao_social AS empresa, sum(o.valor) AS total, count(*)::int AS negocios
           FROM tb_oportunidade o JOIN tb_empresa e ON e.id = o.empresa_id AND e.excluido_em IS NULL
          WHERE o.excluido_em IS NULL AND o.status = 'ganho'
          GROUP BY e.razao_social ORDER BY total DESC`,
      );
      expect(res.body.rows).toEqual(hand.map((h) => [h.empresa, h.total, h.negocios]));
      expect(res.body.rows).toEqual([['Atacadão Norte', '15500.50', 2], ['Bom Preço', '800.00', 1], ['Distribuidora Sul', '640.25', 1]]);
    });

    it('saves a model as a query object (compiled SQL and model stored, typed fields, dependencies)', async () => {
      const res = await api().post('/api/objects').set(as(lima)).send({ kind: 'consulta', apiName: 'receita_por_empresa', labelPt: 'Receita por empresa', model }).expect(201);
      expect(res.body.model).toMatchObject({ base: 'tb_oportunidade' });
      expect(res.body.sql).toContain('sum("t0"."valor")');
      expect(res.body.fields.map((f: { apiName: string; type: string }) => [f.apiName, f.type])).toEqual([['empresa', 'text'], ['total', 'currency_brl'], ['negocios', 'integer']]);
      const data = await api().get('/api/objects/receita_por_empresa/data?sort=empresa&limit=2').set(as(lima)).expect(200);
      expect(data.body.rows).toEqual([['Atacadão Norte', '15500.50', 2], ['Bom Preço', '800.00', 1]]);
      const filtered = await api().get('/api/objects/receita_por_empresa/data?total_min=700&include_total=true').set(as(lima)).expect(200);
      expect(filtered.body.total).toBe(2);
    });

    it('refuses injection attempts in names, and binds them in values', async () => {
      const refused = async (m: unknown, code: string) => {
        const r = await api().post('/api/objects/preview').set(as(lima, 'analyst')).send({ model: m }).expect(400);
        expect(r.body.code).toBe(code);
      };
      await refused({ ...model, columns: [{ field: 'nome; DROP TABLE tb_contato' }], groupBy: [], sort: [] }, 'MODEL_UNKNOWN_FIELD');
      await refused({ ...model, columns: [{ field: 'titulo", (SELECT 1) AS "x' }], groupBy: [], sort: [] }, 'MODEL_UNKNOWN_FIELD');
      await refused({ ...model, base: 'tb_oportunidade; DROP TABLE tb_contato' }, 'MODEL_INVALID');
      await refused({ ...model, columns: [{ field: 'titulo', alias: 'x"; DROP TABLE tb_contato; --' }], groupBy: [], sort: [] }, 'MODEL_INVALID');
      await refused({ ...model, base: 'tb_nao_existe' }, 'MODEL_UNKNOWN_OBJECT');
      await refused({ ...model, joins: [{ object: 'tb_empresa', via: 'titulo' }] }, 'MODEL_INVALID_JOIN');
      await refused({ ...model, filters: [{ field: 'status', op: 'eq', value: "ganho' OR 1=1 --" }] }, 'MODEL_INVALID_FILTER');
      await refused({ ...model, columns: [{ field: 'titulo' }, { field: 'valor', aggregate: 'sum' }], groupBy: [], sort: [] }, 'MODEL_GROUP_BY_MISSING');
      await refused({ ...model, sort: [{ column: 'valor DESC; DROP TABLE tb_contato' }] }, 'MODEL_UNKNOWN_FIELD');
      await refused({ ...model, extra: 'x' }, 'MODEL_INVALID');
      // values are bound: a quote in a text value is just a value
      const bound = await api()
        .post('/api/objects/preview')
        .set(as(lima, 'analyst'))
        .send({ model: { base: 'tb_empresa', columns: [{ field: 'razao_social' }], filters: [{ field: 'razao_social', op: 'eq', value: "' OR 1=1 --" }] } })
        .expect(200);
      expect(bound.body.rows).toEqual([]);
      expect(bound.body.params).toEqual(["' OR 1=1 --"]);
      const like = await api()
        .post('/api/objects/preview')
        .set(as(lima, 'analyst'))
        .send({ model: { base: 'tb_empresa', columns: [{ field: 'razao_social' }], filters: [{ field: 'razao_social', op: 'like', value: "%' OR '1'='1" }] } })
        .expect(200);
      expect(like.body.rows).toEqual([]);
      const ok = await api()
        .post('/api/objects/preview')
        .set(as(lima, 'analyst'))
        .send({ model: { base: 'tb_empresa', columns: [{ field: 'razao_social' }], filters: [{ field: 'razao_social', op: 'in', value: ['Casa Verde', 'Bom Preço'] }], sort: [{ column: 'razao_social' }] } })
        .expect(200);
      expect(ok.body.rows).toEqual([['Bom Preço'], ['Casa Verde']]);
      expect((await lima.sql<{ n: number }>('SELECT count(*)::int AS n FROM tb_contato'))[0].n).toBeGreaterThanOrEqual(0);
      // only technical roles use the designer preview
      await api().post('/api/objects/preview').set(as(lima, 'salesNorth')).send({ model }).expect(403);
    });

    it('a model over a custom table records field dependencies, so the field cannot be removed', async () => {
      await api()
        .post('/api/objects')
        .set(as(lima))
        .send({ kind: 'tabela', apiName: 'auditoria_loja', labelPt: 'Auditorias', fields: [{ apiName: 'nota', labelPt: 'Nota', type: 'integer' }, { apiName: 'loja', labelPt: 'Loja', type: 'lookup', target: 'tb_empresa' }] })
        .expect(201);
      for (const [nota, empresa] of [[8, 'Casa Verde'], [6, 'Casa Verde'], [9, 'Bom Preço']] as const) {
        await api().post('/api/objects/auditoria_loja/records').set(as(lima)).send({ nota, loja: companies[empresa] }).expect(201);
      }
      const m = {
        base: 'auditoria_loja',
        joins: [{ object: 'tb_empresa', via: 'loja' }],
        columns: [{ object: 'tb_empresa', field: 'razao_social' }, { field: 'nota', aggregate: 'avg', alias: 'media' }],
        groupBy: [{ object: 'tb_empresa', field: 'razao_social' }],
        sort: [{ column: 'razao_social' }],
      };
      const saved = await api().post('/api/objects').set(as(lima)).send({ kind: 'consulta', apiName: 'media_auditoria', labelPt: 'Média das auditorias', model: m }).expect(201);
      const data = await api().get(`/api/objects/${saved.body.id}/data`).set(as(lima)).expect(200);
      expect(data.body.rows).toEqual([['Bom Preço', '9.0000000000000000'], ['Casa Verde', '7.0000000000000000']]);
      const refused = await api().delete('/api/objects/auditoria_loja/fields/nota').set(as(lima)).expect(409);
      expect(refused.body.details.dependents.map((d: { apiName: string }) => d.apiName)).toEqual(['media_auditoria']);
    });
  });

  describe('views', () => {
    it('validates view configs against the object fields and protects the fields they use', async () => {
      const bad = await api().post('/api/objects/auditoria_loja/visuals').set(as(lima)).send({ name: 'Grade', kind: 'grid', config: { columns: [{ field: 'nao_existe' }] } }).expect(400);
      expect(bad.body.details.fields[0].message).toContain('nao_existe');
      const shape = await api().post('/api/objects/auditoria_loja/visuals').set(as(lima)).send({ name: 'Grade', kind: 'chart', config: { chartType: 'pizza', measures: [] } }).expect(400);
      expect(shape.body.code).toBe('VALIDATION_FAILED');
      await api().post('/api/objects/auditoria_loja/fields').set(as(lima)).send({ apiName: 'comentario', labelPt: 'Comentário', type: 'long_text' }).expect(201);
      const grid = await api()
        .post('/api/objects/auditoria_loja/visuals')
        .set(as(lima))
        .send({ name: 'Grade', kind: 'grid', config: { columns: [{ field: 'nota' }, { field: 'comentario' }], sort: [{ field: 'nota', dir: 'desc' }] }, roles: ['tenant_admin', 'manager'], isDefault: true })
        .expect(201);
      expect(grid.body).toMatchObject({ kind: 'grid', isDefault: true, config: { pageSize: 50 } });
      await api().post('/api/objects/auditoria_loja/visuals').set(as(lima)).send({ name: 'Notas', kind: 'chart', config: { chartType: 'bar', groupBy: 'loja', measures: [{ field: 'nota', aggregate: 'avg' }] } }).expect(201);
      expect((await api().get('/api/objects/auditoria_loja/visuals').set(as(lima, 'manager')).expect(200)).body.map((v: { name: string }) => v.name)).toEqual(['Grade', 'Notas']);
      expect((await api().get('/api/objects/auditoria_loja/visuals').set(as(lima, 'salesNorth')).expect(200)).body.map((v: { name: string }) => v.name)).toEqual(['Notas']);
      const used = await api().delete('/api/objects/auditoria_loja/fields/comentario').set(as(lima)).expect(409);
      expect(used.body.details.dependents).toEqual([expect.objectContaining({ apiName: 'Grade', kind: 'visual' })]);
      await api().delete(`/api/objects/auditoria_loja/visuals/${grid.body.id}`).set(as(lima)).expect(204);
      await api().delete('/api/objects/auditoria_loja/fields/comentario').set(as(lima)).expect(204);
    });
  });
});
