import { Injectable } from '@nestjs/common';
import { DEFAULT_TIME_ZONE } from '../../common/br';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { ListPlan } from '../shared/list/list-plan';
import { ListRepository, Page } from '../shared/list/list.repository';
import { SqlQuery } from '../shared/list/list-sql';
import { FieldValues, insertSql, selectByIdSql, setDeletedSql, updateSql } from '../shared/record-sql';
import { queryRows } from '../shared/tenant-sql';
import { ProductRecord } from './dto/product.dto';
import { PRODUCT_LIST } from './products.list';

/** SQL of tb_produto (catalog: tenant RLS only), inside the caller's tenant transaction. */
@Injectable()
export class ProductsRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly lists: ListRepository,
  ) {}

  findPage(plan: ListPlan): Promise<Page<ProductRecord>> {
    return this.lists.findPage<ProductRecord>(PRODUCT_LIST, plan);
  }

  findById(id: string, opts: { includeDeleted?: boolean; forUpdate?: boolean } = {}): Promise<ProductRecord | null> {
    return this.one(selectByIdSql(PRODUCT_LIST, id, opts));
  }

  async insert(values: FieldValues): Promise<ProductRecord> {
    return (await this.one(insertSql(PRODUCT_LIST, values)))!;
  }

  update(id: string, version: number, changes: FieldValues): Promise<ProductRecord | null> {
    return this.one(updateSql(PRODUCT_LIST, id, version, changes));
  }

  setDeleted(id: string, deleted: boolean, version: number | null): Promise<ProductRecord | null> {
    return this.one(setDeletedSql(PRODUCT_LIST, id, deleted, version));
  }

  /** A live product with this SKU (other than excludeId). */
  async findBySku(sku: string, excludeId: string | null): Promise<{ id: string } | null> {
    const rows = await this.db.query<{ id: string }>(
      'SELECT id FROM tb_produto WHERE codigo = $1::text AND excluido_em IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid) LIMIT 1',
      [sku, excludeId],
    );
    return rows[0] ?? null;
  }

  /**
   * The unit price of a live product for a quantity: the price list's best volume tier (the given list, else the
   * default one) if the list is active and in force today (tenant time zone), else the product's list price.
   * null when the product does not exist or was deleted; price null when it has none.
   */
  async findUnitPrice(productId: string, quantity: number, priceListId: string | null): Promise<{ active: boolean; price: string | null } | null> {
    const rows = await this.db.query<{ active: boolean; price: string | null }>(
      `SELECT p.ativo AS active,
              coalesce((SELECT i.preco FROM tb_tabela_preco_item i JOIN tb_tabela_preco t ON t.id = i.tabela_preco_id
                         WHERE i.produto_id = p.id AND i.quantidade_minima <= $2::numeric
                           AND t.excluido_em IS NULL AND t.ativo AND (CASE WHEN $3::uuid IS NULL THEN t.padrao ELSE t.id = $3::uuid END)
                           AND coalesce(t.vigencia_inicio <= (now() AT TIME ZONE $4::text)::date, true)
                           AND coalesce(t.vigencia_fim >= (now() AT TIME ZONE $4::text)::date, true)
                         ORDER BY i.quantidade_minima DESC LIMIT 1), p.preco)::text AS price
         FROM tb_produto p WHERE p.id = $1::uuid AND p.excluido_em IS NULL`,
      [productId, quantity, priceListId, DEFAULT_TIME_ZONE],
    );
    return rows[0] ?? null;
  }

  private async one(q: SqlQuery): Promise<ProductRecord | null> {
    return (await queryRows<ProductRecord>(this.db, q))[0] ?? null;
  }
}
