import { Injectable } from '@nestjs/common';
import { TenantDb } from '../../../tenancy/tenant-transaction';
import { ListPlan } from '../../shared/list/list-plan';
import { ListRepository, Page } from '../../shared/list/list.repository';
import { SqlQuery } from '../../shared/list/list-sql';
import { setDeletedPlainSql, updatePlainSql } from '../../shared/plain-record-sql';
import { FieldValues, insertSql, selectByIdSql } from '../../shared/record-sql';
import { queryRows } from '../../shared/tenant-sql';
import { CATEGORY_LIST } from './categories.list';
import { CategoryRecord } from './dto/category.dto';

/** SQL of tb_categoria_produto, inside the caller's tenant transaction. */
@Injectable()
export class CategoriesRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly lists: ListRepository,
  ) {}

  findPage(plan: ListPlan): Promise<Page<CategoryRecord>> {
    return this.lists.findPage<CategoryRecord>(CATEGORY_LIST, plan);
  }

  findById(id: string, opts: { includeDeleted?: boolean; forUpdate?: boolean } = {}): Promise<CategoryRecord | null> {
    return this.one(selectByIdSql(CATEGORY_LIST, id, opts));
  }

  async insert(values: FieldValues): Promise<CategoryRecord> {
    return (await this.one(insertSql(CATEGORY_LIST, values)))!;
  }

  update(id: string, changes: FieldValues): Promise<CategoryRecord | null> {
    return this.one(updatePlainSql(CATEGORY_LIST, id, changes));
  }

  setDeleted(id: string, deleted: boolean): Promise<CategoryRecord | null> {
    return this.one(setDeletedPlainSql(CATEGORY_LIST, id, deleted));
  }

  /** True when candidateId is categoryId itself or one of its descendants (a parent there would make a cycle). */
  async isSelfOrDescendant(categoryId: string, candidateId: string): Promise<boolean> {
    const rows = await this.db.query(
      `WITH RECURSIVE sub AS (
         SELECT id FROM tb_categoria_produto WHERE id = $1::uuid
         UNION
         SELECT c.id FROM tb_categoria_produto c JOIN sub ON c.categoria_pai_id = sub.id
       ) SELECT 1 FROM sub WHERE id = $2::uuid`,
      [categoryId, candidateId],
    );
    return rows.length > 0;
  }

  /** What still uses a category: live products and live subcategories. */
  async usage(id: string): Promise<{ products: number; subcategories: number }> {
    const rows = await this.db.query<{ products: number; subcategories: number }>(
      `SELECT (SELECT count(*) FROM tb_produto WHERE categoria_id = $1::uuid AND excluido_em IS NULL)::int AS products,
              (SELECT count(*) FROM tb_categoria_produto WHERE categoria_pai_id = $1::uuid AND excluido_em IS NULL)::int AS subcategories`,
      [id],
    );
    return rows[0];
  }

  private async one(q: SqlQuery): Promise<CategoryRecord | null> {
    return (await queryRows<CategoryRecord>(this.db, q))[0] ?? null;
  }
}
