import { Injectable } from '@nestjs/common';
import { TenantDb } from '../../../tenancy/tenant-transaction';
import { ListPlan } from '../../shared/list/list-plan';
import { ListRepository, Page } from '../../shared/list/list.repository';
import { SqlQuery } from '../../shared/list/list-sql';
import { deleteSql, updatePlainSql } from '../../shared/plain-record-sql';
import { FieldValues, insertSql, selectByIdSql, setDeletedSql, updateSql } from '../../shared/record-sql';
import { queryRows } from '../../shared/tenant-sql';
import { PriceListItemRecord, PriceListRecord } from './dto/price-list.dto';
import { PRICE_LIST_ITEM_LIST, PRICE_LIST_LIST } from './price-lists.list';

/** SQL of tb_tabela_preco and tb_tabela_preco_item, inside the caller's tenant transaction. */
@Injectable()
export class PriceListsRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly lists: ListRepository,
  ) {}

  findPage(plan: ListPlan): Promise<Page<PriceListRecord>> {
    return this.lists.findPage<PriceListRecord>(PRICE_LIST_LIST, plan);
  }

  findById(id: string, opts: { includeDeleted?: boolean; forUpdate?: boolean } = {}): Promise<PriceListRecord | null> {
    return this.one<PriceListRecord>(selectByIdSql(PRICE_LIST_LIST, id, opts));
  }

  async insert(values: FieldValues): Promise<PriceListRecord> {
    return (await this.one<PriceListRecord>(insertSql(PRICE_LIST_LIST, values)))!;
  }

  update(id: string, version: number, changes: FieldValues): Promise<PriceListRecord | null> {
    return this.one(updateSql(PRICE_LIST_LIST, id, version, changes));
  }

  setDeleted(id: string, deleted: boolean, version: number | null): Promise<PriceListRecord | null> {
    return this.one(setDeletedSql(PRICE_LIST_LIST, id, deleted, version));
  }

  /** Takes the default flag from every other live price list; returns them. */
  clearDefaultExcept(id: string | null): Promise<{ id: string }[]> {
    return queryRows(this.db, {
      text:
        'UPDATE tb_tabela_preco SET padrao = false, versao = versao + 1, atualizado_em = now()' +
        ' WHERE padrao AND excluido_em IS NULL AND ($1::uuid IS NULL OR id <> $1::uuid) RETURNING id',
      values: [id],
    });
  }

  findItemsPage(priceListId: string, plan: ListPlan): Promise<Page<PriceListItemRecord>> {
    return this.lists.findPage<PriceListItemRecord>(PRICE_LIST_ITEM_LIST, plan, [{ column: 'tabela_preco_id', value: priceListId, pgType: 'uuid' }]);
  }

  async findItem(priceListId: string, itemId: string): Promise<PriceListItemRecord | null> {
    const rows = await this.db.query<PriceListItemRecord>(
      `SELECT ${PRICE_LIST_ITEM_LIST.selectList()} FROM tb_tabela_preco_item WHERE id = $1::uuid AND tabela_preco_id = $2::uuid`,
      [itemId, priceListId],
    );
    return rows[0] ?? null;
  }

  /** The entry of this product at this volume tier, if any (unique per list, product, tier). */
  async findItemByTier(priceListId: string, productId: string, minQuantity: number): Promise<{ id: string } | null> {
    const rows = await this.db.query<{ id: string }>(
      'SELECT id FROM tb_tabela_preco_item WHERE tabela_preco_id = $1::uuid AND produto_id = $2::uuid AND quantidade_minima = $3::numeric',
      [priceListId, productId, minQuantity],
    );
    return rows[0] ?? null;
  }

  async insertItem(values: FieldValues): Promise<PriceListItemRecord> {
    return (await this.one<PriceListItemRecord>(insertSql(PRICE_LIST_ITEM_LIST, values)))!;
  }

  async updateItem(id: string, changes: FieldValues): Promise<PriceListItemRecord> {
    return (await this.one<PriceListItemRecord>(updatePlainSql(PRICE_LIST_ITEM_LIST, id, changes)))!;
  }

  async deleteItem(id: string): Promise<void> {
    await queryRows(this.db, deleteSql(PRICE_LIST_ITEM_LIST, id));
  }

  private async one<T>(q: SqlQuery): Promise<T | null> {
    return (await queryRows<T>(this.db, q))[0] ?? null;
  }
}
