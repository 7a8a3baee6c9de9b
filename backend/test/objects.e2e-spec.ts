import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { MetadataBackfillService } from '../src/metadata/base-objects/metadata-backfill.service';
import { http, startApp } from './support/auth-helpers';
import { bearer, CrmTenant, setupCrmTenant } from './support/crm-fixtures';
import { createTestDb, TestDb } from './support/test-db';

/**
 * The metadata engine end to end (real PostgreSQL, the HTTP app as production builds it): base objects registered
 * at provisioning, custom tables and their fields (real DDL), the generic record API, query objects with their
 * dependencies, the object data endpoint, and isolation between tenants.
 */
describe('objects: custom tables, records, query objects (real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let acme: CrmTenant;
  let globex: CrmTenant;
  let admin: Client;
  const as = (t: CrmTenant, user: keyof CrmTenant['users'] = 'admin') => bearer(t.users[user].token);
  const api = () => http(app);

  beforeAll(async () => {
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000' });
    app = await startApp(db);
    acme = await setupCrmTenant(app, db, 'obj_acme');
    globex = await setupCrmTenant(app, db, 'obj_globex');
    admin = await db.admin();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('base objects registered at provisioning', () => {
    it('lists the base tables with fields derived from their columns', async () => {
      const res = await api().get('/api/objects?kind=base').set(as(acme)).expect(200);
      const names = res.body.map((o: { apiName: string }) => o.apiName);
      for (const t of ['tb_contato', 'tb_empresa', 'tb_oportunidade', 'tb_atividade', 'tb_produto', 'tb_etapa', 'tb_funil', 'tb_usuario', 'tb_equipe']) {
        expect(names).toContain(t);
      }
      const deal = await api().get('/api/objects/tb_oportunidade').set(as(acme)).expect(200);
      expect(deal.body).toMatchObject({ kind: 'base', table: 'tb_oportunidade', labelPt: 'Oportunidades', labelEn: 'Deals' });
      const field = (n: string) => deal.body.fields.find((f: { apiName: string }) => f.apiName === n);
      expect(field('valor')).toMatchObject({ type: 'currency_brl', columnType: 'numeric(14,2)', labelPt: 'Valor', labelEn: 'Amount' });
      expect(field('empresa_id')).toMatchObject({ type: 'lookup', target: 'tb_empresa' });
      expect(field('etapa_id')).toMatchObject({ type: 'lookup', target: 'tb_etapa', required: true });
      expect(field('status')).toMatchObject({ type: 'select', options: [{ value: 'aberto' }, { value: 'ganho' }, { value: 'perdido' }] });
      expect(field('valor_ponderado')).toMatchObject({ readOnly: true });
      expect(field('id')).toMatchObject({ type: 'uuid', system: true, readOnly: true });
      expect(field('tenant_id')).toBeUndefined();
      const contact = await api().get('/api/objects/tb_contato').set(as(acme, 'salesNorth')).expect(200);
      expect(contact.body.fields.find((f: { apiName: string }) => f.apiName === 'cpf')).toMatchObject({ type: 'cpf', unique: true });
      expect(contact.body.fields.find((f: { apiName: string }) => f.apiName === 'email')).toMatchObject({ type: 'email' });
    });

    it('gives every tenant the same base metadata (the first from the catalog, the next from the per-process template)', async () => {
      const shape = async (tenantId: string) =>
        (
          await admin.query(
            `SELECT o.api_nome AS o, c.api_nome AS f, c.tipo, c.tipo_coluna, c.obrigatorio, c.unico, c.opcoes, a.api_nome AS alvo, c.ordem, c.sistema, c.somente_leitura, c.rotulo_pt
               FROM tenant_admin.tb_meta_campo c JOIN tenant_admin.tb_meta_objeto o ON o.id = c.objeto_id
               LEFT JOIN tenant_admin.tb_meta_objeto a ON a.id = c.alvo_objeto_id
              WHERE c.tenant_id = $1 AND o.tipo = 'base' ORDER BY 1, 2`,
            [tenantId],
          )
        ).rows;
      const first = await shape(acme.id);
      expect(first.length).toBeGreaterThan(600);
      expect(await shape(globex.id)).toEqual(first);
    });

    it('hides role-restricted base objects from other roles', async () => {
      await api().get('/api/objects/tb_webhook').set(as(acme)).expect(200);
      await api().get('/api/objects/tb_webhook').set(as(acme, 'salesNorth')).expect(404);
      const list = await api().get('/api/objects').set(as(acme, 'salesNorth')).expect(200);
      expect(list.body.map((o: { apiName: string }) => o.apiName)).not.toContain('tb_webhook');
    });

    it('lets a tenant rw role read only its own metadata, and only as that tenant (RLS on tenant_admin)', async () => {
      const c = new Client({ connectionString: db.urls.app });
      await c.connect();
      const as = async (tenantId: string, role: string, sql: string, values: unknown[] = []) => {
        await c.query('BEGIN');
        try {
          await c.query(`SELECT set_config('app.tenant_id', $1, true), set_config('role', $2, true)`, [tenantId, role]);
          return (await c.query(sql, values)).rows;
        } finally {
          await c.query('ROLLBACK');
        }
      };
      try {
        const own = await as(acme.id, db.roles.tenantReadWrite(acme.slug), 'SELECT count(DISTINCT tenant_id)::int AS tenants, count(*)::int AS n FROM tenant_admin.tb_meta_objeto');
        expect(own[0]).toMatchObject({ tenants: 1 });
        expect(own[0].n).toBeGreaterThanOrEqual(56);
        // globex's role pretending to be acme (app.tenant_id forged) sees nothing of acme
        const forged = await as(acme.id, db.roles.tenantReadWrite(globex.slug), 'SELECT count(*)::int AS n FROM tenant_admin.tb_meta_objeto');
        expect(forged[0].n).toBe(0);
        // the API's login role itself, outside a tenant role, sees no metadata
        await c.query('BEGIN');
        await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [acme.id]);
        expect((await c.query('SELECT count(*)::int AS n FROM tenant_admin.tb_meta_campo')).rows[0].n).toBe(0);
        await c.query('ROLLBACK');
        // writes only through the privileged path
        await expect(
          as(acme.id, db.roles.tenantReadWrite(acme.slug), 'INSERT INTO tenant_admin.tb_meta_objeto (tenant_id, api_nome, rotulo_pt, rotulo_en, tipo, sql) VALUES ($1, $2, $2, $2, $3, $4)', [acme.id, 'x_evil', 'consulta', 'SELECT 1']),
        ).rejects.toThrow(/permission denied/);
      } finally {
        await c.end();
      }
    });
  });
  describe('custom table lifecycle', () => {
    const visit = '/api/objects/visita_loja';
    let saved: string;

    it('creates the object and its real table (RLS, tenant CHECK, grants) in one step, logged', async () => {
      const res = await api()
        .post('/api/objects')
        .set(as(acme))
        .send({
          kind: 'tabela',
          apiName: 'visita_loja',
          labelPt: 'Visitas às lojas',
          labelEn: 'Store visits',
          fields: [
            { apiName: 'loja', labelPt: 'Loja', type: 'text', required: true },
            { apiName: 'status', labelPt: 'Status', type: 'select', options: [{ value: 'agendada' }, { value: 'feita' }], default: 'agendada' },
          ],
        })
        .expect(201);
      expect(res.body).toMatchObject({ apiName: 'visita_loja', kind: 'tabela', table: 'cx_visita_loja' });
      expect(res.body.fields.map((f: { apiName: string }) => f.apiName)).toEqual(['id', 'owner_id', 'criado_em', 'atualizado_em', 'versao', 'excluido_em', 'loja', 'status']);
      const { rows } = await admin.query(
        `SELECT c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
                (SELECT array_agg(polname::text ORDER BY polname) FROM pg_policy WHERE polrelid = c.oid) AS policies,
                (SELECT count(*)::int FROM pg_constraint WHERE conrelid = c.oid AND conname = 'ck_cx_visita_loja_tenant') AS tenant_check,
                has_table_privilege($2, c.oid, 'INSERT') AS rw_insert, has_table_privilege($3, c.oid, 'SELECT') AS ro_select,
                has_table_privilege($3, c.oid, 'INSERT') AS ro_insert
           FROM pg_class c WHERE c.oid = $1::regclass`,
        [`${acme.schema}.cx_visita_loja`, db.roles.tenantReadWrite(acme.slug), db.roles.tenantReadOnly(acme.slug)],
      );
      expect(rows[0]).toEqual({ rls: true, forced: true, policies: ['tenant_isolation', 'visibilidade_dono'], tenant_check: 1, rw_insert: true, ro_select: true, ro_insert: false });
      const log = await admin.query(`SELECT operacao, ddl FROM tenant_admin.tb_meta_ddl WHERE tenant_id = $1 AND objeto_api = 'visita_loja' ORDER BY id`, [acme.id]);
      expect(log.rows.map((r) => r.operacao)).toEqual(['criar_objeto', 'criar_campo', 'criar_campo', 'criar_campo']);
      expect(log.rows[0].ddl).toContain('CREATE TABLE "tenant_obj_acme"."cx_visita_loja"');
    });

    it('adds fields of several types (lookup to a base object included)', async () => {
      await api().post(`${visit}/fields`).set(as(acme)).send({ apiName: 'data_visita', labelPt: 'Data da visita', type: 'date' }).expect(201);
      await api().post(`${visit}/fields`).set(as(acme)).send({ apiName: 'valor_pedido', labelPt: 'Valor do pedido', type: 'currency_brl' }).expect(201);
      await api().post(`${visit}/fields`).set(as(acme)).send({ apiName: 'codigo', labelPt: 'Código', type: 'text' }).expect(201);
      const lookup = await api().post(`${visit}/fields`).set(as(acme)).send({ apiName: 'empresa', labelPt: 'Empresa', type: 'lookup', target: 'tb_empresa' }).expect(201);
      expect(lookup.body).toMatchObject({ apiName: 'empresa', type: 'lookup', target: 'tb_empresa', columnType: 'uuid', custom: true });
      const fk = await admin.query(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f' ORDER BY 1`, [`${acme.schema}.cx_visita_loja`]);
      expect(fk.rows.map((r) => r.def)).toContain('FOREIGN KEY (empresa) REFERENCES tenant_obj_acme.tb_empresa(id) ON DELETE SET NULL');
      // refused: bad names, reserved words, duplicates, only tenant_admin
      for (const [apiName, code] of [['Maiusculo', 'INVALID_API_NAME'], ['select', 'RESERVED_API_NAME'], ['tb_x', 'RESERVED_API_NAME'], ['nome; DROP TABLE x', 'INVALID_API_NAME'], ['versao', 'RESERVED_API_NAME']] as const) {
        const r = await api().post(`${visit}/fields`).set(as(acme)).send({ apiName, labelPt: 'X', type: 'text' }).expect(400);
        expect(r.body.code).toBe(code);
      }
      expect((await api().post(`${visit}/fields`).set(as(acme)).send({ apiName: 'loja', labelPt: 'X', type: 'text' }).expect(409)).body.code).toBe('FIELD_EXISTS');
      await api().post(`${visit}/fields`).set(as(acme, 'analyst')).send({ apiName: 'outro', labelPt: 'X', type: 'text' }).expect(403);
      await api().post('/api/objects').set(as(acme, 'analyst')).send({ kind: 'tabela', apiName: 'nao_pode', labelPt: 'X' }).expect(403);
    });

    it('inserts and lists records through the generic API, validated against the field metadata', async () => {
      const empresa = (await acme.sql<{ id: string }>("INSERT INTO tb_empresa (razao_social) VALUES ('Mercado Bom Preço') RETURNING id"))[0].id;
      const created = [];
      for (const [loja, dia, valor] of [['Loja Centro', '2025-03-10', '1500.5'], ['Loja Norte', '2025-03-11', 200], ['Loja Sul', '2025-03-12', '99.99']] as const) {
        const r = await api().post(`${visit}/records`).set(as(acme, 'salesNorth')).send({ loja, data_visita: dia, valor_pedido: valor, empresa, codigo: '42' }).expect(201);
        created.push(r.body);
      }
      expect(created[0]).toMatchObject({ loja: 'Loja Centro', status: 'agendada', data_visita: '2025-03-10', valor_pedido: 1500.5, empresa, versao: 1, owner_id: acme.users.salesNorth.id, excluido_em: null });
      const bad = await api().post(`${visit}/records`).set(as(acme)).send({ status: 'outro', data_visita: '2025-02-30', valor_pedido: 'abc', desconhecido: 1 }).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect(bad.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['data_visita', 'desconhecido', 'loja', 'status', 'valor_pedido']);

      const list = await api().get(`${visit}/records?sort=-data_visita&limit=2&include_total=true`).set(as(acme)).expect(200);
      expect(list.body.items.map((r: { loja: string }) => r.loja)).toEqual(['Loja Sul', 'Loja Norte']);
      expect(list.body.total).toBe(3);
      const next = await api().get(`${visit}/records?sort=-data_visita&limit=2&cursor=${list.body.nextCursor}`).set(as(acme)).expect(200);
      expect(next.body.items.map((r: { loja: string }) => r.loja)).toEqual(['Loja Centro']);
      expect(next.body.nextCursor).toBeNull();
      const filtered = await api().get(`${visit}/records?valor_pedido_min=150&data_visita_to=2025-03-11&fields=loja,valor_pedido`).set(as(acme)).expect(200);
      expect(filtered.body.items).toEqual([
        expect.objectContaining({ loja: 'Loja Norte', valor_pedido: 200 }),
        expect.objectContaining({ loja: 'Loja Centro', valor_pedido: 1500.5 }),
      ]);
      expect(Object.keys(filtered.body.items[0]).sort()).toEqual(['id', 'loja', 'valor_pedido']);
      const unknown = await api().get(`${visit}/records?nao_existe=1`).set(as(acme)).expect(400);
      expect(unknown.body).toMatchObject({ code: 'INVALID_FILTER' });
      expect(unknown.body.details.allowed).toContain('valor_pedido_min');

      // update with optimistic locking, soft delete
      const id = created[1].id;
      await api().patch(`${visit}/records/${id}`).set(as(acme)).send({ status: 'feita' }).expect(428);
      const upd = await api().patch(`${visit}/records/${id}`).set(as(acme)).send({ status: 'feita', version: 1 }).expect(200);
      expect(upd.body).toMatchObject({ status: 'feita', versao: 2 });
      expect((await api().patch(`${visit}/records/${id}`).set(as(acme)).send({ status: 'agendada', version: 1 }).expect(409)).body.details).toEqual({ currentVersion: 2 });
      await api().delete(`${visit}/records/${created[2].id}`).set(as(acme)).expect(204);
      await api().get(`${visit}/records/${created[2].id}`).set(as(acme)).expect(404);
      // ownership RLS: a seller of another team does not see records owned by salesNorth
      const south = await api().get(`${visit}/records`).set(as(acme, 'salesSouth')).expect(200);
      expect(south.body.items).toEqual([]);
      // base objects are read-only here
      await api().get('/api/objects/tb_empresa/records?fields=razao_social').set(as(acme)).expect(200);
      expect((await api().post('/api/objects/tb_empresa/records').set(as(acme)).send({ razao_social: 'X' }).expect(405)).body.code).toBe('OBJECT_READ_ONLY');
    });

    it('changes field types only when no value is lost, with the reason', async () => {
      await acme.sql("UPDATE cx_visita_loja SET codigo = 'A-7' WHERE loja = 'Loja Sul'");
      const refused = await api().patch(`${visit}/fields/codigo`).set(as(acme)).send({ type: 'integer' }).expect(409);
      expect(refused.body).toMatchObject({ code: 'FIELD_TYPE_CHANGE_UNSAFE', details: { count: 1, examples: ['A-7'], from: 'text', to: 'integer' } });
      await acme.sql("UPDATE cx_visita_loja SET codigo = '7' WHERE loja = 'Loja Sul'");
      const ok = await api().patch(`${visit}/fields/codigo`).set(as(acme)).send({ type: 'integer' }).expect(200);
      expect(ok.body).toMatchObject({ type: 'integer', columnType: 'integer' });
      const types = await acme.sql<{ t: string }>("SELECT format_type(atttypid, atttypmod) AS t FROM pg_attribute WHERE attrelid = 'cx_visita_loja'::regclass AND attname = 'codigo'");
      expect(types[0].t).toBe('integer');
      const lookup = await api().patch(`${visit}/fields/empresa`).set(as(acme)).send({ type: 'text' }).expect(409);
      expect(lookup.body.code).toBe('FIELD_TYPE_CHANGE_UNSAFE');
      expect((await api().patch('/api/objects/tb_empresa/fields/razao_social').set(as(acme)).send({ type: 'integer' }).expect(400)).body.code).toBe('FIELD_NOT_CUSTOM');
    });

    it('renames a field (the column too)', async () => {
      const r = await api().patch(`${visit}/fields/codigo`).set(as(acme)).send({ apiName: 'codigo_loja', labelPt: 'Código da loja' }).expect(200);
      expect(r.body).toMatchObject({ apiName: 'codigo_loja', labelPt: 'Código da loja' });
      const cols = await acme.sql<{ attname: string }>("SELECT attname FROM pg_attribute WHERE attrelid = 'cx_visita_loja'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum");
      expect(cols.map((c) => c.attname)).toContain('codigo_loja');
      expect(cols.map((c) => c.attname)).not.toContain('codigo');
      const rec = await api().get(`${visit}/records?sort=loja&fields=loja,codigo_loja`).set(as(acme)).expect(200);
      expect(rec.body.items.map((x: { codigo_loja: number }) => x.codigo_loja)).toEqual([42, 42]);
    });

    it('refuses to remove a field while a saved query uses it, listing the dependents', async () => {
      const q = await api()
        .post('/api/objects')
        .set(as(acme, 'analyst'))
        .send({ kind: 'consulta', apiName: 'visitas_por_loja', labelPt: 'Visitas por loja', sql: 'SELECT loja, sum(valor_pedido) AS total FROM cx_visita_loja WHERE excluido_em IS NULL GROUP BY loja;' })
        .expect(201);
      saved = q.body.id;
      expect(q.body.fields.map((f: { apiName: string; type: string }) => [f.apiName, f.type])).toEqual([['loja', 'text'], ['total', 'decimal']]);
      const refused = await api().delete(`${visit}/fields/valor_pedido`).set(as(acme)).expect(409);
      expect(refused.body).toMatchObject({ code: 'FIELD_IN_USE', details: { dependents: [{ apiName: 'visitas_por_loja', kind: 'consulta' }] } });
      expect((await api().patch(`${visit}/fields/loja`).set(as(acme)).send({ apiName: 'nome_loja' }).expect(409)).body.code).toBe('FIELD_IN_USE');
      // a field nobody uses goes
      await api().delete(`${visit}/fields/codigo_loja`).set(as(acme)).expect(204);
      // the object itself is in use too
      const obj = await api().delete(visit).set(as(acme)).expect(409);
      expect(obj.body).toMatchObject({ code: 'OBJECT_IN_USE', details: { dependents: [expect.objectContaining({ apiName: 'visitas_por_loja', kind: 'consulta' })] } });
    });

    it('checks If-Match on object changes: a stale version gets 409 with the current one, and nothing changes', async () => {
      const before = (await api().get(visit).set(as(acme)).expect(200)).body;
      const ok = await api().patch(visit).set(as(acme)).set('If-Match', `"${before.version}"`).send({ labelPt: 'Visitas às lojas' }).expect(200);
      expect(ok.body).toMatchObject({ labelPt: 'Visitas às lojas', version: before.version + 1 });
      // a second admin still holding the old version
      const stale = await api().patch(visit).set(as(acme)).set('If-Match', `"${before.version}"`).send({ labelPt: 'Outro rótulo' }).expect(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: before.version + 1 } });
      expect((await api().delete(visit).set(as(acme)).set('If-Match', `"${before.version}"`).expect(409)).body.code).toBe('VERSION_CONFLICT');
      expect((await api().get(visit).set(as(acme)).expect(200)).body).toMatchObject({ labelPt: 'Visitas às lojas', version: before.version + 1 });
      // query objects too
      const q = (await api().get(`/api/objects/${saved}`).set(as(acme, 'analyst')).expect(200)).body;
      const qStale = await api().patch(`/api/objects/${saved}`).set(as(acme, 'analyst')).set('If-Match', String(q.version - 1)).send({ labelPt: 'X' }).expect(409);
      expect(qStale.body.details).toEqual({ currentVersion: q.version });
      expect((await api().patch(visit).set(as(acme)).set('If-Match', 'abc').send({ labelPt: 'Y' }).expect(400)).body.code).toBe('INVALID_IF_MATCH');
    });

    it('removes the field and the object once nothing uses them', async () => {
      await api().delete(`/api/objects/${saved}`).set(as(acme, 'analyst')).expect(204);
      await api().delete(`${visit}/fields/valor_pedido`).set(as(acme)).expect(204);
      await api().delete(visit).set(as(acme)).expect(204);
      const { rows } = await admin.query('SELECT to_regclass($1) AS t', [`${acme.schema}.cx_visita_loja`]);
      expect(rows[0].t).toBeNull();
      await api().get(visit).set(as(acme)).expect(404);
      const log = await admin.query(`SELECT operacao FROM tenant_admin.tb_meta_ddl WHERE tenant_id = $1 AND objeto_api = 'visita_loja' ORDER BY id DESC LIMIT 3`, [acme.id]);
      expect(log.rows.map((r) => r.operacao)).toEqual(['excluir_objeto', 'excluir_campo', 'excluir_campo']);
    });

    it('custom fields on base objects are real cf_ columns', async () => {
      const f = await api().post('/api/objects/tb_contato/fields').set(as(acme)).send({ apiName: 'nivel_fidelidade', labelPt: 'Nível de fidelidade', type: 'select', options: [{ value: 'ouro' }, { value: 'prata' }] }).expect(201);
      expect(f.body).toMatchObject({ apiName: 'cf_nivel_fidelidade', custom: true });
      await acme.sql("INSERT INTO tb_contato (nome, cf_nivel_fidelidade) VALUES ('Cliente Ouro', 'ouro')");
      const rec = await api().get('/api/objects/tb_contato/records?cf_nivel_fidelidade=ouro&fields=nome,cf_nivel_fidelidade').set(as(acme)).expect(200);
      expect(rec.body.items).toEqual([expect.objectContaining({ nome: 'Cliente Ouro', cf_nivel_fidelidade: 'ouro' })]);
      expect((await api().delete('/api/objects/tb_contato/fields/nome').set(as(acme)).expect(400)).body.code).toBe('FIELD_NOT_CUSTOM');
      expect((await api().delete('/api/objects/tb_contato').set(as(acme)).expect(400)).body.code).toBe('OBJECT_NOT_REMOVABLE');
      await api().delete('/api/objects/tb_contato/fields/nivel_fidelidade').set(as(acme)).expect(204);
    });

    it('a second tenant sees none of it', async () => {
      await api().post('/api/objects').set(as(acme)).send({ kind: 'tabela', apiName: 'so_da_acme', labelPt: 'Só da Acme' }).expect(201);
      const list = await api().get('/api/objects').set(as(globex)).expect(200);
      expect(list.body.map((o: { apiName: string }) => o.apiName)).not.toContain('so_da_acme');
      await api().get('/api/objects/so_da_acme').set(as(globex)).expect(404);
      await api().get('/api/objects/so_da_acme/records').set(as(globex)).expect(404);
      await api().get('/api/objects/so_da_acme/data').set(as(globex)).expect(404);
      await api().post('/api/objects/so_da_acme/fields').set(as(globex)).send({ apiName: 'x_y', labelPt: 'X', type: 'text' }).expect(404);
      await api().delete('/api/objects/so_da_acme').set(as(globex)).expect(404);
      const { rows } = await admin.query('SELECT to_regclass($1) AS t', [`${globex.schema}.cx_so_da_acme`]);
      expect(rows[0].t).toBeNull();
      // globex may create its own object with the same name
      await api().post('/api/objects').set(as(globex)).send({ kind: 'tabela', apiName: 'so_da_acme', labelPt: 'Homônimo' }).expect(201);
    });
  });
  describe('atomicity and backfill', () => {
    it('a change that fails half-way leaves the schema, the metadata and the DDL log as they were', async () => {
      await api().post('/api/objects').set(as(acme)).send({ kind: 'tabela', apiName: 'com_dados', labelPt: 'Com dados', fields: [{ apiName: 'nome', labelPt: 'Nome', type: 'text' }] }).expect(201);
      await api().post('/api/objects/com_dados/records').set(as(acme)).send({ nome: 'um' }).expect(201);
      const before = await admin.query('SELECT count(*)::int AS n FROM tenant_admin.tb_meta_ddl WHERE tenant_id = $1', [acme.id]);
      // ADD COLUMN runs, then the NOT NULL step is refused (rows exist, no default): everything rolls back
      const r = await api().post('/api/objects/com_dados/fields').set(as(acme)).send({ apiName: 'obrigatorio', labelPt: 'Obrigatório', type: 'text', required: true }).expect(400);
      expect(r.body.code).toBe('FIELD_REQUIRED_NEEDS_DEFAULT');
      const cols = await acme.sql<{ attname: string }>("SELECT attname FROM pg_attribute WHERE attrelid = 'cx_com_dados'::regclass AND attnum > 0 AND NOT attisdropped");
      expect(cols.map((c) => c.attname)).not.toContain('obrigatorio');
      const after = await admin.query('SELECT count(*)::int AS n FROM tenant_admin.tb_meta_ddl WHERE tenant_id = $1', [acme.id]);
      expect(after.rows[0].n).toBe(before.rows[0].n);
      const obj = await api().get('/api/objects/com_dados').set(as(acme)).expect(200);
      expect(obj.body.fields.map((f: { apiName: string }) => f.apiName)).not.toContain('obrigatorio');
      // with a default, the existing rows are filled and the column is NOT NULL
      await api().post('/api/objects/com_dados/fields').set(as(acme)).send({ apiName: 'obrigatorio', labelPt: 'Obrigatório', type: 'text', required: true, default: 'padrão' }).expect(201);
      expect(await acme.sql('SELECT nome, obrigatorio FROM cx_com_dados')).toEqual([{ nome: 'um', obrigatorio: 'padrão' }]);
      // a unique index over duplicated values is refused with a clear code
      await api().post('/api/objects/com_dados/records').set(as(acme)).send({ nome: 'um' }).expect(201);
      expect((await api().patch('/api/objects/com_dados/fields/nome').set(as(acme)).send({ unique: true }).expect(409)).body.code).toBe('FIELD_VALUES_NOT_UNIQUE');
    });

    it('registers the base objects of tenants that existed before the metadata engine', async () => {
      const t = await setupCrmTenant(app, db, 'obj_legacy');
      // as if provisioned before 0003_metadata: no metadata, no grant
      await admin.query('DELETE FROM tenant_admin.tb_meta_objeto WHERE tenant_id = $1', [t.id]);
      await admin.query('DELETE FROM tenant_admin.tb_meta_sincronizacao WHERE tenant_id = $1', [t.id]);
      await admin.query(`REVOKE SELECT ON tenant_admin.tb_meta_objeto, tenant_admin.tb_meta_campo FROM "${db.roles.tenantReadWrite(t.slug)}"`);
      await expect(api().get('/api/objects').set(as(t)).then((r) => r.status)).resolves.toBe(403);
      const done = await app.get(MetadataBackfillService).run();
      expect(done).toBe(1);
      const list = await api().get('/api/objects?kind=base').set(as(t)).expect(200);
      expect(list.body.length).toBeGreaterThanOrEqual(56);
      expect(await app.get(MetadataBackfillService).run()).toBe(0);
    });
  });
});
