// The one place identifiers are quoted. Values never go through here: they are bound ($1, $2…).

const MAX_IDENTIFIER_BYTES = 63;

export class UnsafeIdentifierError extends Error {}

/** Quotes one PostgreSQL identifier (schema, table, column, role). */
export function ident(name: string): string {
  if (typeof name !== 'string' || name.length === 0) throw new UnsafeIdentifierError('empty identifier');
  if (Buffer.byteLength(name, 'utf8') > MAX_IDENTIFIER_BYTES) {
    throw new UnsafeIdentifierError(`identifier longer than ${MAX_IDENTIFIER_BYTES} bytes`);
  }
  if (name.includes('\u0000')) throw new UnsafeIdentifierError('identifier contains NUL');
  return `"${name.replace(/"/g, '""')}"`;
}

/** Quotes a dotted name part by part: qualified('tenant_x', 'tb_contato') → "tenant_x"."tb_contato". */
export function qualified(...parts: string[]): string {
  return parts.map(ident).join('.');
}
