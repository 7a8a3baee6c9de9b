import { INestApplication } from '@nestjs/common';
import { http, startApp } from './support/auth-helpers';
import { bearer, cnpjFrom, CrmTenant, setupCrmTenant } from './support/crm-fixtures';
import { createTestDb, TestDb } from './support/test-db';

describe('companies API (real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let t: CrmTenant;
  const as = (user: keyof CrmTenant['users']) => bearer(t.users[user].token);
  const post = (body: object, user: keyof CrmTenant['users'] = 'admin') => http(app).post('/api/companies').set(as(user)).send(body);
  const audit = (id: string) =>
    t.sql<{ acao: string; campo: string | null; valor_anterior: unknown; valor_novo: unknown }>(
      "SELECT acao, campo, valor_anterior, valor_novo FROM tb_auditoria WHERE entidade = 'tb_empresa' AND registro_id = $1 ORDER BY ocorrido_em, acao, campo",
      [id],
    );
  const alnumCnpj = cnpjFrom('12ABC34501DE'); // the July 2026 alphanumeric format

  beforeAll(async () => {
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000' });
    app = await startApp(db);
    t = await setupCrmTenant(app, db, 'crm_empresas');
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('creates a company with an alphanumeric CNPJ, main address and tags; reads, updates, deletes and restores it', async () => {
    const created = await post({
      legalName: 'Distribuidora Lima Ltda',
      tradeName: 'Lima Distribuidora',
      cnpj: `${alnumCnpj.slice(0, 2)}.${alnumCnpj.slice(2, 5)}.${alnumCnpj.slice(5, 8)}/${alnumCnpj.slice(8, 12)}-${alnumCnpj.slice(12)}`.toLowerCase(),
      segment: 'atacado',
      size: 'epp',
      phone: '(11) 3456-7890',
      annualRevenue: 1250000.5,
      employeeCount: 40,
      address: { postalCode: '01310-100', street: 'Avenida Paulista', number: '1000', city: 'São Paulo', state: 'sp' },
      tags: ['fornecedor'],
    }).expect(201);
    expect(created.body).toMatchObject({
      legalName: 'Distribuidora Lima Ltda',
      cnpj: alnumCnpj,
      phone: '+551134567890',
      annualRevenue: 1250000.5,
      employeeCount: 40,
      lifecycleStage: 'lead',
      status: 'ativo',
      address: { postalCode: '01310100', street: 'Avenida Paulista', number: '1000', complement: null, district: null, city: 'São Paulo', state: 'SP' },
      tags: ['fornecedor'],
      version: 1,
      ownerId: t.users.admin.id,
    });
    const id = created.body.id;
    expect((await http(app).get(`/api/companies/${id}`).set(as('analyst')).expect(200)).body).toEqual(created.body);

    // PATCH: only the address parts sent change; becoming a customer sets customerSince
    const upd = await http(app)
      .patch(`/api/companies/${id}`)
      .set(as('manager'))
      .set('If-Match', '"1"')
      .send({ address: { number: '1100', district: 'Bela Vista' }, lifecycleStage: 'cliente' })
      .expect(200);
    expect(upd.body).toMatchObject({ version: 2, lifecycleStage: 'cliente', address: { street: 'Avenida Paulista', number: '1100', district: 'Bela Vista' } });
    expect(upd.body.customerSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const stale = await http(app).patch(`/api/companies/${id}`).set(as('manager')).send({ version: 1, segment: 'varejo' }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    const staleHeader = await http(app).patch(`/api/companies/${id}`).set(as('manager')).set('If-Match', 'W/"1"').send({ segment: 'varejo' }).expect(409);
    expect(staleHeader.body.details.currentVersion).toBe(2);

    const rows = await audit(id);
    expect(rows.map((r) => [r.acao, r.campo])).toEqual(
      expect.arrayContaining([['criar', null], ['atualizar', 'ciclo_vida'], ['atualizar', 'cliente_desde'], ['atualizar', 'address']]),
    );
    const addressRow = rows.find((r) => r.campo === 'address')!;
    expect(addressRow.valor_anterior).toMatchObject({ number: '1000', district: null });
    expect(addressRow.valor_novo).toMatchObject({ number: '1100', district: 'Bela Vista' });

    await http(app).delete(`/api/companies/${id}`).set(as('manager')).expect(204);
    expect((await http(app).get(`/api/companies/${id}`).set(as('manager')).expect(404)).body.code).toBe('COMPANY_NOT_FOUND');
    const restored = await http(app).post(`/api/companies/${id}/restore`).set(as('manager')).expect(200);
    expect(restored.body).toMatchObject({ deletedAt: null, version: 4 });
    const history = await http(app).get(`/api/companies/${id}/history?action=excluir,restaurar`).set(as('analyst')).expect(200);
    expect(history.body.items.map((i: { action: string }) => i.action)).toEqual(['restaurar', 'excluir']);
  });

  it('names each bad field: CNPJ check digits, CEP, UF, phone, nested address', async () => {
    const res = await post({ legalName: 'X', cnpj: '11.222.333/0001-82', phone: '123', address: { postalCode: '123', state: 'XX' } }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = res.body.details.fields as { field: string; message: string }[];
    expect(fields.map((f) => f.field).sort()).toEqual(['address.postalCode', 'address.state', 'cnpj', 'phone']);
    expect(fields.find((f) => f.field === 'cnpj')!.message).toBe('CNPJ inválido (dígitos verificadores)');
    expect((await post({}).expect(400)).body.details.fields.map((f: { field: string }) => f.field)).toContain('legalName');
  });

  it('refuses a duplicate CNPJ with the existing id, on create and update', async () => {
    const cnpj = cnpjFrom('112223330001');
    const first = (await post({ legalName: 'Original SA', cnpj }).expect(201)).body;
    const dup = await post({ legalName: 'Cópia SA', cnpj: '11.222.333/0001-81' }).expect(409);
    expect(dup.body).toMatchObject({ code: 'DUPLICATE_COMPANY', details: { field: 'cnpj', existingId: first.id } });
    const other = (await post({ legalName: 'Outra SA' }).expect(201)).body;
    const upd = await http(app).patch(`/api/companies/${other.id}`).set(as('admin')).send({ version: 1, cnpj }).expect(409);
    expect(upd.body.details).toEqual({ field: 'cnpj', existingId: first.id });
  });

  it('merges: contacts, deals, activities, notes, tags and branches move to the target; empty fields are filled', async () => {
    const target = (await post({ legalName: 'Mercado Bom Preço Ltda', tags: ['rede'] }).expect(201)).body;
    const source = (await post({
      legalName: 'Mercado Bom Preco',
      cnpj: cnpjFrom('445556660001'),
      website: 'https://bompreco.com.br',
      address: { city: 'Recife', state: 'PE' },
      tags: ['nordeste'],
    }).expect(201)).body;
    const branch = (await post({ legalName: 'Bom Preço Filial', parentCompanyId: source.id }).expect(201)).body;
    const contact = (await http(app).post('/api/contacts').set(as('admin')).send({ name: 'Comprador', companyId: source.id }).expect(201)).body;
    const [stage] = await t.sql<{ funil_id: string; id: string }>("SELECT funil_id, id FROM tb_etapa WHERE tipo = 'aberto' ORDER BY ordem LIMIT 1");
    await t.sql('INSERT INTO tb_oportunidade (titulo, empresa_id, funil_id, etapa_id) VALUES ($1, $2, $3, $4)', ['Contrato anual', source.id, stage.funil_id, stage.id]);
    await t.sql("INSERT INTO tb_atividade (tipo, assunto, empresa_id) VALUES ('visita', 'Visita à loja', $1)", [source.id]);
    await t.sql("INSERT INTO tb_nota (conteudo, empresa_id) VALUES ('Compra às segundas', $1)", [source.id]);

    await http(app).post(`/api/companies/${target.id}/merge`).set(as('salesNorth')).send({ sourceId: source.id }).expect(403);
    const merged = await http(app).post(`/api/companies/${target.id}/merge`).set(as('admin')).send({ sourceId: source.id }).expect(200);
    expect(merged.body).toMatchObject({
      legalName: 'Mercado Bom Preço Ltda',
      cnpj: source.cnpj,
      website: 'https://bompreco.com.br',
      address: { city: 'Recife', state: 'PE' },
      tags: ['nordeste', 'rede'],
      version: 2,
    });
    expect((await http(app).get(`/api/contacts/${contact.id}`).set(as('admin')).expect(200)).body.companyId).toBe(target.id);
    expect((await http(app).get(`/api/companies/${branch.id}`).set(as('admin')).expect(200)).body.parentCompanyId).toBe(target.id);
    const [counts] = await t.sql<{ o: number; a: number; n: number }>(
      `SELECT (SELECT count(*) FROM tb_oportunidade WHERE empresa_id = $1)::int AS o, (SELECT count(*) FROM tb_atividade WHERE empresa_id = $1)::int AS a,
              (SELECT count(*) FROM tb_nota WHERE empresa_id = $1)::int AS n`,
      [target.id],
    );
    expect(counts).toEqual({ o: 1, a: 1, n: 1 });
    const row = (await audit(target.id)).find((r) => r.acao === 'mesclar' && r.campo === null)!;
    expect(row.valor_novo).toMatchObject({ sourceId: source.id, moved: { contacts: 1, opportunities: 1, activities: 1, notes: 1, branches: 1, addresses: 1, tags: 1 } });
    await http(app).get(`/api/companies/${source.id}`).set(as('admin')).expect(404);
  });

  it('lists with filters (segment, size, state, city without accents, revenue range), q by CNPJ or name, sort and cursor', async () => {
    const mk = (legalName: string, extra: object) => post({ legalName, ...extra }).expect(201).then((r) => r.body);
    const a = await mk('Padaria Pão Quente', { segment: 'padaria', size: 'me', annualRevenue: 300000, address: { city: 'Curitiba', state: 'PR' } });
    const b = await mk('Açougue Boi Gordo', { segment: 'acougue', size: 'me', annualRevenue: 900000, cnpj: cnpjFrom('987650000001'), address: { city: 'Maringá', state: 'PR' } });
    await mk('Hortifruti Verde', { segment: 'hortifruti', size: 'epp', annualRevenue: 2000000, address: { city: 'Florianópolis', state: 'SC' } });
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);

    expect(ids(await http(app).get('/api/companies?state=PR&sort=legalName').set(as('admin')).expect(200))).toEqual([b.id, a.id]);
    expect(ids(await http(app).get('/api/companies?city=maringa').set(as('admin')).expect(200))).toEqual([b.id]);
    expect(ids(await http(app).get('/api/companies?size=me&annualRevenueMin=500000').set(as('admin')).expect(200))).toEqual([b.id]);
    expect((await http(app).get('/api/companies?sort=-annualRevenue').set(as('admin')).expect(400)).body.code).toBe('INVALID_SORT');
    expect(ids(await http(app).get('/api/companies?segment=padaria&segment=acougue&sort=-legalName').set(as('admin')).expect(200))).toEqual([a.id, b.id]);
    expect(ids(await http(app).get('/api/companies?q=pao quente').set(as('admin')).expect(200))).toEqual([a.id]);
    expect(ids(await http(app).get(`/api/companies?q=${encodeURIComponent('98.765.000/0001')}`).set(as('admin')).expect(200))).toEqual([b.id]);
    const page1 = await http(app).get('/api/companies?state=PR,SC&sort=-createdAt&limit=2&includeTotal=true&fields=legalName').set(as('admin')).expect(200);
    expect(page1.body.total).toBe(3);
    expect(page1.body.items).toHaveLength(2);
    expect(Object.keys(page1.body.items[0]).sort()).toEqual(['id', 'legalName']);
    const page2 = await http(app).get(`/api/companies?state=PR,SC&sort=-createdAt&limit=2&fields=legalName&cursor=${page1.body.nextCursor}`).set(as('admin')).expect(200);
    expect(page2.body.items.map((i: { legalName: string }) => i.legalName)).toEqual(['Padaria Pão Quente']);
    expect(page2.body.nextCursor).toBeNull();
    // a cursor only fits the sort it was issued for
    expect((await http(app).get(`/api/companies?sort=legalName&cursor=${page1.body.nextCursor}`).set(as('admin')).expect(400)).body.code).toBe('INVALID_CURSOR');
    expect((await http(app).get('/api/companies?state=XX').set(as('admin')).expect(400)).body.code).toBe('INVALID_FILTER_VALUE');
  });
});
