import { Injectable } from '@nestjs/common';
import { TenantProvisioningService } from '../../tenancy/tenant-provisioning.service';
import { Tenant } from '../../tenancy/tenant.types';
import { TenantDirectory } from '../tenant-directory';

/** Platform operations on tenants (platform_admin): provisioning and archiving, via the tenancy engine. */
@Injectable()
export class PlatformTenantsService {
  constructor(
    private readonly provisioning: TenantProvisioningService,
    private readonly directory: TenantDirectory,
  ) {}

  list(query: { status?: 'ativo' | 'arquivado'; limit?: number; after?: string }): Promise<Tenant[]> {
    return this.provisioning.list({ status: query.status, limit: query.limit ?? 100, afterSlug: query.after });
  }

  create(input: { slug: string; name: string; vertical?: string }): Promise<Tenant> {
    return this.provisioning.provision({ slug: input.slug, name: input.name, vertical: input.vertical ?? null });
  }

  /** Archived tenants stop authenticating: evicted here at once, elsewhere within the directory's TTL. */
  async archive(slug: string): Promise<Tenant> {
    const tenant = await this.provisioning.archive(slug);
    this.directory.evict(tenant.id);
    return tenant;
  }
}
