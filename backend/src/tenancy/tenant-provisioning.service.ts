import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, DomainError, NotFoundError } from '../common/domain-error';
import { DbRoles } from '../database/roles';
import { PrivilegedDb } from '../database/privileged-db';
import { TenantMigrations } from './migration-files';
import { TenantCatalogRepository } from './tenant-catalog.repository';
import { applyTenantMigrations, createTenantSkeletonSql, tenantNames } from './tenant-ddl';
import { ProvisionTenantInput, Tenant } from './tenant.types';
import { validateSlug } from './slug';
import { DB_ROLES } from '../database/database.tokens';
import { registerBaseObjects } from '../metadata/base-objects/base-objects';

export interface ProvisionObserver {
  /** Called after each step, for progress reporting. */
  step?(name: 'catalog' | 'schema' | 'migrations' | 'done'): void;
}

@Injectable()
export class TenantProvisioningService {
  constructor(
    private readonly db: PrivilegedDb,
    @Inject(DB_ROLES) private readonly roles: DbRoles,
    private readonly migrations: TenantMigrations,
    private readonly catalog: TenantCatalogRepository,
  ) {}

  /**
   * Creates a tenant: catalog row, roles, schema and every tenant migration, in ONE transaction, so a failure
   * at any step leaves nothing behind. Concurrent calls for one slug are serialised by an advisory lock; the
   * loser gets TENANT_EXISTS.
   */
  async provision(input: ProvisionTenantInput, observer: ProvisionObserver = {}): Promise<Tenant> {
    const slug = validateSlug(input.slug);
    const name = input.name?.trim();
    if (!name) throw new DomainError('TENANT_NAME_REQUIRED', 'Informe o nome do tenant.', 400);
    const names = tenantNames(this.roles, slug);

    return this.db.transaction(async (client) => {
      await this.catalog.lockSlug(client, slug);
      const left = await this.catalog.findLeftovers(client, slug, names.schema, [names.rw, names.ro]);
      if (left.tenants > 0) throw new ConflictError('TENANT_EXISTS', `Já existe um tenant com o identificador "${slug}".`, { slug });
      if (left.roles > 0 || left.schemas > 0) {
        throw new ConflictError('TENANT_NAME_TAKEN', `O schema ou os papéis de "${slug}" já existem no banco.`, { slug });
      }
      const tenant = await this.catalog.insert(client, { slug, name, schema: names.schema, vertical: input.vertical ?? null });
      observer.step?.('catalog');

      const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
      await client.query(createTenantSkeletonSql(this.roles, names, rows[0].db));
      observer.step?.('schema');

      const applied = await applyTenantMigrations(client, tenant.id, names, this.migrations.list);
      await this.catalog.recordMigrations(client, tenant.id, applied);
      // Metadata of the base tables (objects + fields, set-based) and the rw role's read grant on it.
      await registerBaseObjects(client, {
        tenantId: tenant.id,
        schema: names.schema,
        readWriteRole: names.rw,
        schemaVersion: this.migrations.latest,
        template: this.migrations.list.map((m) => `${m.version}:${m.checksum}`).join(','),
      });
      observer.step?.('migrations');
      observer.step?.('done');
      return { ...tenant, schemaVersion: this.migrations.latest };
    });
  }

  async archive(slug: string): Promise<Tenant> {
    const tenant = await this.catalog.setStatus(this.db.pool, validateSlug(slug), 'arquivado');
    if (!tenant) throw new NotFoundError('TENANT_NOT_FOUND', `Tenant "${slug}" não encontrado.`, { slug });
    return tenant;
  }

  async list(opts: { status?: string; limit?: number; afterSlug?: string } = {}): Promise<Tenant[]> {
    return this.catalog.list(this.db.pool, { limit: Math.min(opts.limit ?? 100, 1000), ...opts });
  }

  async findBySlug(slug: string): Promise<Tenant | null> {
    return this.catalog.findBySlug(this.db.pool, slug);
  }
}
