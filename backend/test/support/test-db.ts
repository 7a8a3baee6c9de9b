import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Env, parseEnv } from '../../src/config/env.schema';
import { urlsFor } from '../../src/database/connection';
import { DbUrls } from '../../src/database/database.tokens';
import { withDatabase } from '../../src/database/embedded-postgres';
import { DbRoles } from '../../src/database/roles';
import { bootstrapPlatform } from '../../src/tenancy/platform-bootstrap';

export interface TestDb {
  name: string;
  env: Env;
  roles: DbRoles;
  urls: DbUrls;
  /** A superuser client on the test database, for assertions that look behind the API. */
  admin(): Promise<Client>;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set (the jest global setup provides one)');
  return url;
}

/**
 * A fresh database for one test file, bootstrapped like production. Roles are cluster-wide, so each test
 * database gets its own role prefix: test files run in parallel without sharing a role.
 */
export async function createTestDb(overrides: Partial<Record<keyof Env, string>> = {}): Promise<TestDb> {
  const id = randomBytes(5).toString('hex');
  const name = `crm_test_${id}`;
  const base = serverUrl();
  const root = new Client({ connectionString: base });
  await root.connect();
  await root.query(`CREATE DATABASE ${name}`);
  await root.end();

  const adminUrl = withDatabase(base, name);
  const env = parseEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: adminUrl,
    DB_ROLE_PREFIX: `z${id}_`,
    ...overrides,
  } as NodeJS.ProcessEnv);
  const roles = DbRoles.fromEnv(env);
  await bootstrapPlatform(adminUrl, roles);
  const clients: Client[] = [];

  return {
    name,
    env,
    roles,
    urls: urlsFor(adminUrl, roles),
    admin: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      clients.push(c);
      return c;
    },
    drop: async () => {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
      const c = new Client({ connectionString: base });
      await c.connect();
      try {
        await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
        await c.query(`DROP DATABASE IF EXISTS ${name}`);
        const { rows } = await c.query<{ rolname: string }>(
          "SELECT rolname FROM pg_roles WHERE starts_with(rolname, $1) ORDER BY rolname LIKE '%crm_app' ",
          [roles.rolePrefix],
        );
        for (const r of rows) await c.query(`DROP ROLE IF EXISTS "${r.rolname}"`);
      } finally {
        await c.end();
      }
    },
  };
}
