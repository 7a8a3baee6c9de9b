import { INestApplication } from '@nestjs/common';
import { CONTACT_LIST } from '../src/crm/contacts/contacts.list';
import { parseListQuery } from '../src/crm/shared/list/list-plan';
import { compileList } from '../src/crm/shared/list/list-sql';
import { http, startApp } from './support/auth-helpers';
import { bearer, CrmTenant, CrmUser, setupCrmTenant, tenantClient } from './support/crm-fixtures';
import { createTestDb, TestDb } from './support/test-db';

/**
 * The contact list's SQL uses indexes, never a sequential scan of tb_contato, as a tenant role under RLS
 * (where only leakproof operators can drive an index), on a tenant of 100,000 contacts inserted set-based.
 * CRM_EXPLAIN_PRINT=1 prints the plans quoted in docs/performance.md ("CRM lists"); CRM_EXPLAIN_CONTACTS changes the size.
 */
const CONTACTS = Number(process.env.CRM_EXPLAIN_CONTACTS ?? 100_000);
const PRINT = process.env.CRM_EXPLAIN_PRINT === '1';

describe(`contact list plans on ${CONTACTS} contacts (EXPLAIN, real PostgreSQL)`, () => {
  let db: TestDb;
  let app: INestApplication;
  let t: CrmTenant;
  let pg: Awaited<ReturnType<typeof tenantClient>>;

  beforeAll(async () => {
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000' });
    app = await startApp(db);
    t = await setupCrmTenant(app, db, 'crm_explain');
    pg = await tenantClient(db, t);
    const started = Date.now();
    // Set-based: pt-BR names from first/last-name arrays, e-mails, owners spread over 20 sellers (the test users
    // among them), lifecycle skewed towards leads, creation over two years, some activity dates.
    const owners = [t.users.admin.id, t.users.salesNorth.id, t.users.salesNorth2.id, t.users.salesSouth.id, t.users.manager.id];
    await t.sql(
      `INSERT INTO tb_contato (nome, email, ciclo_vida, status, owner_id, ultima_atividade_em, criado_em, atualizado_em)
       SELECT f.n || ' ' || l.n, lower(extensions.immutable_unaccent(f.n)) || '.' || i || '@exemplo.com.br',
              (ARRAY['lead', 'lead', 'lead', 'lead_qualificado', 'oportunidade', 'cliente', 'cliente', 'ex_cliente'])[1 + i % 8],
              CASE WHEN i % 10 = 0 THEN 'inativo' ELSE 'ativo' END,
              CASE WHEN i % 50 = 0 THEN NULL ELSE ($1::uuid[])[1 + i % 5] END,
              CASE WHEN i % 3 = 0 THEN now() - (i % 400) * interval '1 day' END,
              now() - (i % 730) * interval '1 day' - (i % 86400) * interval '1 second',
              now() - (i % 100) * interval '1 hour'
         FROM generate_series(1, $2::int) AS i
         CROSS JOIN LATERAL (SELECT (ARRAY['Ana', 'João', 'Maria', 'José', 'Antônio', 'Francisca', 'Carlos', 'Paulo', 'Lúcia', 'Márcia',
                                           'Luís', 'Gabriel', 'Rafael', 'Fernanda', 'Juliana', 'Patrícia', 'Aline', 'Bruno', 'Diego', 'Sérgio'])[1 + i % 20] AS n) AS f
         CROSS JOIN LATERAL (SELECT (ARRAY['Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes',
                                           'Costa', 'Ribeiro', 'Martins', 'Carvalho', 'Almeida', 'Lopes', 'Soares', 'Fernandes', 'Vieira', 'Barbosa',
                                           'Conceição', 'Araújo', 'Gonçalves'])[1 + (i / 20) % 23] AS n) AS l`,
      [owners, CONTACTS],
    );
    await t.sql('ANALYZE tb_contato');
    if (PRINT) process.stdout.write(`inserted ${CONTACTS} contacts in ${Date.now() - started} ms\n`);
  }, 300_000);
  afterAll(async () => {
    await pg?.end();
    await app?.close();
    await db?.drop();
  });

  /** The exact SQL the API runs for this query string, explained as that user inside the tenant transaction. */
  async function plan(as: CrmUser, query: Record<string, string>, analyze = false): Promise<string> {
    const compiled = compileList(CONTACT_LIST, parseListQuery(CONTACT_LIST, query, t.users[as].id), []);
    const texts: string[] = [];
    for (const [i, page] of compiled.pages.entries()) {
      const rows = await pg.query<{ 'QUERY PLAN': string }>(as, `EXPLAIN (COSTS OFF${analyze ? ', ANALYZE, TIMING OFF, SUMMARY ON' : ''}) ${page.text}`, page.values);
      texts.push(`${compiled.pages.length > 1 ? `part ${i}:\n` : ''}${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
    const text = texts.join('\n');
    if (PRINT) process.stdout.write(`\n── ${as} ${decodeURIComponent(new URLSearchParams(query).toString()) || '(default)'}\n${outline(text)}\n`);
    return text;
  }

  /** A cursor from deep inside the list, from the API itself. */
  async function deepCursor(as: CrmUser, query: Record<string, string>): Promise<string> {
    const res = await http(app).get(`/api/contacts?${new URLSearchParams({ ...query, limit: '200', fields: 'id' })}`).set(bearer(t.users[as].token)).expect(200);
    let cursor = res.body.nextCursor as string;
    for (let i = 0; i < 3; i++) {
      const next = await http(app).get(`/api/contacts?${new URLSearchParams({ ...query, limit: '200', fields: 'id', cursor })}`).set(bearer(t.users[as].token)).expect(200);
      cursor = next.body.nextCursor;
    }
    return cursor;
  }

  const noSeqScan = (p: string) => expect(p).not.toMatch(/Seq Scan on tb_contato/);

  /** The plan without InitPlans and the per-row sub-plans of computed fields (tags), for docs/performance.md. */
  function outline(text: string): string {
    const out: string[] = [];
    let skipDeeperThan = -1;
    for (const line of text.split('\n')) {
      const depth = line.length - line.trimStart().length;
      if (skipDeeperThan >= 0 && depth > skipDeeperThan) continue;
      skipDeeperThan = -1;
      if (/^\s*(SubPlan|InitPlan) \d+/.test(line)) {
        skipDeeperThan = depth;
        continue;
      }
      out.push(line);
    }
    return out.join('\n');
  }

  it.each([
    ['admin', 'default list (creation order)', {}, 'ix_contato_criado'],
    ['admin', 'newest first', { sort: '-createdAt' }, 'ix_contato_criado'],
    ['admin', 'filtered and sorted: lifecycle stage, newest first', { lifecycleStage: 'cliente', sort: '-createdAt' }, 'ix_contato_ciclo_vida'],
    ['admin', 'sorted by name', { sort: 'name' }, 'ix_contato_nome'],
    ['admin', 'search ?q= for a rare term', { q: '12345@exemplo' }, 'ix_contato_busca'],
    ['admin', 'search ?q= for a common term (index order, filtered)', { q: 'conceicao' }, 'ix_contato_'],
    ['salesNorth', 'a seller’s default list (RLS)', {}, 'ix_contato_'],
    ['salesNorth', 'a seller’s own contacts, newest first', { owner: 'me', sort: '-createdAt' }, 'ix_contato_owner'],
    ['salesNorth', 'a seller’s search', { q: 'maria.1234' }, 'ix_contato_busca'],
  ] as [CrmUser, string, Record<string, string>, string][])('%s: %s uses %s', async (as, _, query, index) => {
    const p = await plan(as, query, PRINT);
    noSeqScan(p);
    expect(p).toContain(index);
  });

  it.each([
    ['admin', { sort: '-createdAt' }, 'ix_contato_criado'],
    ['admin', { sort: 'name' }, 'ix_contato_nome'],
    ['admin', { lifecycleStage: 'cliente', sort: '-createdAt' }, 'ix_contato_ciclo_vida'],
    ['admin', { sort: '-createdAt,name' }, 'ix_contato_criado'],
    ['admin', { sort: 'lastActivityAt' }, 'ix_contato_ultima_atividade'],
    ['admin', { sort: '-lastActivityAt' }, 'ix_contato_ultima_atividade'],
    ['salesNorth', { sort: '-createdAt' }, 'ix_contato_criado'],
  ] as [CrmUser, Record<string, string>, string][])('deep keyset page (%s %j) seeks with an index condition on %s', async (as, query, index) => {
    const cursor = await deepCursor(as, query);
    const p = await plan(as, { ...query, cursor }, true);
    noSeqScan(p);
    expect(p).toContain(index);
    // every part of the page starts with an index seek on the sort key, not a scan from the top
    const parts = p.split(/^part \d+:$/m).filter((x) => x.trim());
    for (const part of parts) expect(part).toMatch(/Index Cond: .*(criado_em|nome|ultima_atividade_em)/);
  });

  it('counts with the same filters for ?includeTotal=true', async () => {
    for (const query of [{ includeTotal: 'true' }, { includeTotal: 'true', lifecycleStage: 'cliente' }] as Record<string, string>[]) {
      const compiled = compileList(CONTACT_LIST, parseListQuery(CONTACT_LIST, query, t.users.admin.id), []);
      const rows = await pg.query<{ 'QUERY PLAN': string }>('admin', `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${compiled.count!.text}`, compiled.count!.values);
      if (PRINT) process.stdout.write(`\n── count ${new URLSearchParams(query)}\n${outline(rows.map((r) => r['QUERY PLAN']).join('\n'))}\n`);
      const res = await http(app).get(`/api/contacts?${new URLSearchParams({ ...query, limit: '1', fields: 'id' })}`).set(bearer(t.users.admin.token)).expect(200);
      expect(res.body.total).toBe(query.lifecycleStage ? CONTACTS / 4 : CONTACTS);
    }
  });
});
