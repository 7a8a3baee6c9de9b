import 'reflect-metadata';
import { ConfigError, parseEnv } from './config/env.schema';
import { resolveDatabase } from './database/connection';
import { DbRoles } from './database/roles';
import { DEMO_TENANTS, seedDemo } from './demo/demo-seed';
import { createHttpApp } from './http-app';
import { bootstrapPlatform } from './tenancy/platform-bootstrap';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const env = parseEnv();
  if (!env.DATABASE_URL) say(`[crm] DATABASE_URL not set: starting embedded PostgreSQL in ${env.EMBEDDED_PG_DIR}`);
  const db = await resolveDatabase(env);
  const boot = await bootstrapPlatform(db.urls.admin, DbRoles.fromEnv(env));
  if (boot.applied.length) say(`[crm] platform migrations applied: ${boot.applied.join(', ')}`);
  if (!boot.hardened) say('[crm] warning: not a superuser; set_config was not revoked from PUBLIC (see docs/security.md)');

  const app = await createHttpApp(db.urls, env);
  if (env.DEMO_SEED) await seedDemo(app, (l) => say(`[crm] ${l}`));
  await app.listen(env.PORT, '0.0.0.0');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`[crm] ${signal}: shutting down`);
    await app.close().catch(() => undefined);
    await db.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const url = `http://localhost:${env.PORT}`;
  say(`\n[crm] ready: ${url}  (API ${url}/api, docs ${url}/api/docs)`);
  if (env.DEMO_SEED) {
    say(`[crm] demo tenants: ${DEMO_TENANTS.map((t) => t.slug).join(', ')}`);
  }
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`[crm] failed to start: ${err?.stack ?? err}\n`);
  }
  process.exit(1);
});
