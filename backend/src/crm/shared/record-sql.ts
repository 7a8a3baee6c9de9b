import { ident } from '../../database/sql';
import { ListSpec } from './list/list-definition';
import { Binder, SqlQuery } from './list/list-sql';

/**
 * SQL for single records of a resource, from the same field declarations as its list, so a record reads the
 * same through GET /{id}, POST, PATCH and the list. Values are bound with the column's exact type.
 */
export type FieldValues = Record<string, unknown>;

export function assignments(spec: ListSpec, values: FieldValues, b: Binder): [string, string][] {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([name, v]) => {
      const f = spec.field(name);
      if (!f) throw new Error(`${spec.def.resource}: unknown field ${name}`);
      return [ident(f.column), v === null ? 'NULL' : b.bind(v, spec.pgType(name))];
    });
}

export function selectByIdSql(spec: ListSpec, id: string, opts: { includeDeleted?: boolean; forUpdate?: boolean } = {}): SqlQuery {
  const b = new Binder();
  const soft = spec.def.softDelete && !opts.includeDeleted ? ` AND ${ident(spec.def.softDelete)} IS NULL` : '';
  const lock = opts.forUpdate ? ` FOR UPDATE OF ${spec.table}` : '';
  return { text: `SELECT ${spec.selectList()} FROM ${spec.table} WHERE id = ${b.bind(id, 'uuid')}${soft}${lock}`, values: b.values };
}

export function insertSql(spec: ListSpec, values: FieldValues): SqlQuery {
  const b = new Binder();
  const pairs = assignments(spec, values, b);
  return {
    text: `INSERT INTO ${spec.table} (${pairs.map((p) => p[0]).join(', ')}) VALUES (${pairs.map((p) => p[1]).join(', ')}) RETURNING ${spec.selectList()}`,
    values: b.values,
  };
}

/** Optimistic update: matches only the expected version of a live row, bumps versao and atualizado_em. */
export function updateSql(spec: ListSpec, id: string, version: number, changes: FieldValues): SqlQuery {
  const b = new Binder();
  const sets = assignments(spec, changes, b).map(([col, val]) => `${col} = ${val}`);
  const soft = spec.def.softDelete ? ` AND ${ident(spec.def.softDelete)} IS NULL` : '';
  return {
    text:
      `UPDATE ${spec.table} SET ${[...sets, 'versao = versao + 1', 'atualizado_em = now()'].join(', ')}` +
      ` WHERE id = ${b.bind(id, 'uuid')} AND versao = ${b.bind(version, 'int4')}${soft} RETURNING ${spec.selectList()}`,
    values: b.values,
  };
}

/** Soft delete (deleted = true) or restore (false) of one row, optionally at an expected version. */
export function setDeletedSql(spec: ListSpec, id: string, deleted: boolean, version: number | null): SqlQuery {
  const b = new Binder();
  const col = ident(spec.def.softDelete!);
  const versionCheck = version === null ? '' : ` AND versao = ${b.bind(version, 'int4')}`;
  return {
    text:
      `UPDATE ${spec.table} SET ${col} = ${deleted ? 'now()' : 'NULL'}, versao = versao + 1, atualizado_em = now()` +
      ` WHERE id = ${b.bind(id, 'uuid')} AND ${col} IS ${deleted ? 'NULL' : 'NOT NULL'}${versionCheck} RETURNING ${spec.selectList()}`,
    values: b.values,
  };
}
