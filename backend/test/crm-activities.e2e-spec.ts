import { INestApplication } from '@nestjs/common';
import { ACTIVITY_LIST } from '../src/crm/activities/activities.list';
import { localDay, startOfDay } from '../src/crm/activities/due-range';
import { parseListQuery } from '../src/crm/shared/list/list-plan';
import { compileList } from '../src/crm/shared/list/list-sql';
import { http, startApp } from './support/auth-helpers';
import { bearer, CrmTenant, CrmUser, setupCrmTenant, tenantClient } from './support/crm-fixtures';
import { createTestDb, TestDb } from './support/test-db';

const MISSING = '00000000-0000-4000-8000-000000000000';
const HOUR = 3_600_000;

describe('activities API (real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let t: CrmTenant;
  const as = (user: CrmUser) => bearer(t.users[user].token);
  const post = (body: object, user: CrmUser = 'admin') => http(app).post('/api/activities').set(as(user)).send(body);
  const audit = (id: string) =>
    t.sql<{ acao: string; campo: string | null; valor_anterior: unknown; valor_novo: unknown; usuario_id: string | null }>(
      "SELECT acao, campo, valor_anterior, valor_novo, usuario_id FROM tb_auditoria WHERE entidade = 'tb_atividade' AND registro_id = $1 ORDER BY ocorrido_em, acao, campo",
      [id],
    );
  const contact = async (name: string, user: CrmUser = 'admin') => (await http(app).post('/api/contacts').set(as(user)).send({ name }).expect(201)).body;
  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);

  beforeAll(async () => {
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000' });
    app = await startApp(db);
    t = await setupCrmTenant(app, db, 'crm_atividades');
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('create, read, update, delete, restore', () => {
    it('creates an activity linked to a contact, reads it back, audits it, and moves the contact’s last activity', async () => {
      const c = await contact('Cliente Ligação');
      expect(c.lastActivityAt).toBeNull();
      const res = await post({
        type: 'reuniao',
        subject: '  Apresentar proposta ',
        startAt: '2025-03-10T14:00:00-03:00',
        endAt: '2025-03-10T15:00:00-03:00',
        dueAt: '2025-03-10T18:00:00-03:00',
        priority: 'alta',
        location: 'Loja Centro',
        contactId: c.id,
        participants: [{ email: 'Comprador@Cliente.com.br' }, { userId: t.users.manager.id, response: 'aceito' }, { contactId: c.id }],
      }).expect(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({
        type: 'reuniao',
        subject: 'Apresentar proposta',
        startAt: '2025-03-10T17:00:00.000Z',
        endAt: '2025-03-10T18:00:00.000Z',
        dueAt: '2025-03-10T21:00:00.000Z',
        allDay: false,
        done: false,
        doneAt: null,
        priority: 'alta',
        origin: 'manual',
        contactId: c.id,
        ownerId: t.users.admin.id,
        version: 1,
        deletedAt: null,
      });
      // participants come back in a fixed order: users, contacts, e-mails
      expect(res.body.participants).toEqual([
        { userId: t.users.manager.id, contactId: null, email: null, response: 'aceito', attended: null },
        { userId: null, contactId: c.id, email: null, response: 'pendente', attended: null },
        { userId: null, contactId: null, email: 'comprador@cliente.com.br', response: 'pendente', attended: null },
      ]);
      expect((await http(app).get(`/api/activities/${res.body.id}`).set(as('analyst')).expect(200)).body).toEqual(res.body);
      const rows = await audit(res.body.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ acao: 'criar', campo: null, usuario_id: t.users.admin.id });
      expect(rows[0].valor_novo).toMatchObject({ subject: 'Apresentar proposta', type: 'reuniao', contactId: c.id });
      const after = (await http(app).get(`/api/contacts/${c.id}`).set(as('admin')).expect(200)).body;
      expect(after.lastActivityAt).toEqual(expect.any(String));
      expect(after.version).toBe(c.version); // a system-kept timestamp, not an edit of the contact
    });

    it('updates with the version in the body or If-Match, one audit row per changed field, 409 on a stale version, 428 without one', async () => {
      const a = (await post({ type: 'tarefa', subject: 'Enviar catálogo' }).expect(201)).body;
      const v2 = await http(app).patch(`/api/activities/${a.id}`).set(as('manager')).send({ version: 1, subject: 'Enviar catálogo 2025', dueAt: '2025-04-01T12:00:00Z' }).expect(200);
      expect(v2.body).toMatchObject({ version: 2, subject: 'Enviar catálogo 2025', dueAt: '2025-04-01T12:00:00.000Z' });
      expect(v2.headers.etag).toBe('"2"');
      const v3 = await http(app).patch(`/api/activities/${a.id}`).set(as('manager')).set('If-Match', '"2"').send({ type: 'ligacao', priority: 'baixa' }).expect(200);
      expect(v3.body).toMatchObject({ version: 3, type: 'ligacao', priority: 'baixa' });
      // sending back the same values is not a change
      const same = await http(app).patch(`/api/activities/${a.id}`).set(as('manager')).send({ version: 3, dueAt: '2025-04-01T09:00:00-03:00', subject: 'Enviar catálogo 2025' }).expect(200);
      expect(same.body.version).toBe(3);

      const stale = await http(app).patch(`/api/activities/${a.id}`).set(as('manager')).send({ version: 1, subject: 'X' }).expect(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 3 } });
      const staleHeader = await http(app).patch(`/api/activities/${a.id}`).set(as('manager')).set('If-Match', '"2"').send({ subject: 'X' }).expect(409);
      expect(staleHeader.body.details).toEqual({ currentVersion: 3 });
      expect((await http(app).patch(`/api/activities/${a.id}`).set(as('manager')).send({ subject: 'X' }).expect(428)).body.code).toBe('VERSION_REQUIRED');

      const rows = (await audit(a.id)).filter((r) => r.acao === 'atualizar');
      expect(rows.map((r) => [r.campo, r.valor_anterior, r.valor_novo])).toEqual(
        expect.arrayContaining([
          ['assunto', 'Enviar catálogo', 'Enviar catálogo 2025'],
          ['vencimento', null, '2025-04-01T12:00:00.000Z'],
          ['tipo', 'tarefa', 'ligacao'],
          ['prioridade', 'normal', 'baixa'],
        ]),
      );
      expect(rows).toHaveLength(4);
      expect(rows.every((r) => r.usuario_id === t.users.manager.id)).toBe(true);
    });

    it('completes and reopens (doneAt set and cleared), with optional result and version, all audited', async () => {
      const c = await contact('Cliente Visita');
      const a = (await post({ type: 'visita', subject: 'Visitar loja', contactId: c.id }).expect(201)).body;
      await t.sql('UPDATE tb_contato SET ultima_atividade_em = NULL WHERE id = $1', [c.id]);
      await http(app).post(`/api/activities/${a.id}/complete`).set(as('admin')).set('If-Match', '"5"').send({}).expect(409);
      const done = await http(app).post(`/api/activities/${a.id}/complete`).set(as('admin')).send({ result: 'Pedido fechado', version: 1 }).expect(200);
      expect(done.body).toMatchObject({ done: true, doneAt: expect.any(String), result: 'Pedido fechado', version: 2 });
      expect((await http(app).get(`/api/contacts/${c.id}`).set(as('admin'))).body.lastActivityAt).toEqual(expect.any(String));
      // completing again changes nothing (no new version)
      expect((await http(app).post(`/api/activities/${a.id}/complete`).set(as('admin')).send({}).expect(200)).body.version).toBe(2);
      const reopened = await http(app).post(`/api/activities/${a.id}/reopen`).set(as('admin')).expect(200);
      expect(reopened.body).toMatchObject({ done: false, doneAt: null, result: 'Pedido fechado', version: 3 });
      // PATCH done: true is the same as /complete
      const patched = await http(app).patch(`/api/activities/${a.id}`).set(as('admin')).send({ version: 3, done: true }).expect(200);
      expect(patched.body).toMatchObject({ done: true, version: 4 });
      const fields = (await audit(a.id)).filter((r) => r.acao === 'atualizar').map((r) => r.campo);
      expect(fields.filter((f) => f === 'concluida')).toHaveLength(3);
      expect(fields).toContain('resultado');
    });

    it('soft-deletes, hides, restores, and audits both; 404 for unknown or deleted ids, 400 for malformed ones', async () => {
      const a = (await post({ type: 'tarefa', subject: 'Apagável' }).expect(201)).body;
      await http(app).delete(`/api/activities/${a.id}`).set(as('admin')).set('If-Match', '"7"').expect(409);
      await http(app).delete(`/api/activities/${a.id}`).set(as('admin')).expect(204);
      expect((await http(app).get(`/api/activities/${a.id}`).set(as('admin')).expect(404)).body.code).toBe('ACTIVITY_NOT_FOUND');
      const trash = await http(app).get('/api/activities?deleted=only&fields=id,subject').set(as('admin')).expect(200);
      expect(trash.body.items).toEqual([{ id: a.id, subject: 'Apagável' }]);
      const restored = await http(app).post(`/api/activities/${a.id}/restore`).set(as('admin')).expect(200);
      expect(restored.body).toMatchObject({ id: a.id, deletedAt: null, version: 3 });
      expect((await http(app).post(`/api/activities/${a.id}/restore`).set(as('admin')).expect(409)).body.code).toBe('NOT_DELETED');
      expect((await audit(a.id)).map((r) => r.acao)).toEqual(['criar', 'excluir', 'restaurar']);

      for (const req of [
        http(app).get(`/api/activities/${MISSING}`),
        http(app).patch(`/api/activities/${MISSING}`).send({ version: 1, subject: 'x' }),
        http(app).delete(`/api/activities/${MISSING}`),
        http(app).post(`/api/activities/${MISSING}/restore`),
        http(app).post(`/api/activities/${MISSING}/complete`).send({}),
        http(app).post(`/api/activities/${MISSING}/reopen`),
        http(app).get(`/api/activities/${MISSING}/history`),
      ]) {
        const res = await req.set(as('admin'));
        expect([res.status, res.body.code]).toEqual([404, 'ACTIVITY_NOT_FOUND']);
      }
      expect((await http(app).get('/api/activities/abc').set(as('admin')).expect(400)).body.code).toBe('INVALID_ID');
    });

    it('pages the history of an activity', async () => {
      const a = (await post({ type: 'tarefa', subject: 'H1' }).expect(201)).body;
      await http(app).patch(`/api/activities/${a.id}`).set(as('admin')).send({ version: 1, subject: 'H2' }).expect(200);
      const h = await http(app).get(`/api/activities/${a.id}/history`).set(as('analyst')).expect(200);
      expect(h.body.items.map((i: { action: string; field: string | null; to: unknown }) => [i.action, i.field, i.to])).toEqual([
        ['atualizar', 'subject', 'H2'],
        ['criar', null, expect.objectContaining({ subject: 'H1' })],
      ]);
    });
  });

  describe('validation', () => {
    it('names each bad field, nested participants included', async () => {
      const res = await post({
        type: 'Ligação!',
        subject: '',
        startAt: '2025-03-10T14:00',
        priority: 'urgente',
        done: 'sim',
        participants: [{ response: 'aceito' }, { email: 'não é e-mail' }],
        foo: 1,
      }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const fields = [...new Set((res.body.details.fields as { field: string }[]).map((f) => f.field))].sort();
      expect(fields).toEqual(['done', 'foo', 'participants.0.userId', 'participants.1.email', 'priority', 'startAt', 'subject', 'type']);
      const startAt = res.body.details.fields.find((f: { field: string }) => f.field === 'startAt');
      expect(startAt.message).toMatch(/ISO 8601 com fuso/);
    });

    it('refuses an end before the start, a repeated participant, and references that do not resolve', async () => {
      const order = await post({ type: 'reuniao', subject: 'x', startAt: '2025-03-10T15:00:00Z', endAt: '2025-03-10T14:00:00Z' }).expect(400);
      expect(order.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'endAt' }] } });
      const twice = await post({ type: 'reuniao', subject: 'x', participants: [{ email: 'a@b.com' }, { email: 'A@B.com' }] }).expect(400);
      expect(twice.body.details.fields).toEqual([{ field: 'participants', message: 'participante repetido' }]);
      const refs = await post({
        type: 'telegrama',
        subject: 'x',
        contactId: MISSING,
        opportunityId: MISSING,
        participants: [{ userId: MISSING }],
      }).expect(400);
      expect(refs.body.code).toBe('INVALID_REFERENCE');
      expect(refs.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['contactId', 'opportunityId', 'participants.userId', 'type']);
      // null on a required field in PATCH
      const a = (await post({ type: 'tarefa', subject: 'Nulo' }).expect(201)).body;
      const nul = await http(app).patch(`/api/activities/${a.id}`).set(as('admin')).send({ version: 1, subject: null, priority: null }).expect(400);
      expect([...new Set(nul.body.details.fields.map((f: { field: string }) => f.field))].sort()).toEqual(['priority', 'subject']);
    });
  });

  describe('my open tasks', () => {
    const tz = 'America/Sao_Paulo';
    let expected: Record<'today' | 'overdue' | 'week', string[]>;

    beforeAll(async () => {
      const now = Date.now();
      const start = startOfDay(tz, localDay(tz, now));
      const at = (ms: number) => new Date(ms).toISOString();
      const task = async (subject: string, dueMs: number | null, user: CrmUser = 'salesNorth') =>
        (await post({ type: 'tarefa', subject, ...(dueMs === null ? {} : { dueAt: at(dueMs) }) }, user).expect(201)).body.id as string;
      const earlierToday = await task('hoje, já passou', start + (now - start) / 2);
      const laterToday = await task('hoje, mais tarde', now + (start + 24 * HOUR - now) / 2);
      const yesterday = await task('ontem', start - HOUR);
      const inThreeDays = await task('em 3 dias', start + 3 * 24 * HOUR + 12 * HOUR);
      await task('em 10 dias', start + 10 * 24 * HOUR);
      await task('sem vencimento', null);
      const done = await task('feita hoje', now + (start + 24 * HOUR - now) / 2);
      await http(app).post(`/api/activities/${done}/complete`).set(as('salesNorth')).send({}).expect(200);
      const deleted = await task('apagada hoje', now + (start + 24 * HOUR - now) / 2);
      await http(app).delete(`/api/activities/${deleted}`).set(as('salesNorth')).expect(204);
      await task('do colega, hoje', now + (start + 24 * HOUR - now) / 2, 'salesNorth2');
      expected = { today: [earlierToday, laterToday], overdue: [yesterday, earlierToday], week: [earlierToday, laterToday, inThreeDays] };
    });

    it('returns exactly the caller’s open tasks due in the range, earliest first', async () => {
      for (const range of ['today', 'overdue', 'week'] as const) {
        const res = await http(app).get(`/api/activities/my-open?range=${range}&includeTotal=true`).set(as('salesNorth')).expect(200);
        expect(ids(res)).toEqual(expected[range]);
        expect(res.body.total).toBe(expected[range].length);
        expect(res.body.items.every((i: { ownerId: string; done: boolean }) => i.ownerId === t.users.salesNorth.id && !i.done)).toBe(true);
      }
      // the team mate sees only their own, though RLS lets them see these
      expect((await http(app).get('/api/activities/my-open?range=today&fields=subject').set(as('salesNorth2')).expect(200)).body.items).toEqual([
        { id: expect.any(String), subject: 'do colega, hoje' },
      ]);
    });

    it('pages with the cursor, and refuses unknown parameters, a bad range and API tokens', async () => {
      const first = await http(app).get('/api/activities/my-open?range=week&limit=2').set(as('salesNorth')).expect(200);
      const rest = await http(app).get(`/api/activities/my-open?range=week&limit=2&cursor=${first.body.nextCursor}`).set(as('salesNorth')).expect(200);
      expect([...ids(first), ...ids(rest)]).toEqual(expected.week);
      expect(rest.body.nextCursor).toBeNull();
      const bad = await http(app).get('/api/activities/my-open?range=month').set(as('salesNorth')).expect(400);
      expect(bad.body).toMatchObject({ code: 'INVALID_FILTER_VALUE', details: { parameter: 'range' } });
      await http(app).get('/api/activities/my-open').set(as('salesNorth')).expect(400);
      const unknown = await http(app).get('/api/activities/my-open?range=today&ownerId=x').set(as('salesNorth')).expect(400);
      expect(unknown.body).toMatchObject({ code: 'INVALID_FILTER', details: { unknown: ['ownerId'] } });
      const token = await http(app).post('/api/tokens').set(as('admin')).send({ name: 'integração', role: 'manager' }).expect(201);
      expect((await http(app).get('/api/activities/my-open?range=today').set(bearer(token.body.token)).expect(403)).body.code).toBe('USER_SESSION_REQUIRED');
    });

  });

  describe('lists', () => {
    it('filters by type, done, owner, contact, due range and overdue; sorts by dueAt; refuses unknown filters naming the allowed ones', async () => {
      const c = await contact('Cliente Filtros');
      const call = (await post({ type: 'ligacao', subject: 'F1', contactId: c.id, dueAt: '2030-01-02T12:00:00Z' }).expect(201)).body;
      const visit = (await post({ type: 'visita', subject: 'F2', contactId: c.id, dueAt: '2030-01-01T12:00:00Z', done: true }).expect(201)).body;
      const q = (s: string) => http(app).get(`/api/activities?contactId=${c.id}&${s}`).set(as('admin')).expect(200);
      expect(ids(await q('type=ligacao,visita&sort=dueAt'))).toEqual([visit.id, call.id]);
      expect(ids(await q('type=visita'))).toEqual([visit.id]);
      expect(ids(await q('done=false'))).toEqual([call.id]);
      expect(ids(await q('dueFrom=2030-01-02&dueTo=2030-01-02'))).toEqual([call.id]);
      expect(ids(await q('overdue=true'))).toEqual([]);
      expect(ids(await q('sort=-createdAt'))).toEqual([visit.id, call.id]);
      expect(ids(await q('owner=me'))).toEqual([visit.id, call.id]);
      expect(ids(await http(app).get(`/api/activities?contactId=${c.id}&owner=me`).set(as('manager')).expect(200))).toEqual([]);
      await t.sql("UPDATE tb_atividade SET vencimento = now() - interval '1 day' WHERE id = $1", [call.id]);
      expect(ids(await q('overdue=true'))).toEqual([call.id]);

      const unknown = await http(app).get('/api/activities?colour=blue').set(as('admin')).expect(400);
      expect(unknown.body.details.allowed).toEqual(
        expect.arrayContaining(['type', 'done', 'ownerId', 'owner', 'contactId', 'companyId', 'opportunityId', 'dueFrom', 'dueTo', 'overdue', 'createdFrom', 'createdTo']),
      );
      const sort = await http(app).get('/api/activities?sort=subject').set(as('admin')).expect(400);
      expect(sort.body.details.allowed).toEqual(['startAt', 'dueAt', 'createdAt']);
    });

    it('walks every page once with the cursor', async () => {
      const all = await http(app).get('/api/activities?limit=200&fields=id').set(as('admin')).expect(200);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await http(app)
          .get(`/api/activities?limit=3&fields=id${cursor ? `&cursor=${cursor}` : ''}`)
          .set(as('admin'))
          .expect(200);
        seen.push(...res.body.items.map((i) => i.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(ids(all));
    });
  });

  describe('roles and ownership', () => {
    it('lets every role read and only admin/manager/sales write', async () => {
      await http(app).get('/api/activities').set(as('analyst')).expect(200);
      expect((await post({ type: 'tarefa', subject: 'x' }, 'analyst').expect(403)).body.code).toBe('FORBIDDEN_ROLE');
    });

    it('a seller never sees another team’s activities: list, detail, history, writes', async () => {
      const south = (await post({ type: 'ligacao', subject: 'Segredo do Sul' }, 'salesSouth').expect(201)).body;
      const north = (await post({ type: 'ligacao', subject: 'Segredo do Norte' }, 'salesNorth').expect(201)).body;
      const list = await http(app).get('/api/activities?limit=200&fields=id,subject').set(as('salesNorth')).expect(200);
      expect(JSON.stringify(list.body)).not.toContain('Segredo do Sul');
      expect(ids(list)).toContain(north.id);
      expect(ids(await http(app).get('/api/activities?limit=200&fields=id').set(as('salesNorth2')).expect(200))).toContain(north.id);
      for (const path of [`/api/activities/${south.id}`, `/api/activities/${south.id}/history`]) {
        expect((await http(app).get(path).set(as('salesNorth')).expect(404)).body.code).toBe('ACTIVITY_NOT_FOUND');
      }
      await http(app).patch(`/api/activities/${south.id}`).set(as('salesNorth')).send({ version: 1, subject: 'x' }).expect(404);
      await http(app).post(`/api/activities/${south.id}/complete`).set(as('salesNorth')).send({}).expect(404);
      // a seller cannot hand an activity to another team, nor link a contact they cannot see
      await http(app).patch(`/api/activities/${north.id}`).set(as('salesNorth')).send({ version: 1, ownerId: t.users.salesSouth.id }).expect(403);
      const southContact = await contact('Contato do Sul', 'salesSouth');
      const link = await post({ type: 'tarefa', subject: 'x', contactId: southContact.id }, 'salesNorth').expect(400);
      expect(link.body).toMatchObject({ code: 'INVALID_REFERENCE', details: { fields: [{ field: 'contactId' }] } });
      expect(ids(await http(app).get('/api/activities?limit=200&fields=id').set(as('manager')).expect(200))).toEqual(expect.arrayContaining([south.id, north.id]));
    });
  });

  // Last: bulk rows make the planner choose as it would on a real tenant (and would swamp the list tests above).
  describe('at scale (EXPLAIN of the SQL the API runs)', () => {
    let client: Awaited<ReturnType<typeof tenantClient>>;
    const explain = async (as: CrmUser, query: Record<string, string>) => {
      const [page] = compileList(ACTIVITY_LIST, parseListQuery(ACTIVITY_LIST, query, t.users[as].id)).pages;
      const rows = await client.query<{ 'QUERY PLAN': string }>(as, `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${page.text}`, page.values);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    };

    beforeAll(async () => {
      const owners = Object.values(t.users).map((u) => u.id);
      await t.sql(
        `INSERT INTO tb_atividade (tipo, assunto, vencimento, concluida, concluida_em, owner_id)
         SELECT 'tarefa', 'carga ' || g, now() + ((g % 365) - 180) * interval '1 day', g % 3 = 0, CASE WHEN g % 3 = 0 THEN now() END, ($1::uuid[])[1 + g % cardinality($1::uuid[])]
           FROM generate_series(1, 30000) g`,
        [owners],
      );
      await t.sql('ANALYZE tb_atividade; ANALYZE tb_atividade_participante; ANALYZE tb_usuario');
      client = await tenantClient(db, t);
    });
    afterAll(() => client?.end());

    it('serves "my open tasks" from ix_atividade_abertas, for a seller and for a manager', async () => {
      const range = { owner: 'me', done: 'false', sort: 'dueAt', dueFrom: localDay('America/Sao_Paulo', Date.now()), dueTo: localDay('America/Sao_Paulo', Date.now() + 6 * 24 * HOUR) };
      for (const as of ['salesNorth', 'manager'] as const) {
        const plan = await explain(as, range);
        if (process.env.PRINT_PLANS) process.stdout.write(`\n${as}:\n${plan}\n`);
        expect(plan).toContain('ix_atividade_abertas');
      }
    });

    it('keeps the default list (newest first) on an index for a seller', async () => {
      const plan = await explain('salesNorth', {});
      if (process.env.PRINT_PLANS) process.stdout.write(`\nlist:\n${plan}\n`);
      expect(plan).toContain('ix_atividade_criado');
      expect(plan).not.toMatch(/Seq Scan on tb_atividade\b/);
    });
  });
});
