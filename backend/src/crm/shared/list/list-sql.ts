import { DEFAULT_TIME_ZONE } from '../../../common/br';
import { ident } from '../../../database/sql';
import { ListSpec } from './list-definition';
import { FilterClause, ListPlan, SortKey } from './list-plan';

export interface SqlQuery {
  text: string;
  values: unknown[];
}

/** A fixed equality every row of this list must meet (e.g. the audit rows of one record). */
export interface ScopeCondition {
  column: string;
  value: unknown;
  pgType: string;
}

export interface CompiledList {
  /** One query, or two when the rows after the cursor are two index ranges (run in order, until the page is full). */
  pages: SqlQuery[];
  count: SqlQuery | null;
  /** Aliases of the sort-key values in the page rows (for the next cursor), in sort order. */
  keyAliases: string[];
}

const PG_TYPE = /^[a-z][a-z0-9_]*(\[\])?$/;
export const KEY_PREFIX = '__k';

/** Collects bound values; placeholders carry the exact type so comparisons stay leakproof (see data-model.md). */
export class Binder {
  readonly values: unknown[] = [];

  bind = (value: unknown, pgType: string): string => {
    if (!PG_TYPE.test(pgType)) throw new Error(`unexpected type ${pgType}`);
    this.values.push(value);
    return `$${this.values.length}::${pgType}`;
  };
}

/**
 * Compiles a plan into the page query (keyset, LIMIT n+1 to know whether a next page exists) and, when asked,
 * a count with the same filters. Every identifier comes from the list definition; every value is bound.
 * A cursor at the edge of a nullable first key gives two page queries, run in order until the page is full
 * (see keysetConditions).
 */
export function compileList(spec: ListSpec, plan: ListPlan, scope: ScopeCondition[] = []): CompiledList {
  const keyAliases = plan.sort.map((_, i) => `${KEY_PREFIX}${i}`);
  const keys = plan.sort.map((k, i) => `${ident(spec.field(k.field).column)}::text AS ${ident(keyAliases[i])}`);
  const parts = plan.after ? keysetParts(spec, plan.sort, plan.after) : 1;
  const pages = Array.from({ length: parts }, (_, part) => {
    const b = new Binder();
    const where = conditions(spec, plan, scope, b);
    if (plan.after) where.push(...keysetConditions(spec, plan.sort, plan.after, b, part));
    const text =
      `SELECT ${spec.selectList(plan.fields)}, ${keys.join(', ')} FROM ${spec.table}` +
      ` WHERE ${where.length ? where.join(' AND ') : 'true'}` +
      ` ORDER BY ${orderBy(spec, plan.sort)} LIMIT ${b.bind(plan.limit + 1, 'int4')}`;
    return { text, values: b.values };
  });

  let count: SqlQuery | null = null;
  if (plan.includeTotal) {
    const cb = new Binder();
    const cw = conditions(spec, plan, scope, cb);
    count = { text: `SELECT count(*)::int AS total FROM ${spec.table} WHERE ${cw.length ? cw.join(' AND ') : 'true'}`, values: cb.values };
  }
  return { pages, count, keyAliases };
}

/** NULLs explicit: they sort after every value ascending and before every value descending (btree's order). */
export function orderBy(spec: ListSpec, sort: SortKey[]): string {
  return sort.map((k) => `${ident(spec.field(k.field).column)} ${k.dir === 'asc' ? 'ASC NULLS LAST' : 'DESC NULLS FIRST'}`).join(', ');
}

function conditions(spec: ListSpec, plan: ListPlan, scope: ScopeCondition[], b: Binder): string[] {
  const where: string[] = scope.map((s) => `${ident(s.column)} = ${b.bind(s.value, s.pgType)}`);
  const soft = spec.def.softDelete;
  // The list indexes are partial on `excluido_em IS NULL`: the default list carries exactly that predicate.
  if (soft && plan.deleted === 'exclude') where.push(`${ident(soft)} IS NULL`);
  if (soft && plan.deleted === 'only') where.push(`${ident(soft)} IS NOT NULL`);
  for (const f of plan.filters) where.push(filterCondition(spec, f, plan.userId, b));
  if (plan.q !== null && spec.def.search) {
    const search = spec.def.search;
    const term = (search.normalize ? search.normalize(plan.q) : plan.q).replace(/[\\%_]/g, '\\$&');
    // Same expression as the generated column, so the trigram GIN index (busca gin_trgm_ops) serves it.
    where.push(`${ident(search.column)} LIKE ('%' || extensions.immutable_unaccent(lower(${b.bind(term, 'text')})) || '%')`);
  }
  return where;
}

function filterCondition(spec: ListSpec, f: FilterClause, userId: string | null, b: Binder): string {
  if (f.kind === 'custom') return spec.def.filters![f.filter].build(f.values, { table: spec.table, bind: b.bind, userId });
  const field = spec.field(f.field);
  const col = ident(field.column);
  const type = spec.pgType(f.field);
  if (f.kind === 'in') return f.values.length === 1 ? `${col} = ${b.bind(f.values[0], type)}` : `${col} = ANY (${b.bind(f.values, `${type}[]`)})`;
  const dateOnly = field.type === 'timestamp' && f.value.length === 10;
  if (f.kind === 'from') {
    return dateOnly
      ? `${col} >= (${b.bind(f.value, 'date')}::timestamp AT TIME ZONE ${b.bind(DEFAULT_TIME_ZONE, 'text')})`
      : `${col} >= ${b.bind(f.value, type)}`;
  }
  // A date alone as the upper bound includes that whole day (in the tenant's default time zone).
  return dateOnly
    ? `${col} < ((${b.bind(f.value, 'date')} + 1)::timestamp AT TIME ZONE ${b.bind(DEFAULT_TIME_ZONE, 'text')})`
    : `${col} <= ${b.bind(f.value, type)}`;
}

interface KeyRef {
  col: string;
  dir: 'asc' | 'desc';
  nullable: boolean;
  type: string;
}

/**
 * "Rows after the cursor" for a sort of any mix of directions and nullable keys:
 *   after(i) = strictlyAfter(i) OR (equal(i) AND after(i+1)), the last key (id) being unique.
 * Runs of non-null keys with one direction become row comparisons ((a, id) > ($1, $2)), which a btree index
 * seeks directly; otherwise a redundant bound on the first key lets the index seek.
 *
 * A nullable first key has two index ranges after some cursors: ascending (NULLs last) from a value, the values
 * after it and then every NULL; descending (NULLs first) from a NULL, the NULLs after it and then every value.
 * An OR of the two cannot seek, so they are two parts (0 and 1), queried in order.
 */
export function keysetParts(spec: ListSpec, sort: SortKey[], values: (string | null)[]): 1 | 2 {
  const first = spec.field(sort[0].field);
  if (first.nullable === false) return 1;
  return (sort[0].dir === 'asc' && values[0] !== null) || (sort[0].dir === 'desc' && values[0] === null) ? 2 : 1;
}

export function keysetConditions(spec: ListSpec, sort: SortKey[], values: (string | null)[], b: Binder, part = 0): string[] {
  const keys: KeyRef[] = sort.map((k) => {
    const f = spec.field(k.field);
    return { col: ident(f.column), dir: k.dir, nullable: f.nullable !== false, type: spec.pgType(k.field) };
  });
  const first = keys[0];
  if (part === 1) return [`${first.col} ${first.dir === 'asc' ? 'IS NULL' : 'IS NOT NULL'}`];
  const params = values.map((v, i) => (v === null ? null : b.bind(v, keys[i].type)));

  // NULLS LAST ascending, NULLS FIRST descending; null means "no row is strictly after". The NULLs after a value
  // of the first key are its part 1, so part 0 leaves them out.
  const strictly = (i: number): string | null => {
    const { col, dir, nullable } = keys[i];
    const p = params[i];
    if (dir === 'asc') return p === null ? null : nullable && i > 0 ? `(${col} > ${p} OR ${col} IS NULL)` : `${col} > ${p}`;
    if (p === null) return i > 0 ? `${col} IS NOT NULL` : null;
    return `${col} < ${p}`;
  };
  const equal = (i: number) => (params[i] === null ? `${keys[i].col} IS NULL` : `${keys[i].col} = ${params[i]}`);

  const after = (i: number): string => {
    let j = i;
    while (j + 1 < keys.length && !keys[i].nullable && !keys[j + 1].nullable && keys[j + 1].dir === keys[i].dir) j++;
    if (j > i) {
      const cols = `(${keys.slice(i, j + 1).map((k) => k.col).join(', ')})`;
      const vals = `(${params.slice(i, j + 1).join(', ')})`;
      const row = `${cols} ${keys[i].dir === 'asc' ? '>' : '<'} ${vals}`;
      return j === keys.length - 1 ? row : `(${row} OR (${cols} = ${vals} AND ${after(j + 1)}))`;
    }
    const s = strictly(i);
    if (i === keys.length - 1) return s!;
    return s === null ? `(${equal(i)} AND ${after(i + 1)})` : `(${s} OR (${equal(i)} AND ${after(i + 1)}))`;
  };

  const where = [after(0)];
  // One row comparison already seeks, and so does `first IS NULL AND …` from a NULL; otherwise bound the first
  // key so the index can seek: every row of part 0 lies on this side of the first key's value.
  if (params[0] !== null && !keys.every((k) => !k.nullable && k.dir === first.dir)) {
    where.push(`${first.col} ${first.dir === 'asc' ? '>=' : '<='} ${params[0]}`);
  }
  return where;
}
