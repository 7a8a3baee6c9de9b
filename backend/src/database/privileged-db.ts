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
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
