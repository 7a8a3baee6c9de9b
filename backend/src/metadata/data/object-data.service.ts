import { Injectable } from '@nestjs/common';
import type { TenantRole } from '../../auth/principal';
import { DomainError } from '../../common/domain-error';
import { Binder } from '../../crm/shared/list/list-sql';
import { ident } from '../../database/sql';
import { QueryExecutorService } from '../../query-executor';
import { TenantScope, TenantTransaction } from '../../tenancy/tenant-transaction';
import { FieldType } from '../metadata.constants';
import { MetadataReader } from '../metadata.reader';
import { MetadataStore } from '../metadata.store';
import { MetaField, MetaObjectWithFields } from '../metadata.types';
import { catalogOf, ObjectCatalog } from '../queries/object-sql';
import { allowedRelations, QueryObjectsService } from '../queries/query-objects.service';
import { coerceValue } from '../records/field-values';
import { bindType } from '../records/record-list';

export const DATA_DEFAULT_LIMIT = 50;
export const DATA_MAX_LIMIT = 200;
const MAX_OFFSET = 100_000;
const MAX_IN = 50;
const MAX_SORT = 4;

export interface DataColumn {
  name: string;
  type: FieldType;
  /** PostgreSQL type of the column. */
  pgType: string;
  labelPt: string;
  labelEn: string;
  options: { value: string; label?: string }[] | null;
}

export interface ObjectData {
  object: { id: string; apiName: string; kind: string; labelPt: string; labelEn: string };
  columns: DataColumn[];
  /** One array per row, values in `columns` order. */
  rows: unknown[][];
  offset: number;
  limit: number;
  /** Pass as ?offset= for the next page; null at the end. */
  nextOffset: number | null;
  total?: number;
  sort: string | null;
}

type Raw = Record<string, unknown>;
type Scalar = string | number | boolean | null;

const RESERVED = ['limit', 'offset', 'sort', 'fields', 'include_total'];
const RANGE_TYPES: FieldType[] = ['integer', 'decimal', 'currency_brl', 'percent', 'date', 'datetime'];
const NO_FILTER: FieldType[] = ['json', 'long_text', 'multi_select'];
const NO_SORT: FieldType[] = ['json', 'multi_select'];

const bad = (code: string, message: string, details: Record<string, unknown>) => new DomainError(code, message, 400, details);

/**
 * GET /api/objects/{id}/data: the rows of any object, as the console's generic grid reads them, with filters, sort
 * and offset paging applied ON TOP of the object, which is wrapped as a subquery:
 *
 *   [WITH <query objects it reads>] SELECT "o"."a", "o"."b" FROM (<object>) AS "o" WHERE … ORDER BY … LIMIT $n OFFSET $m
 *
 * Identifiers come from field metadata (ident()), values are bound with the field's type.
 * - Query objects (user-authored SQL, or models compiled from it) run through the SQL executor: the tenant's
 *   read-only role, caps and timeout, audited (source `object`), app.role/app.user_id set so ownership RLS applies.
 * - Base and custom-table objects run on the trusted path (the request's pinned rw transaction, same RLS): the SQL
 *   is entirely ours, and the shared pool serves many grids at once where the executor's per-tenant pools are tiny.
 * Offset paging because a query object has no unique key for a keyset; the records API pages tables by keyset.
 */
@Injectable()
export class ObjectDataService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly reader: MetadataReader,
    private readonly queries: QueryObjectsService,
    private readonly executor: QueryExecutorService,
  ) {}

  async data(scope: TenantScope, idOrApiName: string, raw: Raw): Promise<ObjectData> {
    const prepared = await this.tx.run(scope, async () => {
      const object = await this.reader.visibleObject(idOrApiName);
      const req = parseRequest(object, raw);
      const b = new Binder();
      if (object.kind !== 'consulta') {
        const q = wrap(object, req, b, `${ident(object.table!)}`, true);
        const rows = await this.reader.query<Record<string, unknown>>(q.page, b.values);
        let total: number | undefined;
        if (q.count) total = (await this.reader.query<{ total: number }>(q.count.text, q.count.values))[0].total;
        return { object, req, rows: rows.map((r) => req.columns.map((_, i) => r[`c${i}`])), total };
      }
      const catalog = await subgraph(this.reader.store(), object);
      const { prefix, body } = this.queries.runnable(object, catalog, b);
      const q = wrap(object, req, b, `(\n${body}\n)`, false, prefix);
      return { object, req, pending: { q, params: [...b.values] as Scalar[], relations: allowedRelations(catalog) } };
    });

    const { object, req } = prepared;
    let rows = prepared.rows;
    let total = prepared.total;
    if ('pending' in prepared && prepared.pending) {
      const { q, params, relations } = prepared.pending;
      const base = { tenant: { id: scope.tenantId, slug: scope.slug }, userId: scope.userId, role: scope.role as TenantRole, allowedRelations: relations, source: 'object' };
      const result = await this.executor.execute({ ...base, sql: q.page, params, limit: req.limit + 1 });
      rows = result.rows;
      if (q.count) total = ((await this.executor.execute({ ...base, sql: q.count.text, params: q.count.values as Scalar[], limit: 1 })).rows[0]?.[0] as number) ?? 0;
    }
    const more = rows!.length > req.limit;
    return {
      object: { id: object.id, apiName: object.apiName, kind: object.kind, labelPt: object.labelPt, labelEn: object.labelEn },
      columns: req.columns.map((f) => ({ name: f.apiName, type: f.type, pgType: f.columnType, labelPt: f.labelPt, labelEn: f.labelEn, options: f.options })),
      rows: rows!.slice(0, req.limit),
      offset: req.offset,
      limit: req.limit,
      nextOffset: more ? req.offset + req.limit : null,
      ...(total !== undefined ? { total } : {}),
      sort: req.sortText,
    };
  }
}

interface DataRequest {
  columns: MetaField[];
  filters: { field: MetaField; kind: 'in' | 'min' | 'max'; values: Scalar[] }[];
  sort: { field: MetaField; dir: 'asc' | 'desc' }[];
  sortText: string | null;
  limit: number;
  offset: number;
  includeTotal: boolean;
}

function single(raw: Raw, name: string): string | undefined {
  const v = raw[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw bad('INVALID_FILTER_VALUE', `Valor inválido para ${name}: informe um único valor.`, { parameter: name });
  return v;
}

function parseRequest(object: MetaObjectWithFields, raw: Raw): DataRequest {
  const fields = object.fields;
  const byName = new Map(fields.map((f) => [f.apiName, f]));
  const limitText = single(raw, 'limit');
  const limit = limitText === undefined ? DATA_DEFAULT_LIMIT : /^\d{1,4}$/.test(limitText) ? Number(limitText) : NaN;
  if (!(limit >= 1 && limit <= DATA_MAX_LIMIT)) throw bad('INVALID_LIMIT', `limit deve ser um inteiro de 1 a ${DATA_MAX_LIMIT}.`, { parameter: 'limit', max: DATA_MAX_LIMIT });
  const offsetText = single(raw, 'offset');
  const offset = offsetText === undefined ? 0 : /^\d{1,6}$/.test(offsetText) ? Number(offsetText) : NaN;
  if (!(offset >= 0 && offset <= MAX_OFFSET)) throw bad('INVALID_OFFSET', `offset deve ser um inteiro de 0 a ${MAX_OFFSET}.`, { parameter: 'offset', max: MAX_OFFSET });
  const totalText = single(raw, 'include_total');
  if (totalText !== undefined && totalText !== 'true' && totalText !== 'false') throw bad('INVALID_FILTER_VALUE', 'include_total: true ou false.', { parameter: 'include_total' });

  // columns
  const fieldsText = single(raw, 'fields');
  let columns = fields;
  if (fieldsText !== undefined) {
    const names = fieldsText.split(',').map((n) => n.trim()).filter(Boolean);
    const unknown = names.filter((n) => !byName.has(n));
    if (unknown.length || !names.length) {
      throw bad('INVALID_FIELDS', `Campo desconhecido em fields: ${unknown.join(', ') || '(vazio)'}. Permitidos: ${fields.map((f) => f.apiName).join(', ')}.`, {
        unknown,
        allowed: fields.map((f) => f.apiName),
      });
    }
    columns = [...new Set(names)].map((n) => byName.get(n)!);
  }

  // filters
  const filters: DataRequest['filters'] = [];
  const allowed = fields.flatMap((f) =>
    NO_FILTER.includes(f.type) ? [] : RANGE_TYPES.includes(f.type) ? [f.apiName, `${f.apiName}_${rangeWords(f)[0]}`, `${f.apiName}_${rangeWords(f)[1]}`] : [f.apiName],
  );
  for (const [key, value] of Object.entries(raw)) {
    if (RESERVED.includes(key)) continue;
    let field = byName.get(key);
    let kind: 'in' | 'min' | 'max' = 'in';
    if (!field) {
      const m = /^(.+)_(min|max|from|to)$/.exec(key);
      const f = m ? byName.get(m[1]) : undefined;
      if (f && RANGE_TYPES.includes(f.type) && rangeWords(f).includes(m![2])) {
        field = f;
        kind = m![2] === 'min' || m![2] === 'from' ? 'min' : 'max';
      }
    }
    if (!field || NO_FILTER.includes(field.type)) {
      throw bad('INVALID_FILTER', `Filtro desconhecido em ${object.apiName}: ${key}. Permitidos: ${allowed.join(', ')}.`, { unknown: [key], allowed });
    }
    const list = (Array.isArray(value) ? value : [value]) as unknown[];
    if (!list.every((v) => typeof v === 'string')) throw bad('INVALID_FILTER_VALUE', `Valor inválido para ${key}: texto simples.`, { parameter: key });
    if (kind !== 'in' && list.length > 1) throw bad('INVALID_FILTER_VALUE', `Valor inválido para ${key}: informe um único valor.`, { parameter: key });
    if (list.length > MAX_IN) throw bad('INVALID_FILTER_VALUE', `Valor inválido para ${key}: no máximo ${MAX_IN} valores.`, { parameter: key });
    filters.push({ field, kind, values: (list as string[]).map((v) => queryValue(field!, v, key, kind)) });
  }

  // sort
  const sortText = single(raw, 'sort') ?? null;
  const sort: DataRequest['sort'] = [];
  const sortable = fields.filter((f) => !NO_SORT.includes(f.type)).map((f) => f.apiName);
  for (const part of (sortText ?? defaultSort(fields)).split(',').map((p) => p.trim()).filter(Boolean)) {
    const desc = part.startsWith('-');
    const name = desc || part.startsWith('+') ? part.slice(1) : part;
    const f = byName.get(name);
    if (!f || NO_SORT.includes(f.type) || sort.some((s) => s.field === f) || sort.length >= MAX_SORT) {
      throw bad('INVALID_SORT', `Ordenação inválida (${name || 'campo vazio'}). Campos permitidos: ${sortable.join(', ')}; prefixe com - para decrescente; até ${MAX_SORT}.`, {
        sort: sortText,
        allowed: sortable,
      });
    }
    sort.push({ field: f, dir: desc ? 'desc' : 'asc' });
  }
  // A unique last key keeps offset pages stable among ties.
  const id = byName.get('id');
  if (sort.length && id && !sort.some((s) => s.field === id)) sort.push({ field: id, dir: sort[sort.length - 1].dir });
  return { columns, filters, sort, sortText, limit, offset, includeTotal: totalText === 'true' };
}

function rangeWords(f: MetaField): [string, string] {
  return f.type === 'date' || f.type === 'datetime' ? ['from', 'to'] : ['min', 'max'];
}

function defaultSort(fields: MetaField[]): string {
  return fields.some((f) => f.column === 'criado_em' && f.system) ? '-criado_em' : '';
}

/** A query-string value in the field's canonical form; a bare date on a date-time field means that whole day (São Paulo). */
function queryValue(field: MetaField, text: string, param: string, kind: 'in' | 'min' | 'max'): Scalar {
  const t = field.type;
  const value: unknown =
    t === 'boolean' ? (text === 'true' ? true : text === 'false' ? false : text)
    : t === 'datetime' && /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T${kind === 'max' ? '23:59:59.999999' : '00:00:00'}-03:00`
    : text;
  const c = coerceValue(t === 'select' && !field.options?.length ? { type: 'text', options: null } : field, value);
  if (!c.ok) throw bad('INVALID_FILTER_VALUE', `Valor inválido para ${param}: ${c.problem}.`, { parameter: param });
  const v = c.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
}

interface Wrapped {
  page: string;
  count: { text: string; values: unknown[] } | null;
}

/**
 * The page statement and the count statement. `from` is a quoted table name or a parenthesised subquery; for
 * tables the soft-delete predicate is added; dates are printed YYYY-MM-DD on the trusted path like the executor does.
 */
function wrap(object: MetaObjectWithFields, req: DataRequest, b: Binder, from: string, trusted: boolean, prefix = ''): Wrapped {
  const o = ident('o');
  const col = (f: MetaField) => `${o}.${ident(f.column)}`;
  const conditions = (binder: Binder): string[] => {
    const where: string[] = [];
    if (object.table && object.fields.some((f) => f.column === 'excluido_em')) where.push(`${o}.${ident('excluido_em')} IS NULL`);
    for (const flt of req.filters) {
      const type = bindType(flt.field.columnType);
      if (flt.kind === 'in') {
        const ph = flt.values.map((v) => binder.bind(v, type));
        where.push(ph.length === 1 ? `${col(flt.field)} = ${ph[0]}` : `${col(flt.field)} IN (${ph.join(', ')})`);
      } else {
        where.push(`${col(flt.field)} ${flt.kind === 'min' ? '>=' : '<='} ${binder.bind(flt.values[0], type)}`);
      }
    }
    return where;
  };
  const select = req.columns.map((f, i) => {
    const expr = trusted && f.type === 'date' ? `to_char(${col(f)}, 'YYYY-MM-DD')` : col(f);
    return `${expr} AS ${ident(trusted ? `c${i}` : f.column)}`;
  });
  const where = conditions(b);
  const order = req.sort.map((s) => `${col(s.field)} ${s.dir === 'asc' ? 'ASC NULLS LAST' : 'DESC NULLS FIRST'}`);
  const body = `FROM ${from} AS ${o}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  const page =
    `${prefix}SELECT ${select.join(', ')} ${body}` +
    (order.length ? ` ORDER BY ${order.join(', ')}` : '') +
    ` LIMIT ${b.bind(req.limit + 1, 'int4')} OFFSET ${b.bind(req.offset, 'int4')}`;
  let count: Wrapped['count'] = null;
  if (req.includeTotal) {
    // The count has its own binder: the prefix's values (models) come first, in the same order.
    const cb = new Binder();
    for (const v of b.values.slice(0, prefixValues(b, req))) cb.values.push(v);
    const cw = conditions(cb);
    count = { text: `${prefix}SELECT count(*)::int AS total FROM ${from} AS ${o}${cw.length ? ` WHERE ${cw.join(' AND ')}` : ''}`, values: cb.values };
  }
  return { page, count };
}

/** How many values the prefix and the object's own text bound before the wrapper's filters. */
function prefixValues(b: Binder, req: DataRequest): number {
  const wrapperValues = req.filters.reduce((n, f) => n + f.values.length, 0) + 2;
  return b.values.length - wrapperValues;
}

/** The objects a query object reads, transitively, with their fields and dependency edges. */
async function subgraph(store: MetadataStore, object: MetaObjectWithFields): Promise<ObjectCatalog> {
  const edges = await store.dependencyEdges();
  const out = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!out.has(e.objectId)) out.set(e.objectId, new Set());
    out.get(e.objectId)!.add(e.dependsOn);
  }
  const ids = new Set<string>([object.id]);
  const stack = [object.id];
  while (stack.length) {
    for (const next of out.get(stack.pop()!) ?? []) {
      if (!ids.has(next)) {
        ids.add(next);
        stack.push(next);
      }
    }
  }
  const objects = await store.objectsByIds([...ids]);
  const fields = await store.fields([...ids]);
  const withFields = objects.map((o) => ({ ...o, fields: fields.filter((f) => f.objectId === o.id) }));
  return catalogOf(withFields, edges.filter((e) => ids.has(e.objectId)));
}
