import { Module } from '@nestjs/common';
import { TenantMigrations } from './migration-files';
import { TenantCatalogRepository } from './tenant-catalog.repository';
import { TenantMigratorService } from './tenant-migrator.service';
import { TenantProvisioningService } from './tenant-provisioning.service';
import { TenantDb, TenantTransaction } from './tenant-transaction';

@Module({
  providers: [
    { provide: TenantMigrations, useFactory: () => TenantMigrations.fromDisk() },
    TenantCatalogRepository,
    TenantProvisioningService,
    TenantMigratorService,
    TenantTransaction,
    TenantDb,
  ],
  exports: [TenantProvisioningService, TenantMigratorService, TenantTransaction, TenantDb, TenantMigrations],
})
export class TenancyModule {}
