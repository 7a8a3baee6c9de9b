import { INestApplication } from '@nestjs/common';
import { http, startApp } from './support/auth-helpers';
import { bearer, cpfFrom, CrmTenant, setupCrmTenant } from './support/crm-fixtures';
import { createTestDb, TestDb } from './support/test-db';

describe('contacts API (real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let t: CrmTenant;
  const as = (user: keyof CrmTenant['users']) => bearer(t.users[user].token);
  const post = (body: object, user: keyof CrmTenant['users'] = 'admin') => http(app).post('/api/contacts').set(as(user)).send(body);
  const audit = (id: string) =>
    t.sql<{ acao: string; campo: string | null; valor_anterior: unknown; valor_novo: unknown; usuario_id: string | null; requisicao_id: string | null }>(
      "SELECT acao, campo, valor_anterior, valor_novo, usuario_id, requisicao_id FROM tb_auditoria WHERE entidade = 'tb_contato' AND registro_id = $1 ORDER BY ocorrido_em, acao, campo",
      [id],
    );

  beforeAll(async () => {
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000' });
    app = await startApp(db);
    t = await setupCrmTenant(app, db, 'crm_contatos');
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('create, read, update, delete, restore', () => {
    it('creates a contact with normalized Brazilian data, reads it back, and audits the creation', async () => {
      const res = await post({
        name: '  Maria Souza ',
        email: 'Maria.Souza@Example.com.BR',
        phone: '(11) 3456-7890',
        mobile: '11 98765-4321',
        cpf: '529.982.247-25',
        birthDate: '1990-05-17',
        jobTitle: 'Compradora',
        lifecycleStage: 'lead',
        tags: ['VIP', 'atacado'],
      }).expect(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({
        name: 'Maria Souza',
        email: 'maria.souza@example.com.br',
        phone: '+551134567890',
        mobile: '+5511987654321',
        cpf: '52998224725',
        birthDate: '1990-05-17',
        lifecycleStage: 'lead',
        status: 'ativo',
        ownerId: t.users.admin.id,
        version: 1,
        tags: ['atacado', 'VIP'],
        deletedAt: null,
      });
      const read = await http(app).get(`/api/contacts/${res.body.id}`).set(as('analyst')).expect(200);
      expect(read.body).toEqual(res.body);
      const rows = await audit(res.body.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ acao: 'criar', campo: null, usuario_id: t.users.admin.id });
      expect(rows[0].valor_novo).toMatchObject({ name: 'Maria Souza', cpf: '52998224725', tags: ['atacado', 'VIP'] });
      expect(rows[0].requisicao_id).toBe(res.headers['x-request-id']);
    });

    it('updates with the version in the body or If-Match, one audit row per changed field, and 409 on a stale version', async () => {
      const c = (await post({ name: 'Pedro Alves', email: 'pedro@example.com' }).expect(201)).body;
      const v2 = await http(app).patch(`/api/contacts/${c.id}`).set(as('manager')).send({ version: 1, jobTitle: 'Gerente', email: 'PEDRO.ALVES@example.com' }).expect(200);
      expect(v2.body).toMatchObject({ version: 2, jobTitle: 'Gerente', email: 'pedro.alves@example.com' });
      expect(v2.headers.etag).toBe('"2"');

      const v3 = await http(app).patch(`/api/contacts/${c.id}`).set(as('manager')).set('If-Match', '"2"').send({ lifecycleStage: 'cliente' }).expect(200);
      expect(v3.body).toMatchObject({ version: 3, lifecycleStage: 'cliente' });
      expect(v3.body.convertedAt).toEqual(expect.any(String));

      // stale, in the body and in If-Match
      const staleBody = await http(app).patch(`/api/contacts/${c.id}`).set(as('manager')).send({ version: 1, jobTitle: 'X' }).expect(409);
      expect(staleBody.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 3 } });
      const staleHeader = await http(app).patch(`/api/contacts/${c.id}`).set(as('manager')).set('If-Match', '"2"').send({ jobTitle: 'X' }).expect(409);
      expect(staleHeader.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 3 } });
      // no version at all
      const missing = await http(app).patch(`/api/contacts/${c.id}`).set(as('manager')).send({ jobTitle: 'X' }).expect(428);
      expect(missing.body.code).toBe('VERSION_REQUIRED');

      const rows = await audit(c.id);
      expect(rows.filter((r) => r.acao === 'atualizar').map((r) => [r.campo, r.valor_anterior, r.valor_novo])).toEqual(
        expect.arrayContaining([
          ['cargo', null, 'Gerente'],
          ['email', 'pedro@example.com', 'pedro.alves@example.com'],
          ['ciclo_vida', 'lead', 'cliente'],
          ['convertido_em', null, v3.body.convertedAt],
        ]),
      );
      expect(rows.filter((r) => r.acao === 'atualizar')).toHaveLength(4);
      expect(rows.every((r) => r.acao === 'criar' || r.usuario_id === t.users.manager.id)).toBe(true);
    });

    it('lets exactly one of two concurrent updates of the same version win', async () => {
      const c = (await post({ name: 'Concorrência' }).expect(201)).body;
      const results = await Promise.all(
        ['A', 'B'].map((x) => http(app).patch(`/api/contacts/${c.id}`).set(as('admin')).send({ version: 1, jobTitle: x })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)!.body.details).toEqual({ currentVersion: 2 });
    });

    it('soft-deletes, hides, restores, and audits both', async () => {
      const c = (await post({ name: 'Apagável' }).expect(201)).body;
      await http(app).delete(`/api/contacts/${c.id}`).set(as('admin')).set('If-Match', '"7"').expect(409);
      await http(app).delete(`/api/contacts/${c.id}`).set(as('admin')).expect(204);
      expect((await http(app).get(`/api/contacts/${c.id}`).set(as('admin')).expect(404)).body.code).toBe('CONTACT_NOT_FOUND');
      await http(app).delete(`/api/contacts/${c.id}`).set(as('admin')).expect(404);
      const trash = await http(app).get('/api/contacts?deleted=only&fields=id,name,deletedAt').set(as('admin')).expect(200);
      expect(trash.body.items).toEqual([{ id: c.id, name: 'Apagável', deletedAt: expect.any(String) }]);
      const live = await http(app).get('/api/contacts?limit=200').set(as('admin')).expect(200);
      expect(live.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);

      const restored = await http(app).post(`/api/contacts/${c.id}/restore`).set(as('admin')).expect(200);
      expect(restored.body).toMatchObject({ id: c.id, deletedAt: null, version: 3 });
      expect((await http(app).post(`/api/contacts/${c.id}/restore`).set(as('admin')).expect(409)).body.code).toBe('NOT_DELETED');
      expect((await audit(c.id)).map((r) => r.acao)).toEqual(['criar', 'excluir', 'restaurar']);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      for (const req of [
        http(app).get(`/api/contacts/${missing}`),
        http(app).patch(`/api/contacts/${missing}`).send({ version: 1, name: 'x' }),
        http(app).delete(`/api/contacts/${missing}`),
        http(app).post(`/api/contacts/${missing}/restore`),
        http(app).get(`/api/contacts/${missing}/history`),
      ]) {
        const res = await req.set(as('admin'));
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ statusCode: 404, code: 'CONTACT_NOT_FOUND', requestId: expect.any(String) });
      }
      expect((await http(app).get('/api/contacts/abc').set(as('admin')).expect(400)).body.code).toBe('INVALID_ID');
    });
  });

  describe('validation', () => {
    it('names each bad field (CPF, phone, e-mail, enum, unknown property)', async () => {
      const res = await post({ name: '', cpf: '123.456.789-00', phone: '(00) 1234-5678', email: 'not-an-email', lifecycleStage: 'prospect', foo: 1 }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const fields = res.body.details.fields as { field: string; message: string }[];
      expect([...new Set(fields.map((f) => f.field))].sort()).toEqual(['cpf', 'email', 'foo', 'lifecycleStage', 'name', 'phone']);
      expect(fields.find((f) => f.field === 'cpf')!.message).toMatch(/CPF inválido/);
      expect(fields.find((f) => f.field === 'phone')!.message).toMatch(/telefone inválido/);
    });

    it('refuses null on a required field in PATCH and a bad reference', async () => {
      const c = (await post({ name: 'Nulo' }).expect(201)).body;
      const res = await http(app).patch(`/api/contacts/${c.id}`).set(as('admin')).send({ version: 1, name: null, status: null }).expect(400);
      expect([...new Set(res.body.details.fields.map((f: { field: string }) => f.field))].sort()).toEqual(['name', 'status']);
      const ref = await http(app).patch(`/api/contacts/${c.id}`).set(as('admin')).send({ version: 1, companyId: '00000000-0000-4000-8000-000000000000' }).expect(400);
      expect(ref.body).toMatchObject({ code: 'INVALID_REFERENCE', details: { fields: [{ field: 'companyId' }] } });
    });
  });

  describe('duplicates', () => {
    it('refuses a second live contact with the same CPF, e-mail (any case) or phone, naming the existing one', async () => {
      const first = (await post({ name: 'Original', cpf: cpfFrom('111444777'), email: 'dup@example.com', mobile: '(21) 99876-5432' }).expect(201)).body;
      const byCpf = await post({ name: 'Cópia', cpf: '111.444.777-35' }).expect(409);
      expect(byCpf.body).toMatchObject({ code: 'DUPLICATE_CONTACT', details: { field: 'cpf', existingId: first.id } });
      const byEmail = await post({ name: 'Cópia', email: 'DUP@example.com' }).expect(409);
      expect(byEmail.body).toMatchObject({ code: 'DUPLICATE_CONTACT', details: { field: 'email', existingId: first.id } });
      // the same number as landline field or mobile field
      const byPhone = await post({ name: 'Cópia', phone: '+55 21 99876-5432' }).expect(409);
      expect(byPhone.body).toMatchObject({ code: 'DUPLICATE_CONTACT', details: { field: 'phone', existingId: first.id } });
      // an update into a duplicate is refused too
      const other = (await post({ name: 'Outro' }).expect(201)).body;
      const upd = await http(app).patch(`/api/contacts/${other.id}`).set(as('admin')).send({ version: 1, email: 'dup@example.com' }).expect(409);
      expect(upd.body.details).toEqual({ field: 'email', existingId: first.id });
      // once the original is deleted the key is free, and the original can no longer be restored over it
      await http(app).delete(`/api/contacts/${first.id}`).set(as('admin')).expect(204);
      const second = (await post({ name: 'Sucessor', cpf: '111.444.777-35' }).expect(201)).body;
      const restore = await http(app).post(`/api/contacts/${first.id}/restore`).set(as('admin')).expect(409);
      expect(restore.body).toMatchObject({ code: 'DUPLICATE_CONTACT', details: { field: 'cpf', existingId: second.id } });
    });
  });

  describe('merge', () => {
    it('moves activities, notes, deals and tags to the target, fills empty fields, deletes the source, audits it', async () => {
      const target = (await post({ name: 'Ana (destino)', email: 'ana@example.com', tags: ['vip'] }).expect(201)).body;
      const source = (await post({ name: 'Ana (duplicada)', mobile: '(31) 99999-0000', cpf: cpfFrom('987654321'), tags: ['vip', 'evento'] }).expect(201)).body;
      const [stage] = await t.sql<{ funil_id: string; id: string }>("SELECT funil_id, id FROM tb_etapa WHERE tipo = 'aberto' ORDER BY ordem LIMIT 1");
      await t.sql("INSERT INTO tb_atividade (tipo, assunto, contato_id) VALUES ('ligacao', 'Ligar', $1), ('tarefa', 'Enviar proposta', $1)", [source.id]);
      await t.sql("INSERT INTO tb_nota (conteudo, contato_id) VALUES ('Prefere WhatsApp', $1)", [source.id]);
      await t.sql('INSERT INTO tb_oportunidade (titulo, contato_id, funil_id, etapa_id) VALUES ($1, $2, $3, $4)', ['Pedido', source.id, stage.funil_id, stage.id]);

      // sellers cannot merge (a merge must move records they may not see)
      await http(app).post(`/api/contacts/${target.id}/merge`).set(as('salesNorth')).send({ sourceId: source.id }).expect(403);
      expect((await http(app).post(`/api/contacts/${target.id}/merge`).set(as('admin')).send({ sourceId: target.id }).expect(400)).body.code).toBe('MERGE_SAME_RECORD');
      await http(app).post(`/api/contacts/${target.id}/merge`).set(as('admin')).set('If-Match', '"9"').send({ sourceId: source.id }).expect(409);

      const merged = await http(app).post(`/api/contacts/${target.id}/merge`).set(as('manager')).send({ sourceId: source.id, version: 1 }).expect(200);
      expect(merged.body).toMatchObject({
        id: target.id,
        name: 'Ana (destino)',
        email: 'ana@example.com',
        mobile: '+5531999990000',
        cpf: source.cpf,
        tags: ['evento', 'VIP'], // tag names are case-insensitive: the tenant's existing spelling is kept
        version: 2,
      });
      await http(app).get(`/api/contacts/${source.id}`).set(as('admin')).expect(404);
      const links = await t.sql<{ a: number; n: number; o: number; left: number }>(
        `SELECT (SELECT count(*) FROM tb_atividade WHERE contato_id = $1)::int AS a, (SELECT count(*) FROM tb_nota WHERE contato_id = $1)::int AS n,
                (SELECT count(*) FROM tb_oportunidade WHERE contato_id = $1)::int AS o,
                (SELECT count(*) FROM tb_atividade WHERE contato_id = $2)::int + (SELECT count(*) FROM tb_tag_registro WHERE contato_id = $2)::int AS left`,
        [target.id, source.id],
      );
      expect(links[0]).toEqual({ a: 2, n: 1, o: 1, left: 0 });
      const targetAudit = await audit(target.id);
      const mergeRow = targetAudit.find((r) => r.acao === 'mesclar' && r.campo === null)!;
      expect(mergeRow.valor_novo).toMatchObject({ sourceId: source.id, moved: { activities: 2, notes: 1, opportunities: 1, tags: 2 } });
      expect(targetAudit.filter((r) => r.acao === 'mesclar' && r.campo).map((r) => r.campo).sort()).toEqual(['celular', 'cpf']);
      expect((await audit(source.id)).map((r) => r.acao)).toEqual(['criar', 'excluir', 'mesclar']);
    });
  });

  describe('history', () => {
    it('pages the field-by-field history with API field names, newest first', async () => {
      const c = (await post({ name: 'Histórico' }).expect(201)).body;
      let version = 1;
      for (const title of ['A', 'B', 'C']) {
        version = (await http(app).patch(`/api/contacts/${c.id}`).set(as('admin')).send({ version, jobTitle: title }).expect(200)).body.version;
      }
      const first = await http(app).get(`/api/contacts/${c.id}/history?limit=2`).set(as('analyst')).expect(200);
      expect(first.body.items.map((i: { field: string; to: unknown }) => [i.field, i.to])).toEqual([
        ['jobTitle', 'C'],
        ['jobTitle', 'B'],
      ]);
      const rest = await http(app).get(`/api/contacts/${c.id}/history?limit=2&cursor=${first.body.nextCursor}`).set(as('analyst')).expect(200);
      expect(rest.body.items.map((i: { action: string; field: string | null }) => [i.action, i.field])).toEqual([
        ['atualizar', 'jobTitle'],
        ['criar', null],
      ]);
      expect(rest.body.nextCursor).toBeNull();
      expect(rest.body.items[0]).toMatchObject({ from: null, to: 'A', userId: t.users.admin.id, origin: 'api' });
    });
  });

  describe('lists', () => {
    it('refuses an unknown filter, sort or field naming the allowed ones', async () => {
      const filter = await http(app).get('/api/contacts?colour=blue').set(as('admin')).expect(400);
      expect(filter.body).toMatchObject({ code: 'INVALID_FILTER', details: { unknown: ['colour'] } });
      expect(filter.body.details.allowed).toEqual(expect.arrayContaining(['lifecycleStage', 'status', 'companyId', 'ownerId', 'owner', 'tag', 'createdFrom', 'createdTo']));
      const sort = await http(app).get('/api/contacts?sort=-colour').set(as('admin')).expect(400);
      expect(sort.body).toMatchObject({ code: 'INVALID_SORT', details: { allowed: ['name', 'lastActivityAt', 'createdAt', 'updatedAt'] } });
      expect(sort.body.message).toContain('name, lastActivityAt, createdAt, updatedAt');
      const fields = await http(app).get('/api/contacts?fields=id,colour').set(as('admin')).expect(400);
      expect(fields.body.code).toBe('INVALID_FIELDS');
      const value = await http(app).get('/api/contacts?lifecycleStage=prospect').set(as('admin')).expect(400);
      expect(value.body).toMatchObject({ code: 'INVALID_FILTER_VALUE', details: { parameter: 'lifecycleStage' } });
      await http(app).get('/api/contacts?limit=201').set(as('admin')).expect(400);
    });

    it('filters by tag, owner=me, e-mail, phone and q (accents and case ignored), with total and field selection', async () => {
      const mine = (await post({ name: 'José da Conceição', email: 'jose@feira.com.br', phone: '(41) 3333-2222', tags: ['Feira'] }, 'salesNorth').expect(201)).body;
      const q = await http(app).get('/api/contacts?q=CONCEICAO&fields=id,name&includeTotal=true').set(as('salesNorth')).expect(200);
      expect(q.body).toEqual({ items: [{ id: mine.id, name: 'José da Conceição' }], nextCursor: null, total: 1 });
      const tag = await http(app).get('/api/contacts?tag=feira&fields=id').set(as('admin')).expect(200);
      expect(tag.body.items).toEqual([{ id: mine.id }]);
      const me = await http(app).get('/api/contacts?owner=me&fields=id').set(as('salesNorth')).expect(200);
      expect(me.body.items).toEqual([{ id: mine.id }]);
      expect((await http(app).get('/api/contacts?email=JOSE@feira.com.br&fields=id').set(as('admin')).expect(200)).body.items).toEqual([{ id: mine.id }]);
      expect((await http(app).get('/api/contacts?phone=41 3333-2222&fields=id').set(as('admin')).expect(200)).body.items).toEqual([{ id: mine.id }]);
    });
  });

  describe('roles', () => {
    it('lets every role read and only admin/manager/sales write; API tokens act with their role', async () => {
      await http(app).get('/api/contacts').set(as('analyst')).expect(200);
      const denied = await post({ name: 'Analista escreve' }, 'analyst').expect(403);
      expect(denied.body.code).toBe('FORBIDDEN_ROLE');
      const c = (await post({ name: 'Vendedor escreve' }, 'salesNorth').expect(201)).body;
      await http(app).patch(`/api/contacts/${c.id}`).set(as('analyst')).send({ version: 1, name: 'x' }).expect(403);
      await http(app).delete(`/api/contacts/${c.id}`).set(as('analyst')).expect(403);

      const token = await http(app).post('/api/tokens').set(as('admin')).send({ name: 'leitura', role: 'analyst' }).expect(201);
      await http(app).get('/api/contacts').set(bearer(token.body.token)).expect(200);
      await http(app).post('/api/contacts').set(bearer(token.body.token)).send({ name: 'via token' }).expect(403);
      const writer = await http(app).post('/api/tokens').set(as('admin')).send({ name: 'escrita', role: 'manager' }).expect(201);
      const viaToken = await http(app).post('/api/contacts').set(bearer(writer.body.token)).send({ name: 'via token' }).expect(201);
      expect(viaToken.body.ownerId).toBeNull();
    });
  });
});
