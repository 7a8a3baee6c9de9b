import type { MessageKey } from '../i18n/messages.pt-br';
import type { SessionDto } from '../api/generated/models/session-dto';
import type { MembershipDto } from '../api/generated/models/membership-dto';

export type Role = SessionDto['role'];
export type TenantRole = MembershipDto['role'];

/** Who may open each area; the navigation and the route guards read the same lists. */
export const AREA_ROLES = {
  any: ['tenant_admin', 'analyst', 'manager', 'sales', 'platform_admin'],
  crm: ['tenant_admin', 'analyst', 'manager', 'sales'],
  // Analysts read CRM records but do not change them (the API's WRITE_ROLES).
  crmWrite: ['tenant_admin', 'manager', 'sales'],
  // Analysts get the SQL playground when it lands; the pages they may not use check tenant_admin.
  admin: ['tenant_admin', 'analyst'],
  tenantAdmin: ['tenant_admin'],
  platform: ['platform_admin'],
} as const satisfies Record<string, readonly Role[]>;

export const TENANT_ROLES: readonly TenantRole[] = AREA_ROLES.crm;

export const ROLE_LABELS: Record<Role, MessageKey> = {
  tenant_admin: 'role.tenant_admin',
  analyst: 'role.analyst',
  manager: 'role.manager',
  sales: 'role.sales',
  platform_admin: 'role.platform_admin',
};
