import { Injectable } from '@nestjs/common';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { SqlQuery } from '../shared/list/list-sql';
import { deleteSql, updatePlainSql } from '../shared/plain-record-sql';
import { FieldValues, insertSql } from '../shared/record-sql';
import { queryRows } from '../shared/tenant-sql';
import { OpportunityItemRecord } from './dto/opportunity-item.dto';
import { MAX_ITEMS, OPPORTUNITY_ITEM_LIST } from './opportunity-items.list';

export interface ItemTotals {
  subtotal: number;
  total: number;
}

/** SQL of tb_oportunidade_produto (RLS: visible and writable when the deal is). */
@Injectable()
export class OpportunityItemsRepository {
  constructor(private readonly db: TenantDb) {}

  findByOpportunity(opportunityId: string): Promise<OpportunityItemRecord[]> {
    return this.db.query<OpportunityItemRecord>(
      `SELECT ${OPPORTUNITY_ITEM_LIST.selectList()} FROM tb_oportunidade_produto
        WHERE oportunidade_id = $1::uuid ORDER BY ordem, criado_em, id LIMIT ${MAX_ITEMS}`,
      [opportunityId],
    );
  }

  /** Gross (quantity × unit price, per line rounded to centavos) and net totals, summed exactly in numeric. */
  async totals(opportunityId: string): Promise<ItemTotals> {
    const rows = await this.db.query<ItemTotals>(
      `SELECT coalesce(sum(round(quantidade * preco_unitario, 2)), 0)::float8 AS subtotal, coalesce(sum(valor_total), 0)::float8 AS total
         FROM tb_oportunidade_produto WHERE oportunidade_id = $1::uuid`,
      [opportunityId],
    );
    return rows[0];
  }

  async insert(values: FieldValues): Promise<OpportunityItemRecord> {
    return (await this.one(insertSql(OPPORTUNITY_ITEM_LIST, values)))!;
  }

  async update(id: string, changes: FieldValues): Promise<OpportunityItemRecord> {
    return (await this.one(updatePlainSql(OPPORTUNITY_ITEM_LIST, id, changes)))!;
  }

  async delete(id: string): Promise<void> {
    await queryRows(this.db, deleteSql(OPPORTUNITY_ITEM_LIST, id));
  }

  private async one(q: SqlQuery): Promise<OpportunityItemRecord | null> {
    return (await queryRows<OpportunityItemRecord>(this.db, q))[0] ?? null;
  }
}
