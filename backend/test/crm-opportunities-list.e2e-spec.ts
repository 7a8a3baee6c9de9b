import { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import { http, startApp } from './support/auth-helpers';
import { bearer, CrmTenant, CrmUser, setupCrmTenant, tenantClient } from './support/crm-fixtures';
import { checkWalks, dayStart, nextDay, option, referenceOrder, setPaging, sortKeys, sqlValues, walkPages } from './support/list-properties';
import { createTestDb, TestDb } from './support/test-db';

/**
 * Property: for random filters (status, stage, pipeline, company, contact, owner, amount and date ranges, q),
 * sorts (mixed directions, ties, NULLs) and page sizes, walking every page of GET /api/opportunities returns
 * exactly the rows, in exactly the order, of an equivalent hand-written SQL query run by a plain pg client as
 * the same tenant user (same role, same RLS) — each row once.
 */
const SORT_FIELDS: Record<string, string> = {
  title: 'titulo',
  amount: 'valor',
  weightedAmount: 'valor_ponderado',
  expectedCloseDate: 'previsao_fechamento',
  closedAt: 'fechada_em',
  createdAt: 'criado_em',
  updatedAt: 'atualizado_em',
};
const STATUSES = ['aberto', 'ganho', 'perdido'];
const ROWS = 180;

interface Spec {
  as: CrmUser;
  status: string[] | null;
  stage: number | null;
  pipeline: 'default' | 'other' | null;
  company: boolean;
  contact: boolean;
  owner: 'me' | 'none' | null;
  ownerOf: CrmUser | null;
  amountMin: string | null;
  amountMax: string | null;
  expectedCloseFrom: string | null;
  expectedCloseTo: string | null;
  createdFrom: string | null;
  createdTo: string | null;
  q: string | null;
  deleted: 'only' | 'include' | null;
  sort: { field: string; desc: boolean }[];
  limit: number;
}

describe('opportunity lists: API pages = hand-written SQL (property-based, real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let t: CrmTenant;
  let pg: Awaited<ReturnType<typeof tenantClient>>;
  let companyId: string;
  let contactId: string;
  let pipelines: Record<'default' | 'other', string>;
  let stageIds: string[];

  beforeAll(async () => {
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000' });
    app = await startApp(db);
    t = await setupCrmTenant(app, db, 'crm_lista_oport');
    pg = await tenantClient(db, t);
    const u = t.users;
    const other = (await http(app).post('/api/pipelines').set(bearer(u.admin.token)).send({ name: 'Outro' }).expect(201)).body;
    const [{ id: defaultId }] = await t.sql<{ id: string }>('SELECT id FROM tb_funil WHERE padrao');
    pipelines = { default: defaultId, other: other.id };
    // 12 stages (6 per pipeline): a deal's status is its stage's type, as the API keeps it.
    const stages = await t.sql<{ id: string; funil_id: string; tipo: string }>('SELECT id, funil_id, tipo FROM tb_etapa ORDER BY funil_id = $1 DESC, ordem', [defaultId]);
    stageIds = stages.map((s) => s.id);
    [{ id: companyId }] = await t.sql<{ id: string }>("INSERT INTO tb_empresa (razao_social) VALUES ('Empresa Lista') RETURNING id");
    [{ id: contactId }] = await t.sql<{ id: string }>("INSERT INTO tb_contato (nome) VALUES ('Contato Lista') RETURNING id");
    const [{ id: reasonId }] = await t.sql<{ id: string }>('SELECT id FROM tb_motivo_perda ORDER BY ordem LIMIT 1');
    // Ties on every sort key (8 titles with case/accent variants, 9 amounts, 7 close dates + NULLs, 30 creation
    // instants with µs differences), NULLs (close date, closed at, owner, company), soft-deleted rows.
    await t.sql(
      `WITH s AS (SELECT ordinality AS n, e.id, e.funil_id, e.tipo FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id) JOIN tb_etapa e ON e.id = x.id)
       INSERT INTO tb_oportunidade (titulo, funil_id, etapa_id, status, valor, probabilidade, previsao_fechamento, motivo_perda_id, fechada_em,
                                    owner_id, empresa_id, contato_id, criado_em, atualizado_em, excluido_em)
       SELECT (ARRAY['Licitação São José', 'licitacao sao jose', 'Hortifrúti Centro', 'Açougue Norte', 'Padaria', 'padaria', 'Frios & Laticínios', 'Bebidas 50%'])[1 + i % 8],
              s.funil_id, s.id, s.tipo,
              (ARRAY[0, 100, 100.5, 999.99, 1000, 2500.55, 10000, 10000, 123456.78])[1 + (i * 7) % 9],
              (i * 13) % 101,
              CASE WHEN i % 5 = 0 THEN NULL ELSE '2025-06-01'::date + (i % 7) * 15 END,
              CASE WHEN s.tipo = 'perdido' THEN $2::uuid END,
              CASE WHEN s.tipo <> 'aberto' THEN '2025-05-01 10:00:00-03'::timestamptz + (i % 4) * interval '1 day' END,
              (ARRAY[$3, $4, $5, $6, NULL]::uuid[])[1 + (i * 11) % 5],
              CASE WHEN i % 3 = 0 THEN $7::uuid END,
              CASE WHEN i % 4 = 1 THEN $8::uuid END,
              '2025-01-01 12:00:00-03'::timestamptz + (i % 30) * interval '8 hours' + (i % 2) * interval '1 microsecond',
              '2025-02-01 00:00:00-03'::timestamptz + (i % 45) * interval '1 hour',
              CASE WHEN i % 19 = 0 THEN now() END
         FROM generate_series(1, ${ROWS}) AS i JOIN s ON s.n = 1 + i % 12`,
      [stageIds, reasonId, u.admin.id, u.salesNorth.id, u.salesNorth2.id, u.salesSouth.id, companyId, contactId],
    );
    expect(stages.map((s) => s.tipo).filter((x) => x !== 'aberto')).toHaveLength(4);
  }, 60_000);
  afterAll(async () => {
    await pg?.end();
    await app?.close();
    await db?.drop();
  });

  const queryString = (s: Spec): string => {
    const p = new URLSearchParams();
    if (s.status) p.set('status', s.status.join(','));
    if (s.stage !== null) p.set('stageId', stageIds[s.stage]);
    if (s.pipeline) p.set('pipelineId', pipelines[s.pipeline]);
    if (s.company) p.set('companyId', companyId);
    if (s.contact) p.set('contactId', contactId);
    if (s.owner) p.set('owner', s.owner);
    if (s.ownerOf) p.set('ownerId', t.users[s.ownerOf].id);
    if (s.amountMin) p.set('amountMin', s.amountMin);
    if (s.amountMax) p.set('amountMax', s.amountMax);
    if (s.expectedCloseFrom) p.set('expectedCloseFrom', s.expectedCloseFrom);
    if (s.expectedCloseTo) p.set('expectedCloseTo', s.expectedCloseTo);
    if (s.createdFrom) p.set('createdFrom', s.createdFrom);
    if (s.createdTo) p.set('createdTo', s.createdTo);
    if (s.q) p.set('q', s.q);
    if (s.deleted) p.set('deleted', s.deleted);
    return setPaging(p, s);
  };

  // The reference: written by hand from the API's documented semantics, without the engine.
  const referenceIds = async (s: Spec): Promise<string[]> => {
    const where: string[] = [];
    const { values, v } = sqlValues();
    if (s.deleted === null) where.push('o.excluido_em IS NULL');
    if (s.deleted === 'only') where.push('o.excluido_em IS NOT NULL');
    if (s.status) where.push(`o.status IN (${s.status.map(v).join(', ')})`);
    if (s.stage !== null) where.push(`o.etapa_id = ${v(stageIds[s.stage])}`);
    if (s.pipeline) where.push(`o.funil_id = ${v(pipelines[s.pipeline])}`);
    if (s.company) where.push(`o.empresa_id = ${v(companyId)}`);
    if (s.contact) where.push(`o.contato_id = ${v(contactId)}`);
    if (s.owner === 'me') where.push(`o.owner_id = ${v(t.users[s.as].id)}`);
    if (s.owner === 'none') where.push('o.owner_id IS NULL');
    if (s.ownerOf) where.push(`o.owner_id = ${v(t.users[s.ownerOf].id)}`);
    if (s.amountMin) where.push(`o.valor >= ${v(s.amountMin)}::numeric`);
    if (s.amountMax) where.push(`o.valor <= ${v(s.amountMax)}::numeric`);
    if (s.expectedCloseFrom) where.push(`o.previsao_fechamento >= ${v(s.expectedCloseFrom)}::date`);
    if (s.expectedCloseTo) where.push(`o.previsao_fechamento <= ${v(s.expectedCloseTo)}::date`);
    if (s.createdFrom) where.push(`o.criado_em >= ${v(dayStart(s.createdFrom))}::timestamptz`);
    if (s.createdTo) where.push(`o.criado_em < ${v(dayStart(nextDay(s.createdTo)))}::timestamptz`);
    if (s.q) where.push(`strpos(extensions.immutable_unaccent(lower(o.titulo)), extensions.immutable_unaccent(lower(${v(s.q)}))) > 0`);
    const sql = `SELECT o.id FROM tb_oportunidade o ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${referenceOrder('o', s.sort, (f) => SORT_FIELDS[f])}`;
    return (await pg.query<{ id: string }>(s.as, sql, values)).map((r) => r.id);
  };

  const walk = (s: Spec) =>
    walkPages((suffix) => http(app).get(`/api/opportunities?${queryString(s)}${suffix}`).set(bearer(t.users[s.as].token)), s.limit, ROWS + 2);

  const amounts = ['0', '100', '100.5', '1000', '2500.55', '10000', '50000'];
  const closeDates = ['2025-06-01', '2025-06-16', '2025-07-16', '2025-08-30'];
  const createdDays = ['2025-01-02', '2025-01-04', '2025-01-07', '2025-01-10'];
  const specs = (): fc.Arbitrary<Spec> =>
    fc.record({
      as: fc.constantFrom<CrmUser>('admin', 'analyst', 'salesNorth', 'salesSouth'),
      status: option(fc.subarray(STATUSES, { minLength: 1, maxLength: 2 })),
      stage: option(fc.integer({ min: 0, max: 11 })),
      pipeline: option(fc.constantFrom<'default' | 'other'>('default', 'other')),
      company: fc.boolean(),
      contact: fc.boolean(),
      owner: option(fc.constantFrom<'me' | 'none'>('me', 'none')),
      ownerOf: option(fc.constantFrom<CrmUser>('admin', 'salesNorth', 'salesSouth')),
      amountMin: option(fc.constantFrom(...amounts)),
      amountMax: option(fc.constantFrom(...amounts)),
      expectedCloseFrom: option(fc.constantFrom(...closeDates)),
      expectedCloseTo: option(fc.constantFrom(...closeDates)),
      createdFrom: option(fc.constantFrom(...createdDays)),
      createdTo: option(fc.constantFrom(...createdDays)),
      q: option(fc.constantFrom('sao jose', 'LICITAÇÃO', 'padaria', 'frios &', '50%', 'a_', 'norte', 'zzz')),
      deleted: option(fc.constantFrom<'only' | 'include'>('only', 'include')),
      sort: sortKeys(Object.keys(SORT_FIELDS)),
      limit: fc.integer({ min: 2, max: 45 }),
    });

  // Several filters at once usually leave nothing: keep at most two so pages stay interesting.
  const FILTERS: (keyof Spec)[] = [
    'status', 'stage', 'pipeline', 'company', 'contact', 'owner', 'ownerOf', 'amountMin', 'amountMax', 'expectedCloseFrom',
    'expectedCloseTo', 'createdFrom', 'createdTo', 'q', 'deleted',
  ];
  const thin = (s: Spec): Spec => {
    const out = { ...s };
    for (const k of FILTERS.filter((f) => s[f] !== null && s[f] !== false).slice(2)) (out as Record<string, unknown>)[k] = typeof s[k] === 'boolean' ? false : null;
    return out;
  };

  const base: Spec = {
    as: 'admin', status: null, stage: null, pipeline: null, company: false, contact: false, owner: null, ownerOf: null, amountMin: null,
    amountMax: null, expectedCloseFrom: null, expectedCloseTo: null, createdFrom: null, createdTo: null, q: null, deleted: null, sort: [], limit: 7,
  };
  // Always checked: ?status=aberto as the product document has it, and the hard cases (NULLs first/last, mixed
  // directions, ties on every key, numeric keys, sellers under RLS).
  const examples: Spec[] = [
    { ...base, status: ['aberto'] },
    { ...base, status: ['aberto'], sort: [{ field: 'amount', desc: true }], limit: 4 },
    { ...base, sort: [{ field: 'expectedCloseDate', desc: true }, { field: 'title', desc: false }], limit: 3 },
    { ...base, sort: [{ field: 'closedAt', desc: false }, { field: 'amount', desc: true }], limit: 5 },
    { ...base, sort: [{ field: 'weightedAmount', desc: false }, { field: 'createdAt', desc: true }], limit: 6 },
    { ...base, as: 'salesNorth', status: ['aberto'], sort: [{ field: 'title', desc: true }], limit: 4 },
    { ...base, as: 'salesSouth', q: 'padaria', deleted: 'include', sort: [{ field: 'updatedAt', desc: false }], limit: 2 },
  ];

  it('walks every page of the hand-written result, each row once, for random filters, sorts and page sizes', async () => {
    const multiPage = await checkWalks(specs().map(thin), examples, referenceIds, walk, 150);
    // the runs exercised real multi-page walks, not just empty results
    expect(multiPage).toBeGreaterThan(25);
  }, 180_000);

  it('?status=aberto is exactly the open deals, whatever the page size', async () => {
    const [{ n }] = await t.sql<{ n: number }>("SELECT count(*)::int AS n FROM tb_oportunidade WHERE status = 'aberto' AND excluido_em IS NULL");
    for (const limit of [1, 13, 200]) {
      const { ids, total } = await walk({ ...base, status: ['aberto'], limit });
      expect(ids).toHaveLength(n);
      expect(total).toBe(n);
    }
    const statuses = await t.sql<{ status: string }>(`SELECT DISTINCT status FROM tb_oportunidade WHERE id = ANY ($1::uuid[])`, [(await walk({ ...base, status: ['aberto'], limit: 50 })).ids]);
    expect(statuses).toEqual([{ status: 'aberto' }]);
  });

  it('gives a seller only what RLS lets them see, whatever the filters', async () => {
    const north = (await walk({ ...base, as: 'salesNorth', deleted: 'include', limit: 45 })).ids;
    const owners = await t.sql<{ id: string; owner_id: string | null }>('SELECT id, owner_id FROM tb_oportunidade');
    const visible = [t.users.salesNorth.id, t.users.salesNorth2.id, null];
    expect(north.length).toBe(owners.filter((r) => visible.includes(r.owner_id)).length);
    expect(north.length).toBeLessThan(owners.length);
    const forced = await http(app).get(`/api/opportunities?ownerId=${t.users.salesSouth.id}&includeTotal=true`).set(bearer(t.users.salesNorth.token)).expect(200);
    expect(forced.body).toEqual({ items: [], nextCursor: null, total: 0 });
  });
});
