import { ApiHeader } from '@nestjs/swagger';
import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';

const IF_MATCH = /^(W\/)?"?(\d{1,9})"?$/;

/** The version a write expects, from `If-Match: "<n>"` (the ETag of GET) or the body; null when neither is given. */
export function expectedVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number | null {
  let header: number | undefined;
  if (ifMatch !== undefined && ifMatch.trim() !== '*') {
    const m = IF_MATCH.exec(ifMatch.trim());
    if (!m) throw new DomainError('INVALID_IF_MATCH', 'If-Match deve ser a versão do registro, ex. "3".', 400, { header: 'If-Match' });
    header = Number(m[2]);
  }
  if (header !== undefined && bodyVersion !== undefined && header !== bodyVersion) {
    throw new DomainError('VERSION_MISMATCH', 'If-Match e version do corpo divergem.', 400, { ifMatch: header, version: bodyVersion });
  }
  return header ?? bodyVersion ?? null;
}

/** Like expectedVersion, but the version is mandatory (PATCH): 428 VERSION_REQUIRED without it. */
export function requiredVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number {
  const v = expectedVersion(ifMatch, bodyVersion);
  if (v === null) {
    throw new DomainError('VERSION_REQUIRED', 'Informe a versão do registro (campo version ou cabeçalho If-Match) para alterá-lo.', 428);
  }
  return v;
}

export const versionConflict = (currentVersion: number) =>
  new DomainError('VERSION_CONFLICT', 'O registro foi alterado por outra pessoa; recarregue e tente de novo.', 409, { currentVersion });

/** Documents the optional `If-Match` header of a versioned write (the default text fits record endpoints). */
export const ApiIfMatch = (description = 'Versão esperada, ex. "3" (o ETag do GET).') =>
  ApiHeader({ name: 'If-Match', required: false, description });

/** `:id` path parameters: a malformed id is 400 INVALID_ID (not a 500 from a failed cast). */
export const UuidParam = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('INVALID_ID', 'O id deve ser um UUID.', 400, { parameter: 'id' }),
});
