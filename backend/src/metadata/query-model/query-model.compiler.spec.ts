import { Binder } from '../../crm/shared/list/list-sql';
import { MetaField, MetaObjectWithFields } from '../metadata.types';
import { compileQueryModel, parseQueryModel } from './query-model.compiler';

let n = 0;
const field = (objectId: string, apiName: string, type: MetaField['type'], extra: Partial<MetaField> = {}): MetaField => ({
  id: `f${++n}`, objectId, apiName, column: apiName, labelPt: apiName, labelEn: apiName, type, columnType: type === 'currency_brl' ? 'numeric(14,2)' : type === 'lookup' || type === 'uuid' ? 'uuid' : 'text',
  required: false, unique: false, default: null, options: null, targetObjectId: null, targetApiName: null, order: n, custom: false, system: false, readOnly: false, ...extra,
});
const object = (id: string, apiName: string, fields: MetaField[]): MetaObjectWithFields => ({
  id, apiName, labelPt: apiName, labelEn: apiName, kind: 'base', description: null, table: apiName, sql: null, model: null, roles: null, version: 1,
  createdBy: null, createdAt: new Date(), updatedBy: null, updatedAt: new Date(), fields,
});

const empresa = object('e', 'tb_empresa', [field('e', 'id', 'uuid'), field('e', 'razao_social', 'text'), field('e', 'excluido_em', 'datetime')]);
const deal = object('o', 'tb_oportunidade', [
  field('o', 'id', 'uuid'),
  field('o', 'titulo', 'text'),
  field('o', 'valor', 'currency_brl'),
  field('o', 'status', 'select', { options: [{ value: 'aberto' }, { value: 'ganho' }] }),
  field('o', 'empresa_id', 'lookup', { targetObjectId: 'e' }),
  field('o', 'excluido_em', 'datetime'),
]);
const resolve = (name: string) => [empresa, deal].find((o) => o.apiName === name);

describe('query model compiler', () => {
  it('compiles joins, filters, group-by, aggregates and sort with quoted identifiers and bound values', () => {
    const b = new Binder();
    const model = parseQueryModel({
      base: 'tb_oportunidade',
      joins: [{ object: 'tb_empresa', via: 'empresa_id' }],
      columns: [{ object: 'tb_empresa', field: 'razao_social' }, { field: 'valor', aggregate: 'sum', alias: 'total' }],
      filters: [{ field: 'status', op: 'in', value: ['aberto', 'ganho'] }, { field: 'titulo', op: 'like', value: "%' OR 1=1 --" }],
      groupBy: [{ object: 'tb_empresa', field: 'razao_social' }],
      sort: [{ column: 'total', dir: 'desc' }],
      limit: 10,
    });
    const c = compileQueryModel(model, resolve, b);
    expect(c.sql).toBe(
      'SELECT "t1"."razao_social" AS "razao_social", sum("t0"."valor") AS "total"\n' +
        '  FROM "tb_oportunidade" AS "t0"\n' +
        '  LEFT JOIN "tb_empresa" AS "t1" ON "t1"."id" = "t0"."empresa_id" AND "t1"."excluido_em" IS NULL\n' +
        ' WHERE "t0"."excluido_em" IS NULL\n' +
        '   AND "t0"."status" IN ($1::text, $2::text)\n' +
        '   AND "t0"."titulo" ILIKE $3::text\n' +
        ' GROUP BY "t1"."razao_social"\n' +
        ' ORDER BY "total" DESC NULLS LAST\n' +
        ' LIMIT $4::int4',
    );
    expect(b.values).toEqual(['aberto', 'ganho', "%' OR 1=1 --", 10]);
    expect(c.columns.map((x) => [x.name, x.type])).toEqual([['razao_social', 'text'], ['total', 'currency_brl']]);
    expect([...c.uses.keys()].sort()).toEqual(['e', 'o']);
  });

  it('joins in the reverse direction (a lookup on the joined object)', () => {
    const c = compileQueryModel(parseQueryModel({ base: 'tb_empresa', joins: [{ object: 'tb_oportunidade', via: 'empresa_id' }], columns: [{ field: 'razao_social' }] }), resolve, new Binder());
    expect(c.sql).toContain('LEFT JOIN "tb_oportunidade" AS "t1" ON "t1"."empresa_id" = "t0"."id"');
  });

  it.each([
    [{ base: 'tb_oportunidade', columns: [{ field: 'nope' }] }, 'MODEL_UNKNOWN_FIELD'],
    [{ base: 'tb_x', columns: [{ field: 'id' }] }, 'MODEL_UNKNOWN_OBJECT'],
    [{ base: 'tb_oportunidade', columns: [{ field: 'titulo' }], filters: [{ field: 'status', op: 'eq', value: 'outro' }] }, 'MODEL_INVALID_FILTER'],
    [{ base: 'tb_oportunidade', columns: [{ field: 'titulo', aggregate: 'sum' }] }, 'MODEL_INVALID_AGGREGATE'],
    [{ base: 'tb_oportunidade', columns: [{ field: 'titulo' }, { field: 'valor', aggregate: 'max' }] }, 'MODEL_GROUP_BY_MISSING'],
    [{ base: 'tb_oportunidade', columns: [{ field: 'titulo' }, { field: 'titulo' }] }, 'MODEL_DUPLICATE_COLUMN'],
    [{ base: 'tb_oportunidade', joins: [{ object: 'tb_empresa', via: 'titulo' }], columns: [{ field: 'titulo' }] }, 'MODEL_INVALID_JOIN'],
  ])('refuses %j with %s', (m, code) => {
    expect(() => compileQueryModel(parseQueryModel(m), resolve, new Binder())).toThrow(expect.objectContaining({ code }));
  });

  it('refuses unknown keys and malformed names before looking at metadata', () => {
    expect(() => parseQueryModel({ base: 'tb_oportunidade', columns: [{ field: 'x' }], where: '1=1' })).toThrow(expect.objectContaining({ code: 'MODEL_INVALID' }));
    expect(() => parseQueryModel({ base: 'tb"; DROP', columns: [{ field: 'x' }] })).toThrow(expect.objectContaining({ code: 'MODEL_INVALID' }));
  });
});
