import { TenantScope } from '../tenancy/tenant-transaction';

/** Roles a member has inside one tenant (tb_membro.papel, tb_usuario.papel, app.role). */
export const TENANT_ROLES = ['tenant_admin', 'analyst', 'manager', 'sales'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

/** platform_admin is a flag of the person, never a membership role: it operates tenants, not their data. */
export const PLATFORM_ADMIN = 'platform_admin';
export type Role = TenantRole | typeof PLATFORM_ADMIN;

export const isTenantRole = (value: unknown): value is TenantRole => TENANT_ROLES.includes(value as TenantRole);

export interface TenantRef {
  id: string;
  slug: string;
  name: string;
}

/**
 * Who is calling, built by the authentication guard from a verified token only (JWT or API token), with the
 * tenant's id and slug read from the catalog, never from the request.
 */
export interface Principal {
  kind: 'user' | 'api_token';
  /** Platform user id (JWT) or null (API token). */
  userId: string | null;
  /** Set for API tokens. */
  apiTokenId: string | null;
  /** The tenant the token is bound to; null for a platform session (platform_admin without a tenant). */
  tenant: TenantRef | null;
  /** Role in `tenant`, or 'platform_admin' for a platform session. */
  role: Role;
  platformAdmin: boolean;
}

/** The tenant scope of a request: what TenantTransaction pins. Null when the principal has no tenant. */
export function scopeOf(principal: Principal): TenantScope | null {
  if (!principal.tenant || !isTenantRole(principal.role)) return null;
  return { tenantId: principal.tenant.id, slug: principal.tenant.slug, userId: principal.userId, role: principal.role };
}
