import { TenantRole } from '../../auth/principal';

/** Who organizes the sales force and its labels: teams (and their members), renaming or removing tags. */
export const ORGANIZER_ROLES: TenantRole[] = ['tenant_admin', 'manager'];
/** Who manages the tenant's users (invite, role, deactivation): tenant admins only. */
export const USER_ADMIN_ROLES: TenantRole[] = ['tenant_admin'];
