import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../../common/domain-error';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { AuditService, HistoryItem } from '../audit/audit.service';
import { isUniqueViolation } from '../shared/db-errors';
import { invalidReference } from '../shared/field-errors';
import { parseListQuery, RawQuery } from '../shared/list/list-plan';
import { Page } from '../shared/list/list.repository';
import { changedFields, sentFields } from '../shared/record-changes';
import { expectedVersion, requiredVersion, versionConflict } from '../shared/version';
import { CategoriesRepository } from './categories/categories.repository';
import { ProductRecord } from './dto/product.dto';
import { CreateProductDto, UpdateProductDto } from './dto/product-write.dto';
import { PRODUCT_LIST, PRODUCT_WRITABLE } from './products.list';
import { ProductsRepository } from './products.repository';

const notFound = (id: string) => new NotFoundError('PRODUCT_NOT_FOUND', 'Produto não encontrado.', { id });
const duplicateSku = (existingId: string | null) => new ConflictError('DUPLICATE_SKU', 'Já existe um produto com este SKU.', { field: 'sku', existingId });

/** The product catalog: SKU unique among live products, optimistic versions, audit. */
@Injectable()
export class ProductsService {
  constructor(
    private readonly products: ProductsRepository,
    private readonly categories: CategoriesRepository,
    private readonly audit: AuditService,
    private readonly db: TenantDb,
  ) {}

  list(query: RawQuery): Promise<Page<ProductRecord>> {
    return this.products.findPage(parseListQuery(PRODUCT_LIST, query, this.db.scope.userId));
  }

  async get(id: string): Promise<ProductRecord> {
    const row = await this.products.findById(id);
    if (!row) throw notFound(id);
    return row;
  }

  async create(input: CreateProductDto): Promise<ProductRecord> {
    const values = sentFields(input, PRODUCT_WRITABLE);
    await this.assertCategory(input.categoryId);
    await this.assertSkuFree(input.sku, null);
    const row = await this.products.insert(values).catch(rethrowDuplicate);
    await this.audit.created(PRODUCT_LIST, row.id, sentFields(row, PRODUCT_WRITABLE));
    return row;
  }

  async update(id: string, input: UpdateProductDto, ifMatch: string | undefined): Promise<ProductRecord> {
    const version = requiredVersion(ifMatch, input.version);
    const current = await this.products.findById(id, { forUpdate: true });
    if (!current) throw notFound(id);
    if (current.version !== version) throw versionConflict(current.version);
    const changes = changedFields(current, sentFields(input, PRODUCT_WRITABLE));
    if (!Object.keys(changes).length) return current;
    await this.assertCategory(changes.categoryId as string | undefined);
    await this.assertSkuFree(changes.sku as string | undefined, id);
    const updated = await this.products.update(id, version, changes).catch(rethrowDuplicate);
    if (!updated) throw versionConflict(current.version);
    await this.audit.changed(PRODUCT_LIST, id, AuditService.diff(current, updated, PRODUCT_WRITABLE));
    return updated;
  }

  /** Soft delete: line items and orders keep pointing at the product. */
  async remove(id: string, ifMatch: string | undefined): Promise<void> {
    const version = expectedVersion(ifMatch, undefined);
    const deleted = await this.products.setDeleted(id, true, version);
    if (!deleted) {
      const current = await this.products.findById(id);
      throw current ? versionConflict(current.version) : notFound(id);
    }
    await this.audit.deleted(PRODUCT_LIST, id, deleted.deletedAt);
  }

  async restore(id: string): Promise<ProductRecord> {
    const current = await this.products.findById(id, { includeDeleted: true, forUpdate: true });
    if (!current) throw notFound(id);
    if (!current.deletedAt) throw new ConflictError('NOT_DELETED', 'O produto não está excluído.', { id });
    // The SKU may have been given to another product meanwhile.
    await this.assertSkuFree(current.sku, id);
    const restored = (await this.products.setDeleted(id, false, null).catch(rethrowDuplicate))!;
    await this.audit.restored(PRODUCT_LIST, id, current.deletedAt);
    return restored;
  }

  async history(id: string, query: RawQuery): Promise<Page<HistoryItem>> {
    if (!(await this.products.findById(id, { includeDeleted: true }))) throw notFound(id);
    return this.audit.history(PRODUCT_LIST, id, query);
  }

  private async assertSkuFree(sku: string | null | undefined, excludeId: string | null): Promise<void> {
    if (!sku) return;
    const found = await this.products.findBySku(sku, excludeId);
    if (found) throw duplicateSku(found.id);
  }

  private async assertCategory(categoryId: string | null | undefined): Promise<void> {
    if (categoryId && !(await this.categories.findById(categoryId))) {
      throw invalidReference('categoryId', 'categoria não encontrada');
    }
  }
}

// Two concurrent creations can both pass the check; the partial unique index decides.
function rethrowDuplicate(err: unknown): never {
  if (isUniqueViolation(err, 'ux_produto_codigo')) throw duplicateSku(null);
  throw err;
}
