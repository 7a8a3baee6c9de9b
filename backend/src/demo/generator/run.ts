import { PrivilegedDb } from '../../database/privileged-db';
import { ident } from '../../database/sql';
import { DemoSizes } from './generate';
import { hasCrmData, SeedDemoOptions, SeedDemoResult, seedDemoData } from './seed';

export interface SeedTenantDemoOptions extends DemoSizes {
  seed?: number;
  now?: Date;
  /** Skip quietly (return null) instead of failing when the tenant already has CRM records (see hasCrmData). */
  onlyIfEmpty?: boolean;
  onProgress?: SeedDemoOptions['onProgress'];
  bulkForeignKeys?: SeedDemoOptions['bulkForeignKeys'];
}

/**
 * Opens a transaction on the privileged connection pinned to the tenant (search_path + app.tenant_id, both
 * transaction-local), serialises concurrent seeders of the tenant, and seeds it with ownership spread over
 * the tenant's active users. Returns null when onlyIfEmpty and the tenant already has CRM records.
 */
export async function seedTenantDemo(
  db: PrivilegedDb,
  tenant: { id: string; schema: string },
  opts: SeedTenantDemoOptions,
): Promise<SeedDemoResult | null> {
  return db.transaction(async (client) => {
    await client.query(
      "SELECT set_config('search_path', $1, true), set_config('app.tenant_id', $2, true), set_config('statement_timeout', '0', true)",
      [ident(tenant.schema), tenant.id],
    );
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`crm-demo-seed:${tenant.id}`]);
    if (opts.onlyIfEmpty && (await hasCrmData(client))) return null;
    const owners = await client.query<{ id: string }>('SELECT id FROM tb_usuario WHERE ativo ORDER BY email, id');
    return seedDemoData(client, {
      tenantId: tenant.id,
      schema: tenant.schema,
      seed: opts.seed,
      now: opts.now,
      ownerIds: owners.rows.map((r) => r.id),
      companies: opts.companies,
      contacts: opts.contacts,
      opportunities: opts.opportunities,
      activities: opts.activities,
      onProgress: opts.onProgress,
      bulkForeignKeys: opts.bulkForeignKeys,
    });
  });
}
