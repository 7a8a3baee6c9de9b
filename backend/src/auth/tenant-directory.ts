import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { ENV } from '../config/config.module';
import { Env } from '../config/env.schema';
import { TenantStatus } from '../tenancy/tenant.types';

export interface TenantEntry {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
}

/**
 * Tenant id → slug/status, read from the platform catalog on every authenticated request. A small LRU
 * (bounded by entries, TTL ≤ 30 s) keeps that cheap without memory growing with the number of tenants.
 * Archiving on this process evicts at once; other processes see it within the TTL.
 */
@Injectable()
export class TenantDirectory {
  private readonly cache: LRUCache<string, TenantEntry>;

  constructor(
    private readonly db: DataSource,
    @Inject(ENV) env: Env,
  ) {
    this.cache = new LRUCache({ max: env.TENANT_CACHE_MAX, ttl: env.TENANT_CACHE_TTL_MS });
  }

  async findById(id: string): Promise<TenantEntry | null> {
    const hit = this.cache.get(id);
    if (hit) return hit;
    // Platform catalog read (not tenant data): the login role has DML on tenant_admin.
    const rows: TenantEntry[] = await this.db.query(
      'SELECT id, slug, nome AS name, status FROM tenant_admin.tb_tenant WHERE id = $1',
      [id],
    );
    if (!rows[0]) return null;
    this.cache.set(id, rows[0]);
    return rows[0];
  }

  evict(id: string): void {
    this.cache.delete(id);
  }

  get size(): number {
    return this.cache.size;
  }
}
