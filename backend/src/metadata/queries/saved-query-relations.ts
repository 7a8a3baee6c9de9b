import { Injectable, OnModuleInit } from '@nestjs/common';
import { Binder } from '../../crm/shared/list/list-sql';
import { RelationExpander, RelationSource, TenantRelations } from '../../query-executor';
import { TenantScope, TenantTransaction } from '../../tenancy/tenant-transaction';
import { MetadataStore } from '../metadata.store';
import { MetaObjectWithFields } from '../metadata.types';
import { catalogOf, ctePrefix, embeddable } from './object-sql';

type Scalar = string | number | boolean | null;

/**
 * Gives the SQL executor the names of a tenant's query objects, so free SQL may name them like tables
 * (TenantRelations, the executor's "extra allowed relations"), and expands such a statement into one the database
 * can run (expandFreeSql). Metadata is read in a tenant transaction: RLS returns this tenant's objects only.
 */
@Injectable()
export class SavedQueryRelations implements RelationSource, RelationExpander, OnModuleInit {
  constructor(
    private readonly relations: TenantRelations,
    private readonly tx: TenantTransaction,
  ) {}

  onModuleInit(): void {
    this.relations.register(this);
    this.relations.registerExpander(this);
  }

  relationsFor(tenant: { id: string; slug: string }): Promise<string[]> {
    return this.tx.run({ tenantId: tenant.id, slug: tenant.slug, userId: null, role: 'analyst' }, async (m) => {
      const rows: { name: string }[] = await m.query(
        `SELECT api_nome AS name FROM tenant_admin.tb_meta_objeto WHERE tenant_id = $1 AND tipo = 'consulta'`,
        [tenant.id],
      );
      return rows.map((r) => r.name);
    });
  }

  /**
   * A validated free SELECT that names query objects (`relations`: what the validator returned) made runnable:
   * `WITH <those objects, transitively> SELECT * FROM (<sql>) AS "q"`, with the values of designer models bound
   * after the caller's own parameters. The result must be validated again by the executor like any SQL.
   * Null when none of `relations` is a query object (nothing to expand). TenantRelations calls it only when its
   * cached names say one of `relations` is ours.
   */
  async expandFreeSql(scope: TenantScope, sql: string, relations: readonly string[], params: readonly Scalar[] = []): Promise<{ sql: string; params: Scalar[] } | null> {
    const catalog = await this.tx.run(scope, async (m) => {
      const store = new MetadataStore((text, values) => m.query(text, values ?? []), scope.tenantId);
      const objects = await store.listObjects();
      const fields = await store.fields(objects.map((o) => o.id));
      const withFields: MetaObjectWithFields[] = objects.map((o) => ({ ...o, fields: fields.filter((f) => f.objectId === o.id) }));
      return catalogOf(withFields, await store.dependencyEdges());
    });
    const roots = relations.map((r) => catalog.byName.get(r)).filter((o): o is MetaObjectWithFields => o?.kind === 'consulta');
    if (!roots.length) return null;
    const b = new Binder();
    b.values.push(...params);
    const prefix = ctePrefix(roots, catalog, b);
    return { sql: `${prefix}SELECT * FROM (\n${embeddable(sql)}\n) AS "q"`, params: b.values as Scalar[] };
  }
}
