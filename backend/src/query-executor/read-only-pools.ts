/**
 * Small connection pools logged in as each tenant's read-only role (`t_<slug>_ro`), the one bounded exception to
 * "no pool per tenant" (docs/architecture.md): created on first use, a few connections each, closed after a quiet
 * minute, and at most `maxTenants` alive at once (least recently used evicted), so memory and server connections stay
 * bounded however many tenants there are. Passwords are derived from DB_ROLE_SECRET; none is stored.
 */
import { Pool, type PoolClient } from 'pg';
import { withCredentials } from '../database/embedded-postgres';
import type { DbRoles } from '../database/roles';

export interface ReadOnlyPoolsOptions {
  /** Any URL of the database (host, port, database, TLS options); the credentials are replaced. */
  url: string;
  roles: DbRoles;
  /** Connections per tenant pool (the role's CONNECTION LIMIT is 8 across all API instances). */
  poolSize: number;
  /** Tenant pools alive at most. */
  maxTenants: number;
  /** A pool unused this long is closed (its connections first, by pg's own idle timeout). */
  idleMs: number;
  /** Waiting for a connection (new or from a busy pool) longer than this fails. */
  acquireTimeoutMs: number;
}

interface Entry {
  pool: Pool;
  lastUsed: number;
}

const APPLICATION_NAME = 'crm-sql';

/** Every connection of the tenant's pool stayed busy for the whole acquire timeout. */
export class PoolBusyError extends Error {
  constructor(readonly slug: string) {
    super(`read-only pool of ${slug} is busy`);
    this.name = 'PoolBusyError';
  }
}

export class ReadOnlyPools {
  // Map iteration order is insertion order: re-inserting on use keeps it least-recently-used first.
  private readonly pools = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly opts: ReadOnlyPoolsOptions) {
    this.sweeper = setInterval(() => this.sweep(), Math.max(500, Math.floor(opts.idleMs / 2)));
    this.sweeper.unref();
  }

  /**
   * A connection of the tenant's read-only pool. The caller must `release()` it — with an error (or `true`) when
   * anything failed, so the pool destroys it instead of handing it out again.
   */
  async acquire(slug: string): Promise<PoolClient> {
    if (this.closed) throw new Error('read-only pools are closed');
    for (let attempt = 0; ; attempt++) {
      const entry = this.entry(slug);
      const busy = entry.pool.totalCount >= this.opts.poolSize;
      try {
        return await entry.pool.connect();
      } catch (err) {
        const message = (err as Error)?.message ?? '';
        // Evicted between look-up and connect: take a fresh pool once.
        if (attempt === 0 && /Cannot use a pool after calling end/.test(message)) continue;
        if (busy && /timeout exceeded when trying to connect/.test(message)) throw new PoolBusyError(slug);
        throw err;
      }
    }
  }

  /** Runs `work` on a connection, releasing it afterwards; destroyed when `work` throws or says it is spoiled. */
  async withClient<T>(slug: string, work: (client: PoolClient) => Promise<{ value: T; reusable: boolean }>): Promise<T> {
    const client = await this.acquire(slug);
    const onError = () => undefined; // a connection cut while checked out must not crash the process
    client.on('error', onError);
    let reusable = false;
    try {
      const out = await work(client);
      reusable = out.reusable;
      return out.value;
    } finally {
      client.off('error', onError);
      client.release(!reusable);
    }
  }

  stats(): { tenants: number; connections: number; idle: number; waiting: number } {
    let connections = 0;
    let idle = 0;
    let waiting = 0;
    for (const { pool } of this.pools.values()) {
      connections += pool.totalCount;
      idle += pool.idleCount;
      waiting += pool.waitingCount;
    }
    return { tenants: this.pools.size, connections, idle, waiting };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeper);
    const all = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(all.map((e) => e.pool.end().catch(() => undefined)));
  }

  private entry(slug: string): Entry {
    let entry = this.pools.get(slug);
    if (entry) {
      this.pools.delete(slug);
    } else {
      entry = { pool: this.createPool(slug), lastUsed: 0 };
    }
    entry.lastUsed = Date.now();
    this.pools.set(slug, entry);
    while (this.pools.size > this.opts.maxTenants) {
      const [oldest, e] = this.pools.entries().next().value as [string, Entry];
      this.pools.delete(oldest);
      // Connections in use finish their query; end() closes them as they are released.
      void e.pool.end().catch(() => undefined);
    }
    return entry;
  }

  private createPool(slug: string): Pool {
    const role = this.opts.roles.tenantReadOnly(slug);
    const pool = new Pool({
      connectionString: withCredentials(this.opts.url, role, this.opts.roles.password(role)),
      max: this.opts.poolSize,
      idleTimeoutMillis: this.opts.idleMs,
      connectionTimeoutMillis: this.opts.acquireTimeoutMs,
      application_name: APPLICATION_NAME,
      allowExitOnIdle: true,
    });
    // An idle connection losing its server (restart, terminate) must not crash the process.
    pool.on('error', () => undefined);
    return pool;
  }

  private sweep(): void {
    const cutoff = Date.now() - this.opts.idleMs;
    for (const [slug, e] of this.pools) {
      if (e.lastUsed < cutoff && e.pool.totalCount === e.pool.idleCount && e.pool.waitingCount === 0) {
        this.pools.delete(slug);
        void e.pool.end().catch(() => undefined);
      }
    }
  }
}
