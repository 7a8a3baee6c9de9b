/**
 * What a tenant's SQL may name: the relations of its own schema (read from the catalog through the trusted path —
 * the API's login role, which keeps its catalog access; never the tenant's read-only role), plus whatever registered
 * sources add (saved query objects, from the metadata engine). Cached briefly per tenant.
 */
import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';

export interface TenantRef {
  id: string;
  slug: string;
}

/** Extra names a tenant's SQL may reference (e.g. saved query objects). Lower-case, as stored. */
export interface RelationSource {
  relationsFor(tenant: TenantRef): Promise<Iterable<string>>;
}

/** Who runs a statement (for sources that read metadata in a tenant transaction to expand it). */
export interface ExpandScope {
  tenantId: string;
  slug: string;
  userId: string | null;
  role: string;
}

/** A source whose names the database does not know: it rewrites a statement naming them into a runnable one. */
export interface RelationExpander {
  /** The runnable statement, or null when `relations` names none of this source's relations. */
  expandFreeSql(scope: ExpandScope, sql: string, relations: readonly string[], params: readonly (string | number | boolean | null)[]): Promise<{ sql: string; params: (string | number | boolean | null)[] } | null>;
}

const TTL_MS = 10_000;

/** A tenant's names: everything its SQL may name, and which of them each registered source added. */
interface TenantNames {
  all: ReadonlySet<string>;
  bySource: ReadonlyMap<RelationSource, ReadonlySet<string>>;
}

@Injectable()
export class TenantRelations {
  private readonly sources: RelationSource[] = [];
  private readonly expanders: RelationExpander[] = [];
  private readonly cache = new LRUCache<string, Promise<TenantNames>>({ max: 2_000, ttl: TTL_MS });

  constructor(private readonly dataSource: DataSource) {}

  /** Adds a source of extra names (call once, e.g. from a module's onModuleInit). */
  register(source: RelationSource): void {
    this.sources.push(source);
    this.cache.clear();
  }

  /** Adds the expander of a registered source's names (call once, after register). */
  registerExpander(expander: RelationExpander & RelationSource): void {
    this.expanders.push(expander);
  }

  /**
   * The statement made runnable by the first expander whose source names one of `relations`, or null. Decided on
   * the cached names: a statement naming only tables costs no metadata read.
   */
  async expand(scope: ExpandScope, sql: string, relations: readonly string[], params: readonly (string | number | boolean | null)[] = []) {
    const { bySource } = await this.names({ id: scope.tenantId, slug: scope.slug });
    for (const e of this.expanders) {
      const own = bySource.get(e as RelationExpander & RelationSource);
      if (!own || !relations.some((r) => own.has(r))) continue;
      const out = await e.expandFreeSql(scope, sql, relations, params);
      if (out) return out;
    }
    return null;
  }

  /** Forgets a tenant's cached names (after DDL or a saved object change). */
  invalidate(slug: string): void {
    this.cache.delete(slug);
  }

  /** Tables, views and registered extra names of the tenant. */
  async forTenant(tenant: TenantRef): Promise<ReadonlySet<string>> {
    return (await this.names(tenant)).all;
  }

  private names(tenant: TenantRef): Promise<TenantNames> {
    const key = tenant.slug;
    let names = this.cache.get(key);
    if (!names) {
      names = this.load(tenant);
      this.cache.set(key, names);
      names.catch(() => this.cache.delete(key));
    }
    return names;
  }

  /** Only the relations of the tenant's schema (no registered sources). */
  async tablesOf(slug: string): Promise<string[]> {
    const rows: Array<{ name: string }> = await this.dataSource.query(
      `SELECT c.relname AS name
         FROM pg_catalog.pg_class c
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        ORDER BY 1`,
      [`tenant_${slug}`],
    );
    return rows.map((r) => r.name);
  }

  private async load(tenant: TenantRef): Promise<TenantNames> {
    const [tables, ...extra] = await Promise.all([
      this.tablesOf(tenant.slug),
      ...this.sources.map((s) => s.relationsFor(tenant)),
    ]);
    const all = new Set<string>(tables);
    const bySource = new Map<RelationSource, ReadonlySet<string>>();
    extra.forEach((list, i) => {
      const own = new Set(list);
      bySource.set(this.sources[i], own);
      for (const n of own) all.add(n);
    });
    return { all, bySource };
  }
}
