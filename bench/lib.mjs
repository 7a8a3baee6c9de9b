// Shared helpers of the benchmark scripts: a real PostgreSQL (BENCH_DATABASE_URL or embedded), a scratch
// database with its own role prefix, percentiles, and result files.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const require = createRequire(join(root, 'backend', 'package.json'));
export const dist = (p) => require(join(root, 'backend', 'dist', p));
const pg = require('pg');

export async function benchServer() {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: async () => {} };
  const { startEmbeddedPostgres } = dist('database/embedded-postgres.js');
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-pg-'));
  chmodSync(dir, 0o755); // the server runs as the `postgres` OS user when we are root
  const server = await startEmbeddedPostgres({ dir, port: 54000 + Math.floor(Math.random() * 900) });
  return { url: server.baseUrl, stop: async () => { await server.stop(); rmSync(dir, { recursive: true, force: true }); } };
}

/** A fresh, bootstrapped database and the env/roles that go with it. */
export async function scratchDatabase(serverUrl, extraEnv = {}) {
  const id = randomBytes(4).toString('hex');
  const name = `crm_bench_${id}`;
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const { withDatabase } = dist('database/embedded-postgres.js');
  const { parseEnv } = dist('config/env.schema.js');
  const { DbRoles } = dist('database/roles.js');
  const { urlsFor } = dist('database/connection.js');
  const { bootstrapPlatform } = dist('tenancy/platform-bootstrap.js');
  const adminUrl = withDatabase(serverUrl, name);
  const env = parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: adminUrl, DB_ROLE_PREFIX: `b${id}_`, ...extraEnv });
  const roles = DbRoles.fromEnv(env);
  await bootstrapPlatform(adminUrl, roles);
  return {
    name, env, roles, adminUrl, urls: urlsFor(adminUrl, roles),
    async drop() {
      const d = new pg.Client({ connectionString: serverUrl });
      await d.connect();
      await d.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await d.query(`DROP DATABASE IF EXISTS ${name}`);
      const { rows } = await d.query("SELECT rolname FROM pg_roles WHERE starts_with(rolname, $1) ORDER BY rolname LIKE '%crm_app'", [roles.rolePrefix]);
      for (const r of rows) await d.query(`DROP ROLE IF EXISTS "${r.rolname}"`);
      await d.end();
    },
  };
}

export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const round = (n, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

export async function machineInfo() {
  const os = await import('node:os');
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGiB: round(os.totalmem() / 2 ** 30), node: process.version };
}

/** Writes results/<name>.json and .md, and prints the one summary line. */
export function report(name, summary, data, markdown) {
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ name, at: new Date().toISOString(), summary, ...data }, null, 2));
  writeFileSync(join(dir, `${name}.md`), markdown);
  console.log(`[${name}] ${summary}`);
}

export { pg };
