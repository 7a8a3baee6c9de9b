import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DB_ROLES } from '../../database/database.tokens';
import { PrivilegedDb } from '../../database/privileged-db';
import { DbRoles } from '../../database/roles';
import { TenantMigrations } from '../../tenancy/migration-files';
import { registerBaseObjects } from './base-objects';

const PAGE = 200;

/**
 * Registers the base objects of tenants provisioned before the metadata engine existed, and the columns later
 * tenant migrations add (a tenant whose metadata was synchronised at an older schema version). Runs in the
 * background after boot, one tenant per transaction under the tenant row's lock (the lock the fan-out takes), in
 * keyset pages: memory stays flat whatever the number of tenants, and a crash loses only the tenant in flight.
 * Idempotent (ON CONFLICT DO NOTHING), so several API processes may run it at once.
 */
@Injectable()
export class MetadataBackfillService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('MetadataBackfill');
  private running: Promise<number> | null = null;
  private stopping = false;

  constructor(
    private readonly db: PrivilegedDb,
    @Inject(DB_ROLES) private readonly roles: DbRoles,
    private readonly migrations: TenantMigrations,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.run().catch((err) => {
      if (!this.stopping) this.logger.warn({ err }, 'metadata backfill interrupted; it resumes at the next start');
      return 0;
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  /** Brings every tenant's base-object metadata to its schema version; returns how many tenants were synchronised. */
  async run(): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let done = 0;
    for (;;) {
      // Cross-tenant scan of the platform catalog: the privileged role owns tb_meta_sincronizacao (RLS not forced).
      const { rows } = await this.db.pool.query<{ id: string }>(
        `SELECT t.id FROM tenant_admin.tb_tenant t
           LEFT JOIN tenant_admin.tb_meta_sincronizacao s ON s.tenant_id = t.id
          WHERE t.id > $1 AND t.status = 'ativo' AND t.versao_schema > 0 AND (s.tenant_id IS NULL OR s.versao_schema < t.versao_schema)
          ORDER BY t.id LIMIT $2`,
        [after, PAGE],
      );
      for (const { id } of rows) {
        if (this.stopping) return done;
        if (await this.syncTenant(id)) done++;
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].id;
    }
    if (done) this.logger.log(`base objects registered for ${done} tenant(s)`);
    return done;
  }

  async syncTenant(tenantId: string): Promise<boolean> {
    return this.db.transaction(async (client) => {
      const { rows } = await client.query<{ slug: string; schema: string; version: number }>(
        `SELECT slug, schema_nome AS schema, versao_schema AS version FROM tenant_admin.tb_tenant WHERE id = $1 FOR NO KEY UPDATE`,
        [tenantId],
      );
      if (!rows[0]) return false;
      await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
      await registerBaseObjects(client, {
        tenantId,
        schema: rows[0].schema,
        readWriteRole: this.roles.tenantReadWrite(rows[0].slug),
        schemaVersion: rows[0].version,
      });
      return true;
    });
  }
}
