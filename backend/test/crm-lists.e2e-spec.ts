import { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import { http, startApp } from './support/auth-helpers';
import { bearer, CrmTenant, CrmUser, setupCrmTenant, tenantClient } from './support/crm-fixtures';
import { checkWalks, dayStart, nextDay, option, referenceOrder, setPaging, sortKeys, sqlValues, walkPages } from './support/list-properties';
import { createTestDb, TestDb } from './support/test-db';

/**
 * Property: for random filters, sorts (mixed directions, ties, NULLs) and page sizes, walking every page of
 * GET /api/contacts returns exactly the rows, in exactly the order, of an equivalent hand-written SQL query run
 * by a plain pg client as the same tenant user (same role, same RLS) — each row once.
 */
const STAGES = ['lead', 'lead_qualificado', 'oportunidade', 'cliente', 'ex_cliente'];
const SORT_FIELDS: Record<string, { column: string }> = {
  name: { column: 'nome' },
  createdAt: { column: 'criado_em' },
  updatedAt: { column: 'atualizado_em' },
  lastActivityAt: { column: 'ultima_atividade_em' },
};
const ROWS = 160;

interface Spec {
  as: CrmUser;
  lifecycleStage: string[] | null;
  status: string | null;
  owner: 'me' | 'none' | null;
  ownerOf: CrmUser | null;
  company: boolean;
  tag: string | null;
  createdFrom: string | null;
  createdTo: string | null;
  lastActivityFrom: string | null;
  q: string | null;
  deleted: 'only' | 'include' | null;
  sort: { field: string; desc: boolean }[];
  limit: number;
}

describe('contact lists: API pages = hand-written SQL (property-based, real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let t: CrmTenant;
  let pg: Awaited<ReturnType<typeof tenantClient>>;
  let companyId: string;
  const createdValues: string[] = [];

  beforeAll(async () => {
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000' });
    app = await startApp(db);
    t = await setupCrmTenant(app, db, 'crm_listas');
    pg = await tenantClient(db, t);
    const u = t.users;
    [{ id: companyId }] = await t.sql<{ id: string }>("INSERT INTO tb_empresa (razao_social) VALUES ('Empresa Lista') RETURNING id");
    // Ties on every sort key (10 names with case/accents variants, 25 creation instants, 40 update instants, 6 activity days),
    // NULLs (e-mail, last activity, owner), microsecond differences, soft-deleted rows.
    await t.sql(
      `INSERT INTO tb_contato (nome, email, ciclo_vida, status, owner_id, empresa_id, ultima_atividade_em, criado_em, atualizado_em, excluido_em)
       SELECT (ARRAY['Ana Souza', 'José da Conceição', 'João Silva', 'Maria Souza', 'ana souza', 'Álvaro Lima', 'Zé Pequeno', 'Bruno', 'bruno', 'Carla Ávila'])[1 + i % 10],
              CASE WHEN i % 3 = 0 THEN NULL ELSE 'c' || i || '@ex.com' END,
              (ARRAY['lead', 'lead_qualificado', 'oportunidade', 'cliente', 'ex_cliente'])[1 + (i * 7) % 5],
              (ARRAY['ativo', 'inativo', 'desqualificado'])[1 + (i * 11) % 3],
              (ARRAY[$1, $2, $3, $4, NULL]::uuid[])[1 + (i * 13) % 5],
              CASE WHEN i % 4 = 0 THEN $5::uuid END,
              CASE WHEN i % 5 IN (0, 1) THEN NULL ELSE '2025-03-01 09:00:00-03'::timestamptz + (i % 6) * interval '1 day' END,
              '2025-01-01 12:00:00-03'::timestamptz + (i % 25) * interval '6 hours' + (i % 3) * interval '1 microsecond',
              '2025-02-01 00:00:00-03'::timestamptz + (i % 40) * interval '1 hour',
              CASE WHEN i % 17 = 0 THEN now() END
         FROM generate_series(1, ${ROWS}) AS i`,
      [u.admin.id, u.salesNorth.id, u.salesNorth2.id, u.salesSouth.id, companyId],
    );
    await t.sql("INSERT INTO tb_tag (nome) VALUES ('VIP'), ('Feira')");
    await t.sql(
      `INSERT INTO tb_tag_registro (tag_id, contato_id)
       SELECT tg.id, c.id FROM tb_contato c JOIN tb_tag tg ON (tg.nome = 'VIP' AND c.ultima_atividade_em IS NOT NULL AND c.status = 'ativo')
                                                          OR (tg.nome = 'Feira' AND c.ciclo_vida = 'cliente')`,
    );
    // as ISO 8601 with offset (what the API accepts), microseconds kept
    for (const r of await t.sql<{ v: string }>(`SELECT DISTINCT to_char(criado_em AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS v FROM tb_contato ORDER BY 1`)) {
      createdValues.push(r.v);
    }
  }, 60_000);
  afterAll(async () => {
    await pg?.end();
    await app?.close();
    await db?.drop();
  });

  const queryString = (s: Spec): string => {
    const p = new URLSearchParams();
    if (s.lifecycleStage) p.set('lifecycleStage', s.lifecycleStage.join(','));
    if (s.status) p.set('status', s.status);
    if (s.owner) p.set('owner', s.owner);
    if (s.ownerOf) p.set('ownerId', t.users[s.ownerOf].id);
    if (s.company) p.set('companyId', companyId);
    if (s.tag) p.set('tag', s.tag);
    if (s.createdFrom) p.set('createdFrom', s.createdFrom);
    if (s.createdTo) p.set('createdTo', s.createdTo);
    if (s.lastActivityFrom) p.set('lastActivityFrom', s.lastActivityFrom);
    if (s.q) p.set('q', s.q);
    if (s.deleted) p.set('deleted', s.deleted);
    return setPaging(p, s);
  };

  // The reference: written by hand from the API's documented semantics, without the engine.
  const referenceIds = async (s: Spec): Promise<string[]> => {
    const where: string[] = [];
    const { values, v } = sqlValues();
    if (s.deleted === null) where.push('c.excluido_em IS NULL');
    if (s.deleted === 'only') where.push('c.excluido_em IS NOT NULL');
    if (s.lifecycleStage) where.push(`c.ciclo_vida IN (${s.lifecycleStage.map(v).join(', ')})`);
    if (s.status) where.push(`c.status = ${v(s.status)}`);
    if (s.owner === 'me') where.push(`c.owner_id = ${v(t.users[s.as].id)}`);
    if (s.owner === 'none') where.push('c.owner_id IS NULL');
    if (s.ownerOf) where.push(`c.owner_id = ${v(t.users[s.ownerOf].id)}`);
    if (s.company) where.push(`c.empresa_id = ${v(companyId)}`);
    if (s.tag) where.push(`c.id IN (SELECT tr.contato_id FROM tb_tag_registro tr JOIN tb_tag tg ON tg.id = tr.tag_id WHERE upper(tg.nome) = upper(${v(s.tag)}))`);
    if (s.createdFrom) where.push(`c.criado_em >= ${v(s.createdFrom.length === 10 ? dayStart(s.createdFrom) : s.createdFrom)}::timestamptz`);
    if (s.createdTo) where.push(s.createdTo.length === 10 ? `c.criado_em < ${v(dayStart(nextDay(s.createdTo)))}::timestamptz` : `c.criado_em <= ${v(s.createdTo)}::timestamptz`);
    if (s.lastActivityFrom) where.push(`c.ultima_atividade_em >= ${v(dayStart(s.lastActivityFrom))}::timestamptz`);
    if (s.q) {
      where.push(`strpos(extensions.immutable_unaccent(lower(c.nome || ' ' || coalesce(c.email, ''))), extensions.immutable_unaccent(lower(${v(s.q)}))) > 0`);
    }
    const sql = `SELECT c.id FROM tb_contato c ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${referenceOrder('c', s.sort, (f) => SORT_FIELDS[f].column)}`;
    return (await pg.query<{ id: string }>(s.as, sql, values)).map((r) => r.id);
  };

  const walk = (s: Spec) =>
    walkPages((suffix) => http(app).get(`/api/contacts?${queryString(s)}${suffix}`).set(bearer(t.users[s.as].token)), s.limit, ROWS + 2);

  const dateOrInstant = () => fc.oneof(fc.constantFrom(...createdValues), fc.constantFrom('2025-01-02', '2025-01-03', '2025-01-05'));
  const specs = (): fc.Arbitrary<Spec> =>
    fc.record({
      as: fc.constantFrom<CrmUser>('admin', 'salesNorth', 'salesSouth'),
      lifecycleStage: option(fc.subarray(STAGES, { minLength: 1, maxLength: 3 })),
      status: option(fc.constantFrom('ativo', 'inativo', 'desqualificado')),
      owner: option(fc.constantFrom<'me' | 'none'>('me', 'none')),
      ownerOf: option(fc.constantFrom<CrmUser>('admin', 'salesNorth', 'salesSouth')),
      company: fc.boolean(),
      tag: option(fc.constantFrom('vip', 'FEIRA')),
      createdFrom: option(dateOrInstant()),
      createdTo: option(dateOrInstant()),
      lastActivityFrom: option(fc.constantFrom('2025-03-02', '2025-03-04')),
      q: option(fc.constantFrom('souza', 'CONCEICAO', 'álvaro', 'bru', 'c1', 'ex.com', '%', 'a_', 'zzz')),
      deleted: option(fc.constantFrom<'only' | 'include'>('only', 'include')),
      sort: sortKeys(Object.keys(SORT_FIELDS)),
      limit: fc.integer({ min: 2, max: 45 }),
    });

  // A few filters at once usually leave nothing: drop most of them so pages stay interesting.
  const thin = (s: Spec): Spec => {
    const keep = ['lifecycleStage', 'status', 'owner', 'ownerOf', 'company', 'tag', 'createdFrom', 'createdTo', 'lastActivityFrom', 'q', 'deleted'].filter(
      (k) => s[k as keyof Spec],
    );
    const out = { ...s };
    for (const k of keep.slice(2)) (out as Record<string, unknown>)[k] = k === 'company' ? false : null;
    return out;
  };

  const base: Spec = {
    as: 'admin', lifecycleStage: null, status: null, owner: null, ownerOf: null, company: false, tag: null,
    createdFrom: null, createdTo: null, lastActivityFrom: null, q: null, deleted: null, sort: [], limit: 7,
  };
  // Always checked: the hard cases (NULLs first/last, mixed directions, ties on every key, sellers under RLS).
  const examples: Spec[] = [
    { ...base },
    { ...base, sort: [{ field: 'lastActivityAt', desc: true }, { field: 'name', desc: false }], limit: 3 },
    { ...base, sort: [{ field: 'lastActivityAt', desc: false }, { field: 'createdAt', desc: true }], limit: 4 },
    { ...base, sort: [{ field: 'name', desc: true }, { field: 'createdAt', desc: false }, { field: 'updatedAt', desc: true }], limit: 5 },
    { ...base, sort: [{ field: 'createdAt', desc: true }], limit: 2, deleted: 'include' },
    { ...base, as: 'salesNorth', sort: [{ field: 'name', desc: false }], limit: 6 },
    { ...base, as: 'salesSouth', q: 'souza', sort: [{ field: 'lastActivityAt', desc: false }], limit: 2 },
  ];

  it('walks every page of the hand-written result, each row once, for random filters, sorts and page sizes', async () => {
    const multiPage = await checkWalks(specs().map(thin), examples, referenceIds, walk, 70);
    // the runs exercised real multi-page walks, not just empty results
    expect(multiPage).toBeGreaterThan(20);
  }, 120_000);

  it('keeps every sort key microsecond-exact in the cursor (ties that differ by 1 µs)', async () => {
    const spec = { ...base, sort: [{ field: 'createdAt', desc: false }], limit: 1 };
    const expected = await referenceIds(spec);
    expect((await walk(spec)).ids).toEqual(expected);
  });

  it('gives a seller only what RLS lets them see, whatever the filters', async () => {
    const all = await referenceIds({ ...base, as: 'admin', deleted: 'include' });
    const north = (await walk({ ...base, as: 'salesNorth', deleted: 'include', limit: 45 })).ids;
    const owners = await t.sql<{ id: string; owner_id: string | null }>('SELECT id, owner_id FROM tb_contato');
    const ownerOf = new Map(owners.map((r) => [r.id, r.owner_id]));
    expect(north.length).toBeLessThan(all.length);
    expect(north.every((id) => [t.users.salesNorth.id, t.users.salesNorth2.id, null].includes(ownerOf.get(id) ?? null))).toBe(true);
    expect(north.length).toBe(owners.filter((r) => [t.users.salesNorth.id, t.users.salesNorth2.id, null].includes(r.owner_id)).length);
  });
});
