import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Tests use TEST_DATABASE_URL when set; otherwise an embedded server of their own for this run. */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const dir = mkdtempSync(join(tmpdir(), 'crm-test-pg-'));
  // As root, embedded-postgres runs the server as the `postgres` OS user, which must reach the folder.
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dir, port: await freePort() });
  process.env.TEST_DATABASE_URL = server.baseUrl;
  (globalThis as Record<string, unknown>).__CRM_TEST_PG__ = { server, dir };
}
