import { ident } from '../../database/sql';
import { ListSpec } from './list/list-definition';
import { Binder, SqlQuery } from './list/list-sql';
import { assignments, FieldValues } from './record-sql';

/**
 * Record SQL for tables without `versao` (stages, lookups, parts of a record such as line items): the same
 * field declarations as record-sql.ts, with no optimistic version. Callers lock the parent when order matters.
 */

export function updatePlainSql(spec: ListSpec, id: string, changes: FieldValues): SqlQuery {
  const b = new Binder();
  const sets = assignments(spec, changes, b).map(([col, val]) => `${col} = ${val}`);
  const soft = spec.def.softDelete ? ` AND ${ident(spec.def.softDelete)} IS NULL` : '';
  return {
    text: `UPDATE ${spec.table} SET ${[...sets, 'atualizado_em = now()'].join(', ')} WHERE id = ${b.bind(id, 'uuid')}${soft} RETURNING ${spec.selectList()}`,
    values: b.values,
  };
}

/** Soft delete (true) or restore (false) of a row without a version. */
export function setDeletedPlainSql(spec: ListSpec, id: string, deleted: boolean): SqlQuery {
  const b = new Binder();
  const col = ident(spec.def.softDelete!);
  return {
    text:
      `UPDATE ${spec.table} SET ${col} = ${deleted ? 'now()' : 'NULL'}, atualizado_em = now()` +
      ` WHERE id = ${b.bind(id, 'uuid')} AND ${col} IS ${deleted ? 'NULL' : 'NOT NULL'} RETURNING ${spec.selectList()}`,
    values: b.values,
  };
}

/** Hard delete of a part of a record (a line item, a price-list entry), returning what it was. */
export function deleteSql(spec: ListSpec, id: string): SqlQuery {
  const b = new Binder();
  return { text: `DELETE FROM ${spec.table} WHERE id = ${b.bind(id, 'uuid')} RETURNING ${spec.selectList()}`, values: b.values };
}
