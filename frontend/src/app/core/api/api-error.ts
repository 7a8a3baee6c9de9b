import { HttpErrorResponse } from '@angular/common/http';

/**
 * The API's one error shape (backend/src/common/error-response.filter.ts). The OpenAPI spec describes
 * success bodies only, so this envelope is the one API type written by hand.
 */
export interface ApiError {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  requestId?: string;
}

/**
 * The API's error body carried by an HTTP failure, or null (network error, proxy page, not HTTP). Calls that
 * expect no body (204 on DELETE) read responses as text, so their error body arrives as a JSON string.
 */
export function apiErrorOf(error: unknown): ApiError | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body = parsed(error.error);
  if (
    body !== null &&
    typeof body === 'object' &&
    typeof (body as ApiError).code === 'string' &&
    typeof (body as ApiError).message === 'string'
  ) {
    return body as ApiError;
  }
  return null;
}

function parsed(body: unknown): unknown {
  if (typeof body !== 'string' || !body.startsWith('{')) return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return null;
  }
}

export function hasApiCode(error: unknown, code: string): boolean {
  return apiErrorOf(error)?.code === code;
}
