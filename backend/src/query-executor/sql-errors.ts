/**
 * Errors of untrusted SQL, as users can act on them (docs/api.md, "SQL executor"). Server messages are shown only
 * where they name nothing but what the user wrote (unknown column, division by zero…); never a stack, never the
 * server's internal query or context, and permission errors get a fixed message.
 */
import { DomainError } from '../common/domain-error';
import { positionAt, type SourcePosition } from './sql-validator/position';

/** Codes the executor adds to the validator's own (SQL_VALIDATION_CODES). */
export const SQL_EXECUTION_CODES = [
  'SQL_TIMEOUT',
  'SQL_RESOURCE_LIMIT',
  'SQL_PERMISSION_DENIED',
  'SQL_UNDEFINED_OBJECT',
  'SQL_EXECUTION_ERROR',
  'SQL_TOO_MANY_QUERIES',
  'SQL_INVALID_PARAMS',
] as const;
export type SqlExecutionCode = (typeof SQL_EXECUTION_CODES)[number];

interface PgLikeError {
  code?: string;
  message?: string;
  /** 1-based position (in characters) of the error in the statement text, as a string. */
  position?: string;
}

/** Index of the n-th code point (0-based) in a JS string. */
function indexOfCodePoint(sql: string, n: number): number {
  let i = 0;
  for (let cp = 0; cp < n && i < sql.length; cp++) {
    const c = sql.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < sql.length ? 2 : 1;
  }
  return i;
}

function positionOf(sql: string, err: PgLikeError): SourcePosition | undefined {
  const p = Number(err.position);
  return Number.isInteger(p) && p > 0 ? positionAt(sql, indexOfCodePoint(sql, p - 1)) : undefined;
}

function withPosition(message: string, position?: SourcePosition): string {
  return position ? `${message} (linha ${position.line}, coluna ${position.column})` : message;
}

/** The SQL executor's domain error: `code` is one of SQL_EXECUTION_CODES. */
export class SqlExecutionError extends DomainError {
  constructor(code: SqlExecutionCode, message: string, status = 400, details?: Record<string, unknown>) {
    super(code, message, status, details);
    this.name = 'SqlExecutionError';
  }
}

/**
 * Maps what running the user's SQL threw. `null` when the error is not about the query (lost connection,
 * unexpected failure): the caller rethrows it for the global filter (503 / 500, logged).
 */
export function mapSqlError(err: unknown, sql: string, limits: { timeoutMs: number }): DomainError | null {
  const e = (err ?? {}) as PgLikeError;
  const code = typeof e.code === 'string' ? e.code : '';
  const serverMessage = typeof e.message === 'string' ? e.message.slice(0, 500) : '';
  const position = positionOf(sql, e);
  const details = (extra: Record<string, unknown> = {}) => ({ sqlState: code, ...(position ? { position } : {}), ...extra });
  const seconds = limits.timeoutMs % 1000 === 0 ? `${limits.timeoutMs / 1000} s` : `${limits.timeoutMs} ms`;

  if (code === '57014') {
    return new SqlExecutionError('SQL_TIMEOUT', `A consulta excedeu o limite de ${seconds} e foi cancelada.`, 400, { limitMs: limits.timeoutMs });
  }
  if (code === '55P03') {
    return new SqlExecutionError('SQL_TIMEOUT', 'A consulta esperou demais por um bloqueio e foi cancelada.', 400, details());
  }
  if (code === '53400' || code === '53200' || code === '53100' || code.startsWith('54')) {
    return new SqlExecutionError(
      'SQL_RESOURCE_LIMIT',
      'A consulta excedeu um limite de recursos (memória, espaço temporário ou tamanho). Filtre ou agregue mais os dados.',
      400,
      { sqlState: code, reason: serverMessage },
    );
  }
  if (code === '08P01' && /bind message supplies/.test(serverMessage)) {
    // more or fewer params than the text's $n: a protocol error to the server, the caller's mistake to us
    return new SqlExecutionError('SQL_INVALID_PARAMS', `Número de parâmetros diferente do usado na consulta: ${serverMessage}`, 400, { sqlState: code });
  }
  if (code === '53300') {
    return new SqlExecutionError('SQL_TOO_MANY_QUERIES', 'Muitas consultas simultâneas neste tenant. Tente de novo em instantes.', 429);
  }
  if (code === '42501' || code === '25006' || code === '0LP01' || code === '28000') {
    return new SqlExecutionError(
      'SQL_PERMISSION_DENIED',
      'Permissão negada: a consulta tenta acessar ou alterar algo que não é permitido (somente leitura das tabelas do tenant).',
      400,
      { sqlState: code },
    );
  }
  if (['42703', '42P01', '42883', '42704', '42P02', '42P10', '3F000'].includes(code)) {
    return new SqlExecutionError('SQL_UNDEFINED_OBJECT', withPosition(serverMessage, position), 400, details());
  }
  if (code === '42601') {
    // e.g. a second statement, refused by the extended protocol (the validator normally catches syntax first)
    return new DomainError('SQL_SYNTAX_ERROR', withPosition(`Erro de sintaxe: ${serverMessage}`, position), 400, details());
  }
  // Data exceptions, cardinality, grouping/type errors, unsupported features, transaction state: the user's query.
  if (/^(22|21|2F|0A|42|25|40|23|2B|2D|38|39|44|55|P0)/.test(code) && code !== 'XX000') {
    return new SqlExecutionError('SQL_EXECUTION_ERROR', withPosition(`Erro ao executar a consulta: ${serverMessage}`, position), 400, details());
  }
  return null;
}
