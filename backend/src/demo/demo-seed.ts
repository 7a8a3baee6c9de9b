import { INestApplicationContext } from '@nestjs/common';
import { TenantProvisioningService } from '../tenancy/tenant-provisioning.service';

export const DEMO_TENANTS = [
  { slug: 'supermercado_lima', name: 'Supermercado Lima', vertical: 'varejo' },
  { slug: 'padaria_central', name: 'Padaria Central', vertical: 'varejo' },
] as const;

/** Creates the demo tenants when missing (development only; the config refuses DEMO_SEED in production). */
export async function seedDemo(app: INestApplicationContext, log: (line: string) => void): Promise<void> {
  const tenants = app.get(TenantProvisioningService);
  for (const t of DEMO_TENANTS) {
    if (await tenants.findBySlug(t.slug)) continue;
    await tenants.provision({ slug: t.slug, name: t.name, vertical: t.vertical });
    log(`demo tenant created: ${t.slug}`);
  }
}
