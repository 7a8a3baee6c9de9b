import { TenantRole } from '../../auth/principal';

/** Who configures how the tenant sells: pipelines and stages, loss reasons, products, categories, price lists. */
export const CATALOG_ROLES: TenantRole[] = ['tenant_admin', 'manager'];
