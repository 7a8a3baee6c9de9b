import { Env } from '../config/env.schema';
import { DbUrls } from './database.tokens';
import { ensureDatabase, startEmbeddedPostgres, withCredentials } from './embedded-postgres';
import { DbRoles } from './roles';

export interface ResolvedDatabase {
  urls: DbUrls;
  embedded: boolean;
  stop(): Promise<void>;
}

export const EMBEDDED_DATABASE = 'crm';

/**
 * DATABASE_URL when set (any PostgreSQL 15+); otherwise the embedded server, started here unless another
 * process of ours already runs it on the same folder.
 */
export async function resolveDatabase(env: Env, log: (line: string) => void = () => undefined): Promise<ResolvedDatabase> {
  const roles = DbRoles.fromEnv(env);
  if (env.DATABASE_URL) {
    return { urls: urlsFor(env.DATABASE_URL, roles), embedded: false, stop: async () => undefined };
  }
  const server = await startEmbeddedPostgres({ dir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT, log });
  const admin = await ensureDatabase(server.baseUrl, EMBEDDED_DATABASE);
  return { urls: urlsFor(admin, roles), embedded: true, stop: () => server.stop() };
}

export function urlsFor(adminUrl: string, roles: DbRoles): DbUrls {
  return { admin: adminUrl, app: withCredentials(adminUrl, roles.app, roles.password(roles.app)) };
}
