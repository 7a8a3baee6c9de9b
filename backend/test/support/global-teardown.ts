import { rmSync } from 'node:fs';
import type { EmbeddedServer } from '../../src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as Record<string, unknown>).__CRM_TEST_PG__ as { server: EmbeddedServer; dir: string } | undefined;
  if (!started) return;
  await started.server.stop();
  rmSync(started.dir, { recursive: true, force: true });
}
