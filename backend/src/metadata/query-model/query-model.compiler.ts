import { DomainError } from '../../common/domain-error';
import { Binder } from '../../crm/shared/list/list-sql';
import { ident } from '../../database/sql';
import { FieldType } from '../metadata.constants';
import { MetaField, MetaObjectWithFields } from '../metadata.types';
import { coerceValue } from '../records/field-values';
import { bindType } from '../records/record-list';
import { QueryModel, queryModelSchema } from './query-model.schema';

/**
 * Compiles a designer model into one SELECT. Every identifier in the output comes from metadata (table and column
 * names of resolved objects and fields) and goes through ident(); table aliases are generated (t0, t1…); output
 * column names are checked aliases or field names from metadata; every value is bound ($n, typed from the field).
 * Nothing from the request is ever copied into the SQL text.
 */

export interface ModelColumn {
  name: string;
  type: FieldType;
  labelPt: string;
  labelEn: string;
  /** The field the column shows (null for count(*)); its labels and options carry over. */
  source: { objectId: string; field: MetaField } | null;
}

export interface CompiledModel {
  sql: string;
  columns: ModelColumn[];
  /** Objects used and, per object, the fields used (dependencies of a saved model). */
  uses: Map<string, Set<string>>;
  /** Query objects (kind consulta) used by the model: expanded as CTEs by the caller. */
  queries: MetaObjectWithFields[];
}

interface Entry {
  ref: string;
  alias: string;
  object: MetaObjectWithFields;
}

const NUMERIC: FieldType[] = ['integer', 'decimal', 'currency_brl', 'percent'];
const ORDERED: FieldType[] = [...NUMERIC, 'date', 'datetime', 'text', 'email', 'phone', 'cpf', 'cnpj', 'cep', 'url', 'select', 'uuid', 'lookup', 'boolean'];
const TEXTUAL: FieldType[] = ['text', 'long_text', 'email', 'phone', 'cpf', 'cnpj', 'cep', 'url', 'select'];
const MAX_IN = 50;

const invalid = (code: string, message: string, details: Record<string, unknown> = {}) => new DomainError(code, message, 400, details);

/** Shape check (zod, strict) with messages that name the path. */
export function parseQueryModel(input: unknown): QueryModel {
  const r = queryModelSchema.safeParse(input);
  if (r.success) return r.data;
  const fields = r.error.issues.map((i) => ({ field: ['model', ...i.path].join('.'), message: i.message }));
  throw new DomainError('MODEL_INVALID', `Modelo de consulta inválido: ${fields.map((f) => `${f.field} (${f.message})`).join('; ')}.`, 400, { fields });
}

/**
 * @param resolve the objects the caller may use, by API name (invisible and unknown objects: undefined)
 * @param b the binder of the whole statement (CTEs of expanded query objects share it)
 */
export function compileQueryModel(model: QueryModel, resolve: (apiName: string) => MetaObjectWithFields | undefined, b: Binder): CompiledModel {
  const uses = new Map<string, Set<string>>();
  const use = (objectId: string, fieldId?: string) => {
    if (!uses.has(objectId)) uses.set(objectId, new Set());
    if (fieldId) uses.get(objectId)!.add(fieldId);
  };
  const queries = new Map<string, MetaObjectWithFields>();
  const objectNamed = (name: string, path: string): MetaObjectWithFields => {
    const o = resolve(name);
    if (!o) throw invalid('MODEL_UNKNOWN_OBJECT', `Objeto desconhecido no modelo: ${name}.`, { field: path, object: name });
    use(o.id);
    if (o.kind === 'consulta') queries.set(o.id, o);
    return o;
  };
  const relation = (o: MetaObjectWithFields) => ident(o.table ?? o.apiName);

  // FROM and JOINs
  const base = objectNamed(model.base, 'model.base');
  const entries: Entry[] = [{ ref: base.apiName, alias: 't0', object: base }];
  const from: string[] = [`${relation(base)} AS ${ident('t0')}`];
  const where: string[] = [];
  if (hasColumn(base, 'excluido_em') && base.kind !== 'consulta') where.push(`${ident('t0')}.${ident('excluido_em')} IS NULL`);

  model.joins.forEach((j, i) => {
    const path = `model.joins[${i}]`;
    const target = objectNamed(j.object, `${path}.object`);
    if (!target.table) throw invalid('MODEL_INVALID_JOIN', `Só objetos com registros (tabelas) entram por junção; ${target.apiName} é uma consulta.`, { field: `${path}.object` });
    const ref = j.alias ?? target.apiName;
    if (entries.some((e) => e.ref === ref)) {
      throw invalid('MODEL_AMBIGUOUS_OBJECT', `${ref} aparece duas vezes no modelo; dê um alias à junção.`, { field: `${path}.alias` });
    }
    const candidates = j.from ? entries.filter((e) => e.ref === j.from) : entries;
    if (j.from && !candidates.length) throw invalid('MODEL_UNKNOWN_OBJECT', `from desconhecido: ${j.from}.`, { field: `${path}.from` });
    const alias = `t${entries.length}`;
    const matches: { on: string; fieldOwner: MetaObjectWithFields; field: MetaField }[] = [];
    for (const c of candidates) {
      // forward: c.via → target.id
      const fwd = c.object.fields.find((f) => f.apiName === j.via && f.type === 'lookup' && f.targetObjectId === target.id);
      if (fwd) matches.push({ on: `${ident(alias)}.${ident('id')} = ${ident(c.alias)}.${ident(fwd.column)}`, fieldOwner: c.object, field: fwd });
      // reverse: target.via → c.id
      const rev = target.fields.find((f) => f.apiName === j.via && f.type === 'lookup' && f.targetObjectId === c.object.id);
      if (rev && c.object.table) matches.push({ on: `${ident(alias)}.${ident(rev.column)} = ${ident(c.alias)}.${ident('id')}`, fieldOwner: target, field: rev });
    }
    if (!matches.length) {
      throw invalid('MODEL_INVALID_JOIN', `Não há referência (lookup) "${j.via}" ligando ${target.apiName} ao modelo.`, { field: `${path}.via` });
    }
    if (matches.length > 1) {
      throw invalid('MODEL_AMBIGUOUS_JOIN', `"${j.via}" liga ${target.apiName} de mais de um jeito; informe from.`, { field: `${path}.from` });
    }
    use(matches[0].fieldOwner.id, matches[0].field.id);
    const on = [matches[0].on];
    if (hasColumn(target, 'excluido_em')) on.push(`${ident(alias)}.${ident('excluido_em')} IS NULL`);
    from.push(`${j.type === 'inner' ? 'JOIN' : 'LEFT JOIN'} ${relation(target)} AS ${ident(alias)} ON ${on.join(' AND ')}`);
    entries.push({ ref, alias, object: target });
  });

  const fieldRef = (objectName: string | undefined, fieldName: string, path: string): { entry: Entry; field: MetaField; sql: string } => {
    const entry = objectName ? entries.find((e) => e.ref === objectName) : entries[0];
    if (!entry) throw invalid('MODEL_UNKNOWN_OBJECT', `Objeto fora do modelo: ${objectName} (inclua-o em base ou joins).`, { field: `${path}.object` });
    const field = entry.object.fields.find((f) => f.apiName === fieldName);
    if (!field) throw invalid('MODEL_UNKNOWN_FIELD', `${entry.object.apiName} não tem o campo "${fieldName}".`, { field: `${path}.field`, object: entry.object.apiName });
    use(entry.object.id, field.id);
    return { entry, field, sql: `${ident(entry.alias)}.${ident(field.column)}` };
  };

  // SELECT list
  const columns: ModelColumn[] = [];
  const select: string[] = [];
  const plain: string[] = [];
  const hasAggregate = model.columns.some((c) => c.aggregate);
  model.columns.forEach((c, i) => {
    const path = `model.columns[${i}]`;
    let expr: string;
    let column: ModelColumn;
    if (c.field === '*') {
      if (c.aggregate !== 'count') throw invalid('MODEL_UNKNOWN_FIELD', '"*" só vale com aggregate count.', { field: `${path}.field` });
      if (c.object && !entries.some((e) => e.ref === c.object)) throw invalid('MODEL_UNKNOWN_OBJECT', `Objeto fora do modelo: ${c.object}.`, { field: `${path}.object` });
      expr = 'count(*)::int';
      column = { name: c.alias ?? 'count', type: 'integer', labelPt: 'Quantidade', labelEn: 'Count', source: null };
    } else {
      const r = fieldRef(c.object, c.field, path);
      const f = r.field;
      const name = c.alias ?? (c.aggregate ? `${c.aggregate}_${f.apiName}` : f.apiName);
      if (!c.aggregate) {
        expr = r.sql;
        plain.push(r.sql);
        column = { name, type: f.type, labelPt: f.labelPt, labelEn: f.labelEn, source: { objectId: r.entry.object.id, field: f } };
      } else {
        if ((c.aggregate === 'sum' || c.aggregate === 'avg') && !NUMERIC.includes(f.type)) {
          throw invalid('MODEL_INVALID_AGGREGATE', `${c.aggregate} precisa de um campo numérico; ${f.apiName} é ${f.type}.`, { field: `${path}.aggregate` });
        }
        if ((c.aggregate === 'min' || c.aggregate === 'max') && !ORDERED.includes(f.type)) {
          throw invalid('MODEL_INVALID_AGGREGATE', `${c.aggregate} não se aplica a ${f.type}.`, { field: `${path}.aggregate` });
        }
        const label = { sum: ['Soma', 'Sum'], count: ['Quantidade', 'Count'], avg: ['Média', 'Average'], min: ['Mínimo', 'Minimum'], max: ['Máximo', 'Maximum'] }[c.aggregate];
        const agg = c.aggregate;
        expr =
          agg === 'count' ? `count(${r.sql})::int`
          : agg === 'sum' ? (f.type === 'integer' ? `sum(${r.sql})::numeric` : `sum(${r.sql})`)
          : agg === 'avg' ? `avg(${r.sql})`
          : `${agg}(${r.sql})`;
        const type: FieldType = agg === 'count' ? 'integer' : agg === 'avg' || (agg === 'sum' && f.type === 'integer') ? 'decimal' : f.type;
        column = {
          name,
          type,
          labelPt: `${label[0]} de ${f.labelPt}`,
          labelEn: `${label[1]} of ${f.labelEn}`,
          source: agg === 'min' || agg === 'max' ? { objectId: r.entry.object.id, field: f } : null,
        };
      }
    }
    if (columns.some((x) => x.name === column.name)) {
      throw invalid('MODEL_DUPLICATE_COLUMN', `Duas colunas se chamam "${column.name}"; use alias.`, { field: `${path}.alias` });
    }
    columns.push(column);
    select.push(`${expr} AS ${ident(column.name)}`);
  });

  // WHERE
  model.filters.forEach((flt, i) => {
    const path = `model.filters[${i}]`;
    const { field, sql } = fieldRef(flt.object, flt.field, path);
    where.push(filterSql(flt.op, flt.value, field, sql, b, path));
  });

  // GROUP BY
  const group: string[] = model.groupBy.map((g, i) => fieldRef(g.object, g.field, `model.groupBy[${i}]`).sql);
  if (hasAggregate || group.length) {
    const missing = plain.filter((p) => !group.includes(p));
    if (missing.length) {
      const names = columns.filter((c) => c.source && missing.includes(`${ident(entries.find((e) => e.object.id === c.source!.objectId)!.alias)}.${ident(c.source.field.column)}`)).map((c) => c.name);
      throw invalid('MODEL_GROUP_BY_MISSING', `Com agregações, as colunas sem agregação precisam estar em groupBy: ${names.join(', ') || missing.join(', ')}.`, {
        field: 'model.groupBy',
        columns: names,
      });
    }
  }

  // ORDER BY (output columns)
  const order = model.sort.map((s, i) => {
    const col = columns.find((c) => c.name === s.column);
    if (!col) throw invalid('MODEL_UNKNOWN_FIELD', `sort: coluna desconhecida "${s.column}" (use o nome de uma coluna do modelo).`, { field: `model.sort[${i}].column` });
    return `${ident(col.name)} ${s.dir === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS LAST'}`;
  });

  const sql =
    `SELECT ${select.join(', ')}\n  FROM ${from.join('\n  ')}` +
    (where.length ? `\n WHERE ${where.join('\n   AND ')}` : '') +
    (group.length ? `\n GROUP BY ${group.join(', ')}` : '') +
    (order.length ? `\n ORDER BY ${order.join(', ')}` : '') +
    (model.limit !== undefined ? `\n LIMIT ${b.bind(model.limit, 'int4')}` : '');
  return { sql, columns, uses, queries: [...queries.values()] };
}

function hasColumn(o: MetaObjectWithFields, column: string): boolean {
  return o.fields.some((f) => f.column === column);
}

function filterSql(op: string, value: unknown, field: MetaField, col: string, b: Binder, path: string): string {
  const bad = (message: string) => invalid('MODEL_INVALID_FILTER', `Filtro inválido em ${field.apiName}: ${message}.`, { field: `${path}.value` });
  if (op === 'isnull') {
    if (value !== undefined && value !== null && typeof value !== 'boolean') throw bad('isnull espera true ou false');
    return value === false ? `${col} IS NOT NULL` : `${col} IS NULL`;
  }
  if (field.type === 'json' || field.type === 'long_text' && op !== 'like') throw bad(`campos ${field.type} só aceitam ${field.type === 'json' ? 'isnull' : 'like e isnull'}`);
  if (value === undefined || value === null) throw bad('informe value (ou use isnull)');
  if (field.type === 'multi_select') {
    const list = Array.isArray(value) ? value : [value];
    if (op !== 'eq' && op !== 'in') throw bad('listas de opções aceitam eq (contém) e in (contém alguma)');
    const ph = list.map((v) => b.bind(one(field, v, bad, 'select'), 'text'));
    return op === 'eq' && ph.length === 1 ? `${ph[0]} = ANY (${col})` : `${col} && ARRAY[${ph.join(', ')}]`;
  }
  const type = bindType(field.columnType);
  if (op === 'like') {
    if (!TEXTUAL.includes(field.type)) throw bad('like só vale para texto');
    if (typeof value !== 'string') throw bad('like espera um texto (padrão com % e _)');
    return `${col} ILIKE ${b.bind(value, 'text')}`;
  }
  if (op === 'in') {
    if (!Array.isArray(value) || !value.length) throw bad('in espera uma lista não vazia');
    if (value.length > MAX_IN) throw bad(`in aceita até ${MAX_IN} valores`);
    return `${col} IN (${value.map((v) => b.bind(one(field, v, bad), type)).join(', ')})`;
  }
  if (Array.isArray(value)) throw bad(`${op} espera um único valor`);
  const v = one(field, value, bad);
  if (op === 'eq') return `${col} = ${b.bind(v, type)}`;
  if (op === 'ne') return `${col} <> ${b.bind(v, type)}`;
  if (!ORDERED.includes(field.type)) throw bad(`${op} não se aplica a ${field.type}`);
  const sym = { lt: '<', lte: '<=', gt: '>', gte: '>=' }[op];
  if (!sym) throw bad(`operador desconhecido ${op}`);
  return `${col} ${sym} ${b.bind(v, type)}`;
}

/** A filter value in the field's canonical form, as a scalar the executor can bind. */
function one(field: MetaField, value: unknown, bad: (m: string) => DomainError, as?: 'select'): string | number | boolean {
  const f = as === 'select' ? { ...field, type: 'select' as FieldType } : field;
  const c = coerceValue(f.type === 'select' && !f.options ? { ...f, type: 'text' } : f, value);
  if (!c.ok) throw bad(c.problem);
  const v = c.value;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  throw bad('valor não suportado');
}
