import { DomainError } from '../../../common/domain-error';
import { FieldType } from './list-definition';

/**
 * The keyset cursor: base64url(JSON) of the sort signature and the last row's sort-key values, as PostgreSQL
 * prints them (`col::text`, so timestamps keep their microseconds and numerics their exact digits). Opaque to
 * clients; tampering can only move the position, since values are type-checked here and then bound.
 */
interface CursorBody {
  s: string;
  k: (string | null)[];
}

const MAX_CURSOR = 4096;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// timestamptz::text, e.g. 2025-01-31 12:00:00.123456-03 (or +05:30, or with seconds in the offset)
const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d{1,20}(\.\d{1,20})?$/;
const INTEGER = /^-?\d{1,10}$/;

const CHECKS: Record<FieldType, (v: string) => boolean> = {
  text: (v) => v.length <= 2000,
  enum: (v) => v.length <= 200,
  uuid: (v) => UUID.test(v),
  date: (v) => DATE.test(v),
  timestamp: (v) => PG_TIMESTAMP.test(v),
  number: (v) => NUMBER.test(v),
  integer: (v) => INTEGER.test(v),
  boolean: (v) => v === 'true' || v === 'false',
};

export function encodeCursor(signature: string, values: (string | null)[]): string {
  const body: CursorBody = { s: signature, k: values };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/** The sort-key values of a cursor issued for this sort, or 400 INVALID_CURSOR. */
export function decodeCursor(cursor: string, signature: string, keys: { type: FieldType; nullable: boolean }[]): (string | null)[] {
  const invalid = (reason: string) =>
    new DomainError('INVALID_CURSOR', `Cursor de paginação inválido: ${reason}.`, 400, { parameter: 'cursor' });
  if (cursor.length > MAX_CURSOR) throw invalid('longo demais');
  let body: CursorBody;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('não decodificável');
  }
  if (!body || typeof body !== 'object' || typeof body.s !== 'string' || !Array.isArray(body.k)) throw invalid('formato desconhecido');
  if (body.s !== signature) throw invalid('emitido para outra ordenação (use o mesmo ?sort da primeira página)');
  if (body.k.length !== keys.length) throw invalid('formato desconhecido');
  body.k.forEach((v, i) => {
    if (v === null) {
      if (!keys[i].nullable) throw invalid('valor ausente');
      return;
    }
    if (typeof v !== 'string' || !CHECKS[keys[i].type](v)) throw invalid('valor malformado');
  });
  return body.k;
}
