import { TenantDb } from '../../tenancy/tenant-transaction';
import { SqlQuery } from './list/list-sql';

/**
 * The rows of any statement in the tenant transaction. (TypeORM's manager.query answers UPDATE/DELETE …
 * RETURNING with [rows, count] instead of rows, so record writes go through here.)
 */
export async function queryRows<T>(db: TenantDb, q: SqlQuery): Promise<T[]> {
  const runner = db.manager.queryRunner;
  if (!runner) return db.query<T>(q.text, q.values);
  return (await runner.query(q.text, q.values, true)).records as T[];
}
