// Starts the real application for the browser tests, the way the README does (`node backend/dist/main.js`),
// on a free port and a database of its own; stops it and removes that database afterwards.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/**
 * Builds API and console unless both builds are newer than every source they come from. `--skip-build`
 * uses the builds as they are (while someone else's half-finished backend change does not compile).
 */
export function buildIfStale(root, log, { skip = false } = {}) {
  if (skip) {
    log('using the existing builds (--skip-build)');
    return;
  }
  const sources = Math.max(
    newestMtime(join(root, 'backend', 'src')),
    newestMtime(join(root, 'frontend', 'src')),
    newestMtime(join(root, 'angular.json')),
    newestMtime(join(root, 'frontend', 'package.json')),
    newestMtime(join(root, 'backend', 'package.json')),
  );
  const builds = [
    join(root, 'backend', 'dist', 'main.js'),
    join(root, 'frontend', 'dist', 'browser', 'index.html'),
  ];
  const oldestBuild = Math.min(...builds.map((b) => (existsSync(b) ? statSync(b).mtimeMs : 0)));
  if (oldestBuild > sources) {
    log('builds are up to date');
    return;
  }
  log('building (npm run build)…');
  const r = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error('npm run build failed');
}

/**
 * A database for this run: a fresh one on TEST_DATABASE_URL's server (CI), with its own role prefix so it
 * shares nothing with other runs; else an embedded server in a temporary folder.
 */
export async function prepareDatabase(log) {
  const id = randomBytes(4).toString('hex');
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const { Client } = require('pg');
    const name = `crm_e2e_${id}`;
    const prefix = `e${id}_`;
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    log(`database ${name} on TEST_DATABASE_URL (roles ${prefix}*)`);
    return {
      env: { DATABASE_URL: url.toString(), DB_ROLE_PREFIX: prefix },
      async drop() {
        const c = new Client({ connectionString: base });
        await c.connect();
        try {
          await c.query(
            'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
            [name],
          );
          await c.query(`DROP DATABASE IF EXISTS ${name}`);
          // The app role is a member of the others: drop it last.
          const { rows } = await c.query(
            "SELECT rolname FROM pg_roles WHERE starts_with(rolname, $1) ORDER BY rolname LIKE '%crm_app'",
            [prefix],
          );
          for (const r of rows) await c.query(`DROP ROLE IF EXISTS "${r.rolname}"`);
        } finally {
          await c.end();
        }
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'crm-e2e-'));
  chmodSync(dir, 0o755); // as root, the embedded server runs as the postgres OS user
  const port = await freePort();
  log(`embedded PostgreSQL in ${dir} on port ${port}`);
  return {
    env: { EMBEDDED_PG_DIR: join(dir, 'pg'), EMBEDDED_PG_PORT: String(port) },
    async drop() {
      // The app stops its embedded server on SIGTERM; if it died first, stop the server here.
      const pidFile = join(dir, 'pg', 'postmaster.pid');
      try {
        const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
        process.kill(pid, 'SIGINT');
        for (let i = 0; i < 50 && existsSync(pidFile); i++) await sleep(100);
      } catch {
        // no server left (no pid file, or the process is gone)
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts `node backend/dist/main.js`; resolves once it answers ready and the demo users can log in. */
export async function startApp(root, dbEnv, log) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const output = [];
  const child = spawn(process.execPath, ['backend/dist/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      ...dbEnv,
      NODE_ENV: 'development', // the demo seed creates the demo tenants and users
      PORT: String(port),
      LOG_LEVEL: 'warn',
      // Every scenario logs in from 127.0.0.1: keep the per-IP login limit out of the way.
      LOGIN_RATE_LIMIT: '10000',
      LOGIN_MAX_FAILURES_PER_IP: '10000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));

  const app = {
    baseUrl,
    logs: () => output.join(''),
    async stop() {
      if (exited) return;
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await done;
      clearTimeout(timer);
    },
  };

  const deadline = Date.now() + 180_000;
  const until = async (what, probe) => {
    while (Date.now() < deadline) {
      if (exited)
        throw new Error(
          `the app exited (${JSON.stringify(exited)}) while waiting for ${what}:\n${app.logs()}`,
        );
      if (await probe().catch(() => false)) return;
      await sleep(300);
    }
    throw new Error(`timed out waiting for ${what}:\n${app.logs()}`);
  };
  try {
    await until('/api/health/ready', async () => (await fetch(`${baseUrl}/api/health/ready`)).ok);
    await until('the demo seed', async () => {
      const r = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          tenant: 'padaria_central',
          email: 'admin@padariacentral.com.br',
          password: 'demo1234',
        }),
      });
      return r.ok;
    });
  } catch (error) {
    await app.stop();
    throw error;
  }
  log(`app ready at ${baseUrl}`);
  return app;
}
