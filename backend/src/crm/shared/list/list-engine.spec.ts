import { DomainError } from '../../../common/domain-error';
import { decodeCursor, encodeCursor } from './cursor';
import { defineList } from './list-definition';
import { parseListQuery, sortSignature } from './list-plan';
import { compileList } from './list-sql';

const SPEC = defineList({
  resource: 'things',
  table: 'tb_coisa',
  fields: {
    id: { column: 'id', type: 'uuid', nullable: false },
    name: { column: 'nome', type: 'text', nullable: false, sort: true },
    amount: { column: 'valor', type: 'number', nullable: false, sort: true, filter: ['range'] },
    dueAt: { column: 'vencimento', type: 'timestamp', sort: true, filter: ['range'] },
    stage: { column: 'etapa', type: 'enum', values: ['a', 'b', 'c'], nullable: false, filter: ['eq', 'in'] },
    ownerId: { column: 'owner_id', type: 'uuid', filter: ['eq', 'in'] },
    createdAt: { column: 'criado_em', type: 'timestamp', nullable: false, sort: true, filter: ['range'] },
  },
  filters: { special: { description: 'x', build: (values, { bind }) => `"x" = ${bind(values[0], 'text')}` } },
  search: { column: 'busca', description: 'busca' },
  softDelete: 'excluido_em',
  defaultSort: 'createdAt',
});
const UID = '6f1c2b0e-4a7d-4c1e-9b2a-0d3e5f6a7b8c';

function error(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    return err as DomainError;
  }
  throw new Error('expected an error');
}

describe('list engine: parsing the query string', () => {
  it('derives range parameters and refuses unknown ones naming the allowed', () => {
    expect(SPEC.filterParams.sort()).toEqual(
      ['amountMax', 'amountMin', 'createdFrom', 'createdTo', 'dueFrom', 'dueTo', 'ownerId', 'special', 'stage'].sort(),
    );
    const e = error(() => parseListQuery(SPEC, { colour: 'x', stage: 'a' }, null));
    expect(e).toMatchObject({ code: 'INVALID_FILTER', status: 400, details: { unknown: ['colour'], allowed: SPEC.filterParams } });
  });

  it('parses values by type: enum lists, uuids, ranges; bad values are INVALID_FILTER_VALUE naming the parameter', () => {
    const plan = parseListQuery(SPEC, { stage: 'a,b', ownerId: [UID], amountMin: '10.5', createdTo: '2025-02-28' }, null);
    expect(plan.filters).toEqual([
      { kind: 'from', field: 'amount', value: '10.5' },
      { kind: 'in', field: 'stage', values: ['a', 'b'] },
      { kind: 'in', field: 'ownerId', values: [UID] },
      { kind: 'to', field: 'createdAt', value: '2025-02-28' },
    ]);
    for (const [param, value] of [['stage', 'z'], ['ownerId', 'nope'], ['amountMin', '1e5'], ['createdFrom', '2025-02-30'], ['dueTo', '2025-01-01T10:00']]) {
      expect(error(() => parseListQuery(SPEC, { [param]: value }, null))).toMatchObject({ code: 'INVALID_FILTER_VALUE', details: { parameter: param } });
    }
  });

  it('parses multi-key sorts, appends id as the tiebreaker in the last direction, refuses unknown or repeated keys', () => {
    expect(parseListQuery(SPEC, { sort: '-amount,name' }, null).sort).toEqual([
      { field: 'amount', dir: 'desc' },
      { field: 'name', dir: 'asc' },
      { field: 'id', dir: 'asc' },
    ]);
    expect(parseListQuery(SPEC, {}, null).sort).toEqual([{ field: 'createdAt', dir: 'asc' }, { field: 'id', dir: 'asc' }]);
    expect(error(() => parseListQuery(SPEC, { sort: 'stage' }, null))).toMatchObject({ code: 'INVALID_SORT', details: { allowed: ['name', 'amount', 'dueAt', 'createdAt'] } });
    expect(error(() => parseListQuery(SPEC, { sort: 'name,-name' }, null)).code).toBe('INVALID_SORT');
  });

  it('checks limit, fields (id always), deleted and includeTotal', () => {
    const plan = parseListQuery(SPEC, { limit: '200', fields: 'name', deleted: 'only', includeTotal: 'true' }, null);
    expect(plan).toMatchObject({ limit: 200, fields: ['id', 'name'], deleted: 'only', includeTotal: true });
    for (const limit of ['0', '201', 'abc', '-1']) expect(error(() => parseListQuery(SPEC, { limit }, null)).code).toBe('INVALID_LIMIT');
    expect(error(() => parseListQuery(SPEC, { fields: 'id,secret' }, null))).toMatchObject({ code: 'INVALID_FIELDS', details: { unknown: ['secret'] } });
  });
});

describe('list engine: cursors', () => {
  it('round-trips sort-key values and refuses a cursor of another sort or with malformed values', () => {
    const keys = [{ type: 'timestamp' as const, nullable: true }, { type: 'uuid' as const, nullable: false }];
    const c = encodeCursor('-dueAt,-id', ['2025-01-31 12:00:00.123456-03', UID]);
    expect(decodeCursor(c, '-dueAt,-id', keys)).toEqual(['2025-01-31 12:00:00.123456-03', UID]);
    expect(decodeCursor(encodeCursor('-dueAt,-id', [null, UID]), '-dueAt,-id', keys)).toEqual([null, UID]);
    expect(error(() => decodeCursor(c, 'dueAt,id', keys)).code).toBe('INVALID_CURSOR');
    expect(error(() => decodeCursor(encodeCursor('-dueAt,-id', ["x'; DROP TABLE y --", UID]), '-dueAt,-id', keys)).code).toBe('INVALID_CURSOR');
    expect(error(() => decodeCursor(encodeCursor('-dueAt,-id', ['2025-01-31 12:00:00-03', null]), '-dueAt,-id', keys)).code).toBe('INVALID_CURSOR');
    expect(error(() => decodeCursor('%%%', '-dueAt,-id', keys)).code).toBe('INVALID_CURSOR');
  });
});

describe('list engine: SQL', () => {
  const after = (query: Record<string, string>, values: (string | null)[]) => {
    const sort = parseListQuery(SPEC, query, null).sort;
    return compileList(SPEC, parseListQuery(SPEC, { ...query, cursor: encodeCursor(sortSignature(sort), values) }, null));
  };

  it('quotes identifiers from the definition and binds every value with its exact type', () => {
    const { pages, count } = compileList(SPEC, parseListQuery(SPEC, { stage: 'a,b', q: "50%_off'", special: 'v', includeTotal: 'true', fields: 'name' }, UID));
    expect(pages).toHaveLength(1);
    expect(pages[0].text).toBe(
      'SELECT "id" AS "id", "nome" AS "name", "criado_em"::text AS "__k0", "id"::text AS "__k1" FROM "tb_coisa"' +
        ' WHERE "excluido_em" IS NULL AND "etapa" = ANY ($1::text[]) AND "x" = $2::text' +
        ` AND "busca" LIKE ('%' || extensions.immutable_unaccent(lower($3::text)) || '%')` +
        ' ORDER BY "criado_em" ASC NULLS LAST, "id" ASC NULLS LAST LIMIT $4::int4',
    );
    expect(pages[0].values).toEqual([['a', 'b'], 'v', "50\\%\\_off'", 51]);
    expect(count!.text).toBe(
      'SELECT count(*)::int AS total FROM "tb_coisa" WHERE "excluido_em" IS NULL AND "etapa" = ANY ($1::text[]) AND "x" = $2::text' +
        ` AND "busca" LIKE ('%' || extensions.immutable_unaccent(lower($3::text)) || '%')`,
    );
  });

  it('reads a date-only upper bound as the whole day in the default time zone', () => {
    const { pages } = compileList(SPEC, parseListQuery(SPEC, { createdFrom: '2025-01-01', createdTo: '2025-01-31T23:00:00Z' }, null));
    expect(pages[0].text).toContain('"criado_em" >= ($1::date::timestamp AT TIME ZONE $2::text) AND "criado_em" <= $3::timestamptz');
    expect(pages[0].values.slice(0, 3)).toEqual(['2025-01-01', 'America/Sao_Paulo', '2025-01-31T23:00:00Z']);
  });

  it('uses one row comparison when every key is non-null in one direction', () => {
    const { pages } = after({ sort: '-createdAt' }, ['2025-01-01 00:00:00+00', UID]);
    expect(pages[0].text).toContain('("criado_em", "id") < ($1::timestamptz, $2::uuid)');
  });

  it('expands mixed directions into an OR chain with a seekable bound on the first key', () => {
    const { pages } = after({ sort: '-amount,name' }, ['10.00', 'Ana', UID]);
    expect(pages).toHaveLength(1);
    expect(pages[0].text).toContain(
      '("valor" < $1::numeric OR ("valor" = $1::numeric AND ("nome", "id") > ($2::text, $3::uuid))) AND "valor" <= $1::numeric',
    );
  });

  it('splits a nullable first key into two index ranges where NULLs follow the cursor', () => {
    const asc = after({ sort: 'dueAt' }, ['2025-01-01 00:00:00+00', UID]);
    expect(asc.pages).toHaveLength(2);
    expect(asc.pages[0].text).toContain('("vencimento" > $1::timestamptz OR ("vencimento" = $1::timestamptz AND "id" > $2::uuid)) AND "vencimento" >= $1::timestamptz');
    expect(asc.pages[1].text).toContain('AND "vencimento" IS NULL ORDER BY');
    const descFromNull = after({ sort: '-dueAt' }, [null, UID]);
    expect(descFromNull.pages).toHaveLength(2);
    expect(descFromNull.pages[0].text).toContain('("vencimento" IS NULL AND "id" < $1::uuid) ORDER BY');
    expect(descFromNull.pages[1].text).toContain('AND "vencimento" IS NOT NULL ORDER BY "vencimento" DESC NULLS FIRST');
    // NULLs already behind the cursor: one range
    expect(after({ sort: '-dueAt' }, ['2025-01-01 00:00:00+00', UID]).pages).toHaveLength(1);
    expect(after({ sort: 'dueAt' }, [null, UID]).pages).toHaveLength(1);
  });

  it('handles a nullable key after the first with IS NULL logic inside the chain', () => {
    const { pages } = after({ sort: 'name,dueAt' }, ['Ana', null, UID]);
    expect(pages[0].text).toContain('("nome" > $1::text OR ("nome" = $1::text AND ("vencimento" IS NULL AND "id" > $2::uuid))) AND "nome" >= $1::text');
  });
});
