import { Inject, Injectable } from '@nestjs/common';
import { DbRoles } from '../database/roles';
import { DB_ROLES } from '../database/database.tokens';
import { PrivilegedDb } from '../database/privileged-db';
import { TenantMigrations } from './migration-files';
import { TenantCatalogRepository } from './tenant-catalog.repository';
import { applyTenantMigrations, tenantNames } from './tenant-ddl';

export interface FanOutProgress {
  total: number;
  done: number;
  failed: number;
}

export interface FanOutResult extends FanOutProgress {
  latest: number;
  failures: { tenantId: string; slug?: string; message: string }[];
}

const PAGE = 200;

@Injectable()
export class TenantMigratorService {
  constructor(
    private readonly db: PrivilegedDb,
    @Inject(DB_ROLES) private readonly roles: DbRoles,
    private readonly migrations: TenantMigrations,
    private readonly catalog: TenantCatalogRepository,
  ) {}

  /**
   * Brings every tenant to the latest migration. Each tenant migrates in its own transaction, so a crash
   * loses at most the tenants in flight, and a rerun picks up exactly the ones still behind. Tenants are
   * read in keyset pages and only `concurrency` are in memory at once: memory stays flat at any count.
   */
  async migrateAll(opts: { concurrency: number; onProgress?: (p: FanOutProgress) => void }): Promise<FanOutResult> {
    const latest = this.migrations.latest;
    const total = await this.catalog.countBehind(this.db.pool, latest);
    const progress: FanOutProgress = { total, done: 0, failed: 0 };
    const failures: FanOutResult['failures'] = [];
    opts.onProgress?.(progress);

    const ids = this.pagedIdsBehind(latest);
    const worker = async () => {
      for (;;) {
        const next = await ids.next();
        if (next.done) return;
        try {
          await this.migrateTenant(next.value);
          progress.done++;
        } catch (err) {
          progress.failed++;
          if (failures.length < 100) failures.push({ tenantId: next.value, message: (err as Error).message });
        }
        opts.onProgress?.(progress);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, worker));
    return { ...progress, latest, failures };
  }

  /** Migrates one tenant; a no-op when it is already current (checked under a row lock). */
  async migrateTenant(tenantId: string): Promise<number> {
    return this.db.transaction(async (client) => {
      const tenant = await this.catalog.findByIdForUpdate(client, tenantId);
      if (!tenant) return 0;
      const pending = this.migrations.pendingAfter(tenant.schemaVersion);
      if (!pending.length) return 0;
      const applied = await applyTenantMigrations(client, tenant.id, tenantNames(this.roles, tenant.slug), pending);
      await this.catalog.recordMigrations(client, tenant.id, applied);
      return applied.length;
    });
  }

  // A shared iterator: concurrent workers pull ids one at a time; a page is fetched when the last is used up.
  private pagedIdsBehind(latest: number): AsyncIterator<string> {
    let buffer: string[] = [];
    let lastId: string | null = null;
    let exhausted = false;
    let fetching: Promise<void> | null = null;
    const fill = async () => {
      const page = await this.catalog.idsBehind(this.db.pool, latest, lastId, PAGE);
      if (page.length < PAGE) exhausted = true;
      if (page.length) lastId = page[page.length - 1];
      buffer = buffer.concat(page);
    };
    return {
      next: async (): Promise<IteratorResult<string>> => {
        while (!buffer.length && !exhausted) {
          fetching ??= fill().finally(() => (fetching = null));
          await fetching;
        }
        const value = buffer.shift();
        return value === undefined ? { done: true, value: undefined } : { done: false, value };
      },
    };
  }
}
