import { Pool, PoolClient } from 'pg';
import { Migration } from './migration-files';
import { Tenant } from './tenant.types';

type Queryable = Pool | PoolClient;

const COLUMNS = `id, slug, nome AS name, schema_nome AS schema, status, versao_schema AS "schemaVersion",
  vertical, fuso_horario AS "timeZone", criado_em AS "createdAt", atualizado_em AS "updatedAt",
  arquivado_em AS "archivedAt"`;

/** SQL of the platform catalog (tenant_admin.tb_tenant and its migration log). */
export class TenantCatalogRepository {
  async lockSlug(db: Queryable, slug: string): Promise<void> {
    await db.query("SELECT pg_advisory_xact_lock(hashtext('tenant:' || $1))", [slug]);
  }

  /** What already exists under this slug: catalog row, roles, schema (any of them means "taken"). */
  async findLeftovers(db: Queryable, slug: string, schema: string, roleNames: string[]) {
    const { rows } = await db.query<{ tenants: number; roles: number; schemas: number }>(
      `SELECT (SELECT count(*)::int FROM tenant_admin.tb_tenant WHERE slug = $1) AS tenants,
              (SELECT count(*)::int FROM pg_catalog.pg_roles WHERE rolname = ANY ($2::text[])) AS roles,
              (SELECT count(*)::int FROM pg_catalog.pg_namespace WHERE nspname = $3) AS schemas`,
      [slug, roleNames, schema],
    );
    return rows[0];
  }

  async insert(db: Queryable, t: { slug: string; name: string; schema: string; vertical: string | null }): Promise<Tenant> {
    const { rows } = await db.query<Tenant>(
      `INSERT INTO tenant_admin.tb_tenant (slug, nome, schema_nome, vertical) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [t.slug, t.name, t.schema, t.vertical],
    );
    return rows[0];
  }

  async findBySlug(db: Queryable, slug: string): Promise<Tenant | null> {
    const { rows } = await db.query<Tenant>(`SELECT ${COLUMNS} FROM tenant_admin.tb_tenant WHERE slug = $1`, [slug]);
    return rows[0] ?? null;
  }

  async findByIdForUpdate(db: Queryable, id: string): Promise<Tenant | null> {
    const { rows } = await db.query<Tenant>(
      `SELECT ${COLUMNS} FROM tenant_admin.tb_tenant WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async list(db: Queryable, opts: { status?: string; limit: number; afterSlug?: string }): Promise<Tenant[]> {
    const { rows } = await db.query<Tenant>(
      `SELECT ${COLUMNS} FROM tenant_admin.tb_tenant
        WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR slug > $2)
        ORDER BY slug LIMIT $3`,
      [opts.status ?? null, opts.afterSlug ?? null, opts.limit],
    );
    return rows;
  }

  /** Ids of tenants behind `version`, by keyset on id (the fan-out reads them in pages to keep memory flat). */
  async idsBehind(db: Queryable, version: number, afterId: string | null, limit: number): Promise<string[]> {
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM tenant_admin.tb_tenant
        WHERE versao_schema < $1 AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3`,
      [version, afterId, limit],
    );
    return rows.map((r) => r.id);
  }

  async countBehind(db: Queryable, version: number): Promise<number> {
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM tenant_admin.tb_tenant WHERE versao_schema < $1',
      [version],
    );
    return rows[0].n;
  }

  async recordMigrations(db: Queryable, tenantId: string, applied: { m: Migration; ms: number }[]): Promise<void> {
    if (!applied.length) return;
    await db.query(
      `WITH log AS (
         INSERT INTO tenant_admin.tb_tenant_migracao (tenant_id, versao, nome, checksum, duracao_ms)
         SELECT $1, v, n, c, d FROM unnest($2::int[], $3::text[], $4::text[], $5::int[]) AS x(v, n, c, d)
       )
       UPDATE tenant_admin.tb_tenant SET versao_schema = $6, atualizado_em = now() WHERE id = $1`,
      [
        tenantId,
        applied.map((a) => a.m.version),
        applied.map((a) => a.m.name),
        applied.map((a) => a.m.checksum),
        applied.map((a) => Math.round(a.ms)),
        applied[applied.length - 1].m.version,
      ],
    );
  }

  async setStatus(db: Queryable, slug: string, status: 'ativo' | 'arquivado'): Promise<Tenant | null> {
    const { rows } = await db.query<Tenant>(
      `UPDATE tenant_admin.tb_tenant
          SET status = $2, atualizado_em = now(), arquivado_em = CASE WHEN $2 = 'arquivado' THEN now() END
        WHERE slug = $1 RETURNING ${COLUMNS}`,
      [slug, status],
    );
    return rows[0] ?? null;
  }
}
