import { TenantRole } from '../../auth/principal';

/** Every tenant role reads CRM records (RLS narrows what a seller sees). */
export const READ_ROLES: TenantRole[] = ['tenant_admin', 'analyst', 'manager', 'sales'];
/** Analysts are read-only. */
export const WRITE_ROLES: TenantRole[] = ['tenant_admin', 'manager', 'sales'];
/** A merge must move every linked record, including ones a seller cannot see: full-view roles only. */
export const MERGE_ROLES: TenantRole[] = ['tenant_admin', 'manager'];
