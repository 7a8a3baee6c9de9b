import { INestApplicationContext } from '@nestjs/common';
import { IdentityService } from '../auth/identity.service';
import { TenantRole } from '../auth/principal';
import { ENV } from '../config/config.module';
import { Env } from '../config/env.schema';
import { PrivilegedDb } from '../database/privileged-db';
import { TenantProvisioningService } from '../tenancy/tenant-provisioning.service';
import { DemoSizes, seedTenantDemo } from './generator';

export const DEMO_TENANTS = [
  { slug: 'supermercado_lima', name: 'Supermercado Lima', vertical: 'varejo' },
  { slug: 'padaria_central', name: 'Padaria Central', vertical: 'varejo' },
] as const;

export const DEMO_PASSWORD = 'demo1234';

/** Generated CRM data per demo tenant (deterministic: same seed ⇒ same companies, contacts, deals…). */
export const DEMO_DATA: Record<string, DemoSizes & { seed: number }> = {
  supermercado_lima: { companies: 300, contacts: 2000, opportunities: 600, activities: 5000, seed: 20240601 },
  padaria_central: { companies: 30, contacts: 200, opportunities: 60, activities: 500, seed: 20240602 },
};

export const DEMO_USERS: { email: string; name: string; platformAdmin?: boolean; memberships: [string, TenantRole][] }[] = [
  { email: 'admin@crm.local', name: 'Administrador da Plataforma', platformAdmin: true, memberships: [] },
  { email: 'admin@supermercadolima.com.br', name: 'Ana Lima', memberships: [['supermercado_lima', 'tenant_admin']] },
  { email: 'gerente@supermercadolima.com.br', name: 'Gustavo Gerente', memberships: [['supermercado_lima', 'manager']] },
  { email: 'vendedor@supermercadolima.com.br', name: 'Vera Vendedora', memberships: [['supermercado_lima', 'sales']] },
  { email: 'admin@padariacentral.com.br', name: 'Paulo Central', memberships: [['padaria_central', 'tenant_admin']] },
];

/**
 * Creates the demo tenants and users when missing (development only: refused in production, where the
 * config already rejects DEMO_SEED). Idempotent: existing tenants and users are kept as they are.
 */
export async function seedDemo(app: INestApplicationContext, log: (line: string) => void): Promise<void> {
  if (app.get<Env>(ENV).NODE_ENV === 'production') throw new Error('demo seed refused in production');
  const tenants = app.get(TenantProvisioningService);
  for (const t of DEMO_TENANTS) {
    if (await tenants.findBySlug(t.slug)) continue;
    await tenants.provision({ slug: t.slug, name: t.name, vertical: t.vertical });
    log(`demo tenant created: ${t.slug}`);
  }
  const identities = app.get(IdentityService);
  for (const u of DEMO_USERS) {
    const existing = await identities.findUserByEmail(u.email);
    const user = existing ?? (await identities.createUser({ email: u.email, name: u.name, password: DEMO_PASSWORD, platformAdmin: u.platformAdmin }));
    for (const [slug, role] of u.memberships) await identities.addMember(user.id, slug, role);
    if (!existing) log(`demo user created: ${u.email} (senha ${DEMO_PASSWORD})`);
  }
  // CRM data, once per tenant (only while it has no contacts, companies, deals or activities), owned by its users
  const db = app.get(PrivilegedDb);
  for (const t of DEMO_TENANTS) {
    const tenant = await tenants.findBySlug(t.slug);
    const sizes = DEMO_DATA[t.slug];
    if (!tenant || tenant.status !== 'ativo' || !sizes) continue;
    const started = performance.now();
    const seeded = await seedTenantDemo(db, tenant, { ...sizes, onlyIfEmpty: true });
    if (seeded) {
      log(
        `demo data for ${t.slug}: ${sizes.companies} companies, ${sizes.contacts} contacts, ${sizes.opportunities} opportunities, ` +
          `${sizes.activities} activities (${Math.round(performance.now() - started)} ms)`,
      );
    }
  }
}
