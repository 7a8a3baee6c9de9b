import { INestApplicationContext } from '@nestjs/common';
import { IdentityService } from '../auth/identity.service';
import { TenantRole } from '../auth/principal';
import { ENV } from '../config/config.module';
import { Env } from '../config/env.schema';
import { TenantProvisioningService } from '../tenancy/tenant-provisioning.service';

export const DEMO_TENANTS = [
  { slug: 'supermercado_lima', name: 'Supermercado Lima', vertical: 'varejo' },
  { slug: 'padaria_central', name: 'Padaria Central', vertical: 'varejo' },
] as const;

export const DEMO_PASSWORD = 'demo1234';

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
}
