/** The secure SQL executor (docs/security.md, "The SQL executor"; docs/api.md, "SQL executor"). */
export { QueryExecutorModule } from './query-executor.module';
export {
  QueryExecutorService,
  type DescribeRequest,
  type DescribeResult,
  type ExecuteRequest,
  type ExecuteResult,
  type SqlColumn,
  type SqlParam,
  type SqlTenant,
} from './query-executor.service';
export { TenantRelations, type ExpandScope, type RelationExpander, type RelationSource } from './tenant-relations';
export { SQL_EXECUTION_CODES, SqlExecutionError, type SqlExecutionCode } from './sql-errors';
export { SQL_VALIDATION_CODES, SqlValidationError } from './sql-validator';
