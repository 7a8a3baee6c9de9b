/** The parser lock of the secure SQL executor: see sql-validator.ts and docs/adr/0001-sql-parser.md. */
export {
  SQL_VALIDATION_CODES,
  SqlValidationError,
  SqlValidator,
  initSqlParser,
  statementKind,
  type SourcePosition,
  type SqlValidationCode,
  type SqlValidatorOptions,
  type ValidationContext,
  type ValidationFailure,
  type ValidationResult,
  type ValidationSuccess,
} from './sql-validator';
