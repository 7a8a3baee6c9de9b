import { Principal, scopeOf } from '../../auth/principal';
import { DomainError } from '../../common/domain-error';
import { TenantScope } from '../../tenancy/tenant-transaction';

/** The caller's tenant scope (from the verified token only), or 403 TENANT_REQUIRED for a platform session. */
export function tenantScope(principal: Principal): TenantScope {
  const scope = scopeOf(principal);
  if (!scope) throw new DomainError('TENANT_REQUIRED', 'Esta operação exige uma sessão em um tenant.', 403);
  return scope;
}
