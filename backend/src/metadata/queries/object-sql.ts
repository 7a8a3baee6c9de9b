import { DomainError } from '../../common/domain-error';
import { Binder } from '../../crm/shared/list/list-sql';
import { ident } from '../../database/sql';
import { MetaObjectWithFields } from '../metadata.types';
import { compileQueryModel } from '../query-model/query-model.compiler';
import { QueryModel } from '../query-model/query-model.schema';

/**
 * Query objects referencing other query objects by API name are expanded as CTEs prepended to the statement:
 *
 *   WITH "vendas_mes" AS (<its SQL>), "top_clientes" AS (<its SQL, which reads vendas_mes>) <the statement>
 *
 * in dependency order (a CTE may read the ones before it), names quoted by ident(). A query's own WITH clause stays
 * inside its text and shadows outer names lexically, as PostgreSQL scopes them. Designer models are recompiled
 * with the statement's one binder, so their bound values never collide. A cycle is refused with OBJECT_CYCLE.
 */

export interface ObjectCatalog {
  /** By API name. */
  byName: Map<string, MetaObjectWithFields>;
  byId: Map<string, MetaObjectWithFields>;
  /** Query object id → ids of the objects it uses (recorded dependencies). */
  edges: Map<string, Set<string>>;
  /** Base and custom-table objects by table name. */
  tables: Map<string, MetaObjectWithFields>;
}

export function catalogOf(objects: MetaObjectWithFields[], edges: { objectId: string; dependsOn: string }[]): ObjectCatalog {
  const byName = new Map(objects.map((o) => [o.apiName, o]));
  const byId = new Map(objects.map((o) => [o.id, o]));
  const map = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!map.has(e.objectId)) map.set(e.objectId, new Set());
    map.get(e.objectId)!.add(e.dependsOn);
  }
  const tables = new Map(objects.filter((o) => o.table).map((o) => [o.table!, o]));
  return { byName, byId, edges: map, tables };
}

/** The text of a query object for a CTE body or a FROM subquery: its SQL, or its model compiled with `b`. */
export function queryBody(o: MetaObjectWithFields, catalog: ObjectCatalog, b: Binder): string {
  if (o.model) return compileQueryModel(o.model as QueryModel, (n) => catalog.byName.get(n), b).sql;
  if (!o.sql) throw new Error(`query object ${o.apiName} without SQL`);
  return o.sql;
}

/**
 * `WITH … ` for the query objects `roots` use (transitively), or '' when none. `self` is the object being saved
 * or changed: reaching it again is a cycle.
 */
export function ctePrefix(roots: Iterable<MetaObjectWithFields>, catalog: ObjectCatalog, b: Binder, self?: { id: string | null; apiName: string }): string {
  const order: MetaObjectWithFields[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (o: MetaObjectWithFields, path: string[]) => {
    if (self && (o.id === self.id || o.apiName === self.apiName)) throw cycle([...path, o.apiName]);
    const s = state.get(o.id);
    if (s === 'done') return;
    if (s === 'visiting') throw cycle([...path, o.apiName]);
    state.set(o.id, 'visiting');
    for (const depId of catalog.edges.get(o.id) ?? []) {
      const dep = catalog.byId.get(depId);
      if (dep?.kind === 'consulta') visit(dep, [...path, o.apiName]);
    }
    state.set(o.id, 'done');
    order.push(o);
  };
  for (const r of roots) visit(r, self ? [self.apiName] : []);
  if (!order.length) return '';
  return `WITH ${order.map((o) => `${ident(o.apiName)} AS (\n${queryBody(o, catalog, b)}\n)`).join(',\n')}\n`;
}

function cycle(path: string[]): DomainError {
  return new DomainError('OBJECT_CYCLE', `Consultas em ciclo: ${path.join(' → ')}. Uma consulta não pode depender de si mesma.`, 400, { path });
}

/** A user's SQL text made embeddable: trailing semicolons removed (a subquery cannot end with one). */
export function embeddable(sql: string): string {
  let s = sql.trim();
  while (s.endsWith(';')) s = s.slice(0, -1).trimEnd();
  return s;
}
