import { DomainError } from '../common/domain-error';

export const SLUG_PATTERN = /^[a-z][a-z0-9_]{2,39}$/;

// Names that would collide with platform schemas or read as something they are not.
const RESERVED = new Set([
  'admin', 'tenant_admin', 'public', 'pg_catalog', 'information_schema', 'extensions', 'postgres',
  'template0', 'template1', 'root', 'system', 'platform', 'crm', 'crm_app', 'api', 'www', 'test', 'demo_template',
]);

export function validateSlug(slug: unknown): string {
  if (typeof slug !== 'string' || !SLUG_PATTERN.test(slug)) {
    throw new DomainError(
      'TENANT_SLUG_INVALID',
      'O identificador do tenant deve ter de 3 a 40 caracteres: letras minúsculas, dígitos e _, começando por letra.',
      400,
      { slug, pattern: SLUG_PATTERN.source },
    );
  }
  if (RESERVED.has(slug) || slug.startsWith('pg_') || slug.endsWith('_rw') || slug.endsWith('_ro')) {
    throw new DomainError('TENANT_SLUG_RESERVED', `O identificador "${slug}" é reservado.`, 400, { slug });
  }
  return slug;
}

export const tenantSchemaName = (slug: string): string => `tenant_${slug}`;
