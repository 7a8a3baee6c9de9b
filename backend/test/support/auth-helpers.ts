import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { IdentityService } from '../../src/auth/identity.service';
import { TenantRole } from '../../src/auth/principal';
import { Env } from '../../src/config/env.schema';
import { createHttpApp } from '../../src/http-app';
import { TenantProvisioningService } from '../../src/tenancy/tenant-provisioning.service';
import { TestDb } from './test-db';

export const PASSWORD = 'senha-de-teste-123';

/** The whole HTTP application, as production builds it, on a test database. */
export async function startApp(db: TestDb, overrides: Partial<Env> = {}): Promise<INestApplication> {
  const app = await createHttpApp(db.urls, { ...db.env, ...overrides });
  await app.init();
  return app;
}

export const http = (app: INestApplication) => request(app.getHttpServer());

export async function provisionTenant(app: INestApplication, slug: string): Promise<{ id: string; slug: string }> {
  const t = await app.get(TenantProvisioningService).provision({ slug, name: `Tenant ${slug}` });
  return { id: t.id, slug: t.slug };
}

/** A platform user with memberships (and their tenant-local profiles). */
export async function createUser(
  app: INestApplication,
  u: { email: string; memberships?: [string, TenantRole][]; platformAdmin?: boolean; password?: string },
): Promise<{ id: string; email: string }> {
  const identities = app.get(IdentityService);
  const user = await identities.createUser({
    email: u.email,
    name: u.email.split('@')[0],
    password: u.password ?? PASSWORD,
    platformAdmin: u.platformAdmin,
  });
  for (const [slug, role] of u.memberships ?? []) await identities.addMember(user.id, slug, role);
  return { id: user.id, email: user.email };
}

export interface SessionBody {
  accessToken: string;
  refreshToken: string;
  tenant: { id: string; slug: string; name: string } | null;
  role: string;
}

export async function login(app: INestApplication, email: string, tenant?: string, password = PASSWORD): Promise<SessionBody> {
  const res = await http(app).post('/api/auth/login').send({ email, password, ...(tenant ? { tenant } : {}) });
  if (res.status !== 200) throw new Error(`login ${email}@${tenant} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createApiToken(app: INestApplication, adminAccessToken: string, role: TenantRole = 'manager'): Promise<{ id: string; token: string }> {
  const res = await http(app).post('/api/tokens').set('Authorization', `Bearer ${adminAccessToken}`).send({ name: `token ${role}`, role });
  if (res.status !== 201) throw new Error(`token creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, token: res.body.token };
}

/** The error body without its request id: what two failures must have in common to be indistinguishable. */
export const errorShape = (body: Record<string, unknown>): Record<string, unknown> => {
  const { requestId: _ignored, ...rest } = body;
  return rest;
};
