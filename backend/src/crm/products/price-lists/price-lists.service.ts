import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../../../common/domain-error';
import { TenantDb } from '../../../tenancy/tenant-transaction';
import { AuditService } from '../../audit/audit.service';
import { isUniqueViolation } from '../../shared/db-errors';
import { invalidField, invalidReference } from '../../shared/field-errors';
import { parseListQuery, RawQuery } from '../../shared/list/list-plan';
import { Page } from '../../shared/list/list.repository';
import { changedFields, sentFields } from '../../shared/record-changes';
import { FieldValues } from '../../shared/record-sql';
import { expectedVersion, requiredVersion, versionConflict } from '../../shared/version';
import { ProductsRepository } from '../products.repository';
import { PriceListItemRecord, PriceListRecord } from './dto/price-list.dto';
import { CreatePriceListDto, CreatePriceListItemDto, UpdatePriceListDto, UpdatePriceListItemDto } from './dto/price-list-write.dto';
import { PRICE_LIST_ITEM_LIST, PRICE_LIST_ITEM_WRITABLE, PRICE_LIST_LIST, PRICE_LIST_WRITABLE } from './price-lists.list';
import { PriceListsRepository } from './price-lists.repository';

const notFound = (id: string) => new NotFoundError('PRICE_LIST_NOT_FOUND', 'Tabela de preços não encontrada.', { id });
const itemNotFound = (id: string) => new NotFoundError('PRICE_LIST_ITEM_NOT_FOUND', 'Item não encontrado nesta tabela de preços.', { id });
const duplicateItem = (existingId: string | null) =>
  new ConflictError('DUPLICATE_PRICE_ITEM', 'A tabela já tem um preço deste produto para esta quantidade mínima.', { field: 'minQuantity', existingId });

/** Price lists (one default, validity period) and their prices per product and volume tier. Audited. */
@Injectable()
export class PriceListsService {
  constructor(
    private readonly priceLists: PriceListsRepository,
    private readonly products: ProductsRepository,
    private readonly audit: AuditService,
    private readonly db: TenantDb,
  ) {}

  list(query: RawQuery): Promise<Page<PriceListRecord>> {
    return this.priceLists.findPage(parseListQuery(PRICE_LIST_LIST, query, this.db.scope.userId));
  }

  async get(id: string): Promise<PriceListRecord> {
    const row = await this.priceLists.findById(id);
    if (!row) throw notFound(id);
    return row;
  }

  async create(input: CreatePriceListDto): Promise<PriceListRecord> {
    const values = sentFields(input, PRICE_LIST_WRITABLE);
    assertValidity(values);
    if (values.isDefault === true) await this.takeDefaultFromOthers(null);
    const row = await this.priceLists.insert(values);
    await this.audit.created(PRICE_LIST_LIST, row.id, sentFields(row, PRICE_LIST_WRITABLE));
    return row;
  }

  async update(id: string, input: UpdatePriceListDto, ifMatch: string | undefined): Promise<PriceListRecord> {
    const version = requiredVersion(ifMatch, input.version);
    const current = await this.priceLists.findById(id, { forUpdate: true });
    if (!current) throw notFound(id);
    if (current.version !== version) throw versionConflict(current.version);
    const changes = changedFields(current, sentFields(input, PRICE_LIST_WRITABLE));
    if (!Object.keys(changes).length) return current;
    assertValidity({ ...current, ...changes });
    if (changes.isDefault === true) await this.takeDefaultFromOthers(id);
    const updated = await this.priceLists.update(id, version, changes);
    if (!updated) throw versionConflict(current.version);
    await this.audit.changed(PRICE_LIST_LIST, id, AuditService.diff(current, updated, PRICE_LIST_WRITABLE));
    return updated;
  }

  async remove(id: string, ifMatch: string | undefined): Promise<void> {
    const version = expectedVersion(ifMatch, undefined);
    const deleted = await this.priceLists.setDeleted(id, true, version);
    if (!deleted) {
      const current = await this.priceLists.findById(id);
      throw current ? versionConflict(current.version) : notFound(id);
    }
    await this.audit.deleted(PRICE_LIST_LIST, id, deleted.deletedAt);
  }

  /** A restored list comes back without the default flag if another list became the default meanwhile. */
  async restore(id: string): Promise<PriceListRecord> {
    const current = await this.priceLists.findById(id, { includeDeleted: true, forUpdate: true });
    if (!current) throw notFound(id);
    if (!current.deletedAt) throw new ConflictError('NOT_DELETED', 'A tabela de preços não está excluída.', { id });
    if (current.isDefault) await this.takeDefaultFromOthers(id);
    const restored = (await this.priceLists.setDeleted(id, false, null))!;
    await this.audit.restored(PRICE_LIST_LIST, id, current.deletedAt);
    return restored;
  }

  async items(priceListId: string, query: RawQuery): Promise<Page<PriceListItemRecord>> {
    const plan = parseListQuery(PRICE_LIST_ITEM_LIST, query, this.db.scope.userId);
    await this.get(priceListId);
    return this.priceLists.findItemsPage(priceListId, plan);
  }

  async addItem(priceListId: string, input: CreatePriceListItemDto): Promise<PriceListItemRecord> {
    await this.get(priceListId);
    if (!(await this.products.findById(input.productId))) throw invalidReference('productId', 'produto não encontrado');
    const minQuantity = input.minQuantity ?? 1;
    const existing = await this.priceLists.findItemByTier(priceListId, input.productId, minQuantity);
    if (existing) throw duplicateItem(existing.id);
    const item = await this.priceLists
      .insertItem({ priceListId, productId: input.productId, price: input.price, minQuantity, maxDiscountPercent: input.maxDiscountPercent ?? null })
      .catch(rethrowDuplicate);
    await this.audit.created(PRICE_LIST_ITEM_LIST, item.id, { priceListId, ...sentFields(item, ['productId', ...PRICE_LIST_ITEM_WRITABLE]) });
    return item;
  }

  async updateItem(priceListId: string, itemId: string, input: UpdatePriceListItemDto): Promise<PriceListItemRecord> {
    await this.get(priceListId);
    const current = await this.priceLists.findItem(priceListId, itemId);
    if (!current) throw itemNotFound(itemId);
    const changes = changedFields(current, sentFields(input, PRICE_LIST_ITEM_WRITABLE));
    if (!Object.keys(changes).length) return current;
    if (changes.minQuantity !== undefined) {
      const existing = await this.priceLists.findItemByTier(priceListId, current.productId, changes.minQuantity as number);
      if (existing && existing.id !== itemId) throw duplicateItem(existing.id);
    }
    const updated = await this.priceLists.updateItem(itemId, changes).catch(rethrowDuplicate);
    await this.audit.changed(PRICE_LIST_ITEM_LIST, itemId, AuditService.diff(current, updated, PRICE_LIST_ITEM_WRITABLE));
    return updated;
  }

  /** Removes a price (hard delete); the audit keeps what it was. */
  async removeItem(priceListId: string, itemId: string): Promise<void> {
    await this.get(priceListId);
    const current = await this.priceLists.findItem(priceListId, itemId);
    if (!current) throw itemNotFound(itemId);
    await this.priceLists.deleteItem(itemId);
    await this.audit.changed(PRICE_LIST_ITEM_LIST, itemId, AuditService.diff(current, {}, ['productId', ...PRICE_LIST_ITEM_WRITABLE]), 'excluir');
  }

  private async takeDefaultFromOthers(exceptId: string | null): Promise<void> {
    for (const other of await this.priceLists.clearDefaultExcept(exceptId)) {
      await this.audit.changed(PRICE_LIST_LIST, other.id, [{ field: 'isDefault', from: true, to: false }]);
    }
  }
}

function assertValidity(v: FieldValues): void {
  if (v.validFrom && v.validTo && (v.validTo as string) < (v.validFrom as string)) throw invalidField('validTo', 'não pode ser anterior a validFrom');
}

// Two concurrent writes can both pass the check; the unique key (list, product, tier) decides (name truncated by PostgreSQL).
function rethrowDuplicate(err: unknown): never {
  if (isUniqueViolation(err, 'tb_tabela_preco_item_tabela_preco_id_produto_id_quantidade__key')) throw duplicateItem(null);
  throw err;
}
