import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/domain-error';
import { TenantDb } from '../tenancy/tenant-transaction';
import { MetadataStore } from './metadata.store';
import { MetaObject, MetaObjectWithFields, SqlRunner } from './metadata.types';

/**
 * Metadata as the request sees it: read in the pinned tenant transaction (role t_<slug>_rw), where RLS on the
 * metadata tables lets through only rows of app.tenant_id; objects the caller's role may not see are reported as
 * not found, exactly like objects of another tenant.
 */
@Injectable()
export class MetadataReader {
  constructor(private readonly db: TenantDb) {}

  store(): MetadataStore {
    const run: SqlRunner = (text, values) => this.db.query(text, values ?? []);
    return new MetadataStore(run, this.db.scope.tenantId);
  }

  /** A statement in the request's pinned transaction. */
  query<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
    return this.db.query<T>(text, values);
  }

  get role(): string {
    return this.db.scope.role;
  }

  isVisible(object: MetaObject): boolean {
    return this.role === 'tenant_admin' || object.roles === null || object.roles.includes(this.role);
  }

  async visibleObject(idOrApiName: string): Promise<MetaObjectWithFields> {
    const store = this.store();
    const object = await store.findObject(idOrApiName);
    if (!object || !this.isVisible(object)) {
      throw new NotFoundError('OBJECT_NOT_FOUND', `Objeto "${idOrApiName}" não encontrado.`, { object: idOrApiName });
    }
    return store.withFields(object);
  }
}
