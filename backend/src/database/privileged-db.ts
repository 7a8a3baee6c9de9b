import { Pool, PoolClient } from 'pg';

/**
 * The privileged connection pool: DDL for provisioning and migrations, and nothing else.
 * Request handling never touches it (it uses the app role's pool, see TenantTransaction).
 */
export class PrivilegedDb {
  readonly pool: Pool;

  constructor(url: string, max = 4) {
    this.pool = new Pool({ connectionString: url, max, application_name: 'crm-ddl' });
    // An idle client losing its server (restart) must not crash the process.
    this.pool.on('error', () => undefined);
  }

  async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    // A server-side termination while checked out is reported by the failing query; swallow the event.
    const onError = (e: Error) => (broken = e);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      // A client whose ROLLBACK fails (connection lost) is destroyed rather than returned to the pool.
      await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw err;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
