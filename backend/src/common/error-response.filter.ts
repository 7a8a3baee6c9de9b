import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from './domain-error';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  requestId?: string;
}

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

// PostgreSQL SQLSTATEs that mean "the database is not there right now": clients may retry.
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3]|53300)/;
const NETWORK_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);
const RELEASED_RUNNER = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/** Maps any error to the one error shape. Never sends a stack trace or SQL text. */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof DomainError) {
    return { statusCode: err.status, code: err.code, message: err.message, details: err.details };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const res = err.getResponse() as string | { message?: string | string[]; code?: string; details?: unknown };
    if (typeof res === 'object' && res.code) {
      return { statusCode: status, code: res.code, message: String(res.message), details: res.details };
    }
    const message = typeof res === 'string' ? res : res.message;
    if (Array.isArray(message)) {
      return { statusCode: status, code: 'VALIDATION_FAILED', message: 'Dados inválidos.', details: { fields: message.map(fieldError), errors: message } };
    }
    return { statusCode: status, code: HTTP_CODES[status] ?? `HTTP_${status}`, message: message ?? err.message };
  }
  const e = err as { code?: string; message?: string; driverError?: { code?: string } };
  const pgCode = e?.driverError?.code ?? e?.code;
  if (typeof pgCode === 'string') {
    if (UNAVAILABLE_SQLSTATE.test(pgCode) || NETWORK_ERRNO.has(pgCode)) return unavailable();
    if (pgCode === '23505') return { statusCode: 409, code: 'CONFLICT', message: 'O registro já existe.' };
    if (pgCode === '23503') return { statusCode: 409, code: 'REFERENCE_CONFLICT', message: 'O registro está ligado a outro.' };
    if (pgCode === '40001' || pgCode === '40P01') return { statusCode: 409, code: 'CONCURRENT_UPDATE', message: 'Conflito com outra alteração; tente de novo.' };
    if (pgCode === '57014') return { statusCode: 503, code: 'QUERY_TIMEOUT', message: 'A consulta excedeu o tempo limite.' };
    if (pgCode === '42501') return { statusCode: 403, code: 'FORBIDDEN', message: 'Acesso negado.' };
  }
  // TypeORM releases a query runner whose connection was lost; the next query or COMMIT/ROLLBACK on it reports
  // "already released": nothing was committed, the database is what failed.
  if (RELEASED_RUNNER.has((err as Error)?.name)) return unavailable();
  if (/timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|is not queryable/i.test(e?.message ?? '')) {
    return unavailable();
  }
  return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Erro interno. Tente novamente; se persistir, informe o código da requisição.' };
}

/**
 * Names the field of one class-validator message: "cnpj: CNPJ inválido…" (our validators), "email must be an
 * email" (built-ins), "property tenantId should not exist" (whitelist), "address.cep: …" (nested).
 */
export function fieldError(text: string): { field: string; message: string } {
  const unknown = /^property (\S+) should not exist$/.exec(text);
  if (unknown) return { field: unknown[1], message: 'campo não permitido' };
  const m = /^(?:each value in )?([A-Za-z_$][\w$]*(?:\.[\w$]+)*)(:?)\s+(.*)$/s.exec(text);
  if (!m) return { field: '', message: text };
  return { field: m[1], message: m[2] ? m[3] : text };
}

function unavailable(): ErrorBody {
  return { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'Banco de dados indisponível no momento. Tente novamente em instantes.' };
}

@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(err: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const body = toErrorBody(err);
    body.requestId = req?.id ? String(req.id) : undefined;
    if (body.statusCode >= 500) this.logger.error({ err, requestId: body.requestId }, 'request failed');
    if (body.details === undefined) delete body.details;
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) res.setHeader('Retry-After', '2');
    res.status(body.statusCode).json(body);
  }
}
