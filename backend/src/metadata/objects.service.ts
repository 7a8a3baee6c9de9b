import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { TenantRelations } from '../query-executor';
import { TenantScope, TenantTransaction } from '../tenancy/tenant-transaction';
import { CustomObjectsService, FieldChange, FieldInput } from './custom-objects.service';
import { ObjectKind } from './metadata.constants';
import { MetadataReader } from './metadata.reader';
import { MetaField, MetaObject, MetaObjectWithFields } from './metadata.types';
import { PreviewResult, QueryObjectsService, loadCatalog } from './queries/query-objects.service';
import { expectedVersion } from '../crm/shared/version';

export interface CreateObjectInput {
  kind: 'tabela' | 'consulta';
  apiName: string;
  labelPt: string;
  labelEn?: string;
  description?: string;
  roles?: string[] | null;
  fields?: FieldInput[];
  sql?: string;
  model?: unknown;
}

export interface UpdateObjectInput {
  labelPt?: string;
  labelEn?: string;
  description?: string | null;
  roles?: string[] | null;
  sql?: string;
  model?: unknown;
}

const forbidden = (message: string) => new DomainError('FORBIDDEN', message, 403);

/**
 * The object API's rules: who may do what to which kind of object, and where each change goes (custom tables:
 * CustomObjectsService; query objects: QueryObjectsService). Reads run in the request's pinned transaction; the
 * metadata is filtered by the caller's role, so objects a role may not see answer 404 like another tenant's.
 */
@Injectable()
export class ObjectsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly reader: MetadataReader,
    private readonly custom: CustomObjectsService,
    private readonly queries: QueryObjectsService,
    private readonly relations: TenantRelations,
  ) {}

  list(scope: TenantScope, kinds?: ObjectKind[]): Promise<MetaObject[]> {
    return this.tx.run(scope, () => this.reader.store().listObjects({ role: scope.role, kinds }));
  }

  get(scope: TenantScope, idOrApiName: string): Promise<MetaObjectWithFields> {
    return this.tx.run(scope, () => this.reader.visibleObject(idOrApiName));
  }

  async create(scope: TenantScope, input: CreateObjectInput): Promise<MetaObjectWithFields> {
    if (input.kind === 'tabela') {
      if (scope.role !== 'tenant_admin') throw forbidden('Só o administrador do tenant cria tabelas.');
      if (input.sql !== undefined || input.model !== undefined) {
        throw new DomainError('VALIDATION_FAILED', 'Dados inválidos: sql e model são de consultas.', 400, { fields: [{ field: 'sql', message: 'só para kind consulta' }] });
      }
      const created = await this.custom.createTable(scope, input);
      this.relations.invalidate(scope.slug);
      return created;
    }
    if (input.fields !== undefined) {
      throw new DomainError('VALIDATION_FAILED', 'Dados inválidos: os campos de uma consulta vêm do seu SELECT.', 400, { fields: [{ field: 'fields', message: 'só para kind tabela' }] });
    }
    return this.queries.create(scope, input);
  }

  /** `ifMatch`: the version the caller saw; checked inside the tenant's serialised metadata transaction. */
  async update(scope: TenantScope, idOrApiName: string, change: UpdateObjectInput, ifMatch?: string): Promise<MetaObjectWithFields> {
    const expected = expectedVersion(ifMatch, undefined);
    const object = await this.get(scope, idOrApiName);
    this.checkCanChange(scope, object);
    if (object.kind === 'consulta') return this.queries.update(scope, object, change, expected);
    if (change.sql !== undefined || change.model !== undefined) {
      throw new DomainError('VALIDATION_FAILED', 'Dados inválidos: sql e model são de consultas.', 400, { fields: [{ field: 'sql', message: 'só para consultas' }] });
    }
    return this.custom.updateObject(scope, object.id, change, expected);
  }

  async remove(scope: TenantScope, idOrApiName: string, ifMatch?: string): Promise<void> {
    const expected = expectedVersion(ifMatch, undefined);
    const object = await this.get(scope, idOrApiName);
    this.checkCanChange(scope, object);
    await this.custom.deleteObject(scope, object.id, expected);
    this.relations.invalidate(scope.slug);
  }

  async addField(scope: TenantScope, idOrApiName: string, input: FieldInput): Promise<MetaField> {
    const object = await this.get(scope, idOrApiName);
    const field = await this.custom.addField(scope, object.id, input);
    this.relations.invalidate(scope.slug);
    return field;
  }

  async updateField(scope: TenantScope, idOrApiName: string, field: string, change: FieldChange): Promise<MetaField> {
    const object = await this.get(scope, idOrApiName);
    return this.custom.updateField(scope, object.id, field, change);
  }

  async removeField(scope: TenantScope, idOrApiName: string, field: string): Promise<void> {
    const object = await this.get(scope, idOrApiName);
    await this.custom.removeField(scope, object.id, field);
  }

  preview(scope: TenantScope, model: unknown, limit = 100): Promise<PreviewResult> {
    return this.queries.preview(scope, () => this.tx.run(scope, () => loadCatalog(this.reader.store())), model, limit);
  }

  /** Base and custom tables: tenant_admin. Query objects: tenant_admin and analyst. */
  private checkCanChange(scope: TenantScope, object: MetaObject): void {
    if (scope.role === 'tenant_admin') return;
    if (object.kind === 'consulta' && scope.role === 'analyst') return;
    throw forbidden(object.kind === 'consulta' ? 'Só tenant_admin e analyst alteram consultas.' : 'Só o administrador do tenant altera tabelas e objetos base.');
  }
}
