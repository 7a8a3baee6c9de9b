import { INestApplication } from '@nestjs/common';
import { http, startApp } from './support/auth-helpers';
import { bearer, cnpjFrom, cpfFrom, CrmTenant, CrmUser, setupCrmTenant } from './support/crm-fixtures';
import { createTestDb, TestDb } from './support/test-db';

/**
 * Ownership is row-level security (0003), not WHERE clauses: a seller sees records owned by them, by their team,
 * or by nobody — through every path of the API (list, detail, search, history, writes, duplicates).
 */
describe('ownership of contacts and companies (RLS through the API, real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let t: CrmTenant;
  const as = (user: CrmUser) => bearer(t.users[user].token);
  const made: Record<string, { contact: string; company: string }> = {};

  beforeAll(async () => {
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000' });
    app = await startApp(db);
    t = await setupCrmTenant(app, db, 'crm_carteiras');
    // Each seller creates records (owned by them); the manager creates an unassigned pair.
    for (const [user, marker, n] of [['salesNorth', 'Norte', 1], ['salesSouth', 'Sul', 2]] as const) {
      const company = (await http(app).post('/api/companies').set(as(user)).send({ legalName: `Segredo ${marker} Ltda`, cnpj: cnpjFrom(`00000000000${n}`) }).expect(201)).body;
      const contact = (
        await http(app).post('/api/contacts').set(as(user)).send({ name: `Cliente Segredo ${marker}`, cpf: cpfFrom(`10000000${n}`), email: `segredo.${n}@ex.com`, companyId: company.id }).expect(201)
      ).body;
      await http(app).patch(`/api/contacts/${contact.id}`).set(as(user)).send({ version: 1, jobTitle: `cargo ${marker}` }).expect(200);
      made[marker] = { contact: contact.id, company: company.id };
    }
    const pool = (await http(app).post('/api/contacts').set(as('manager')).send({ name: 'Cliente Segredo Pool', ownerId: null }).expect(201)).body;
    made.Pool = { contact: pool.id, company: '' };
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const names = (res: { body: { items: { name?: string; legalName?: string }[] } }) => res.body.items.map((i) => i.name ?? i.legalName).sort();

  it('lists: each seller sees their team and the pool, managers see all', async () => {
    expect(names(await http(app).get('/api/contacts').set(as('salesNorth')).expect(200))).toEqual(['Cliente Segredo Norte', 'Cliente Segredo Pool']);
    // a team mate sees the same records
    expect(names(await http(app).get('/api/contacts').set(as('salesNorth2')).expect(200))).toEqual(['Cliente Segredo Norte', 'Cliente Segredo Pool']);
    expect(names(await http(app).get('/api/contacts').set(as('salesSouth')).expect(200))).toEqual(['Cliente Segredo Pool', 'Cliente Segredo Sul']);
    expect(names(await http(app).get('/api/contacts').set(as('manager')).expect(200))).toHaveLength(3);
    expect(names(await http(app).get('/api/companies').set(as('salesSouth')).expect(200))).toEqual(['Segredo Sul Ltda']);
    // filters cannot widen the view, and totals do not count hidden rows
    const forced = await http(app).get(`/api/contacts?ownerId=${t.users.salesSouth.id}&includeTotal=true&deleted=include`).set(as('salesNorth')).expect(200);
    expect(forced.body).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('search (?q=) finds nothing of another team, not even by e-mail or CPF', async () => {
    for (const q of ['segredo sul', 'segredo.2@ex.com', 'Sul']) {
      const res = await http(app).get(`/api/contacts?q=${encodeURIComponent(q)}`).set(as('salesNorth')).expect(200);
      expect(JSON.stringify(res.body)).not.toContain('Sul');
    }
    expect((await http(app).get(`/api/contacts?cpf=${cpfFrom('100000002')}`).set(as('salesNorth')).expect(200)).body.items).toEqual([]);
    expect((await http(app).get('/api/companies?q=sul').set(as('salesNorth')).expect(200)).body.items).toEqual([]);
    expect(names(await http(app).get('/api/contacts?q=segredo').set(as('salesNorth')).expect(200))).toEqual(['Cliente Segredo Norte', 'Cliente Segredo Pool']);
  });

  it('detail and history of another team’s record are 404, exactly like a missing id', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const [path, code] of [
      [`/api/contacts/${made.Sul.contact}`, 'CONTACT_NOT_FOUND'],
      [`/api/contacts/${made.Sul.contact}/history`, 'CONTACT_NOT_FOUND'],
      [`/api/companies/${made.Sul.company}`, 'COMPANY_NOT_FOUND'],
      [`/api/companies/${made.Sul.company}/history`, 'COMPANY_NOT_FOUND'],
    ]) {
      const hidden = await http(app).get(path).set(as('salesNorth')).expect(404);
      const absent = await http(app).get(path.replace(/[0-9a-f-]{36}/, missing)).set(as('salesNorth')).expect(404);
      expect(hidden.body.code).toBe(code);
      expect({ ...hidden.body, requestId: null, details: null }).toEqual({ ...absent.body, requestId: null, details: null });
    }
    // the owner's team reads the history, field by field
    const history = await http(app).get(`/api/contacts/${made.Norte.contact}/history`).set(as('salesNorth2')).expect(200);
    expect(history.body.items.map((i: { action: string; field: string | null }) => [i.action, i.field])).toEqual([['atualizar', 'jobTitle'], ['criar', null]]);
  });

  it('writes: another team’s record is not found, and a seller cannot hand a record to another team', async () => {
    await http(app).patch(`/api/contacts/${made.Sul.contact}`).set(as('salesNorth')).send({ version: 2, name: 'invadido' }).expect(404);
    await http(app).delete(`/api/contacts/${made.Sul.contact}`).set(as('salesNorth')).expect(404);
    await http(app).delete(`/api/companies/${made.Sul.company}`).set(as('salesNorth')).expect(404);
    const own = (await http(app).post('/api/contacts').set(as('salesNorth')).send({ name: 'Meu lead' }).expect(201)).body;
    const handOff = await http(app).patch(`/api/contacts/${own.id}`).set(as('salesNorth')).send({ version: 1, ownerId: t.users.salesSouth.id }).expect(403);
    expect(handOff.body.code).toBe('FORBIDDEN');
    // to a team mate is fine, and it is audited as a reassignment
    await http(app).patch(`/api/contacts/${own.id}`).set(as('salesNorth')).send({ version: 1, ownerId: t.users.salesNorth2.id }).expect(200);
    const [row] = await t.sql<{ valor_anterior: string; valor_novo: string }>(
      "SELECT valor_anterior, valor_novo FROM tb_auditoria WHERE registro_id = $1 AND campo = 'owner_id'",
      [own.id],
    );
    expect(row).toEqual({ valor_anterior: t.users.salesNorth.id, valor_novo: t.users.salesNorth2.id });
    // a contact linked to a company the seller cannot see is refused (the id does not resolve for them)
    const link = await http(app).post('/api/contacts').set(as('salesNorth')).send({ name: 'X', companyId: made.Sul.company }).expect(400);
    expect(link.body).toMatchObject({ code: 'INVALID_REFERENCE', details: { fields: [{ field: 'companyId' }] } });
  });

  it('duplicates: a CPF held by another team is refused without revealing that record', async () => {
    const res = await http(app).post('/api/contacts').set(as('salesNorth')).send({ name: 'Cópia', cpf: cpfFrom('100000002') }).expect(409);
    expect(res.body).toMatchObject({ code: 'DUPLICATE_CONTACT', details: { field: 'cpf', existingId: null } });
    const company = await http(app).post('/api/companies').set(as('salesNorth')).send({ legalName: 'Cópia', cnpj: cnpjFrom('000000000002') }).expect(409);
    expect(company.body).toMatchObject({ code: 'DUPLICATE_COMPANY', details: { field: 'cnpj', existingId: null } });
    // the manager, who sees every record, is told which one
    const manager = await http(app).post('/api/contacts').set(as('manager')).send({ name: 'Cópia', cpf: cpfFrom('100000002') }).expect(409);
    expect(manager.body.details).toEqual({ field: 'cpf', existingId: made.Sul.contact });
  });
});
