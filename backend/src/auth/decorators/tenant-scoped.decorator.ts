import { SetMetadata } from '@nestjs/common';

export const TENANT_SCOPED = 'auth:tenant-scoped';

/**
 * The handler touches tenant data: TenantTransactionInterceptor runs it inside TenantTransaction.run with the
 * scope of the verified token, so repositories get the pinned EntityManager through TenantDb.
 */
export const TenantScoped = () => SetMetadata(TENANT_SCOPED, true);
