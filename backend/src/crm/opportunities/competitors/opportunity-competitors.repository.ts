import { Injectable } from '@nestjs/common';
import { TenantDb } from '../../../tenancy/tenant-transaction';
import { SqlQuery } from '../../shared/list/list-sql';
import { deleteSql, updatePlainSql } from '../../shared/plain-record-sql';
import { FieldValues, insertSql } from '../../shared/record-sql';
import { queryRows } from '../../shared/tenant-sql';
import { OpportunityCompetitorRecord } from './dto/opportunity-competitor.dto';
import { MAX_COMPETITORS, OPPORTUNITY_COMPETITOR_LIST } from './opportunity-competitors.list';

/** SQL of tb_oportunidade_concorrente (RLS: visible and writable when the deal is). */
@Injectable()
export class OpportunityCompetitorsRepository {
  constructor(private readonly db: TenantDb) {}

  findByOpportunity(opportunityId: string): Promise<OpportunityCompetitorRecord[]> {
    return this.db.query<OpportunityCompetitorRecord>(
      `SELECT ${OPPORTUNITY_COMPETITOR_LIST.selectList()} FROM tb_oportunidade_concorrente
        WHERE oportunidade_id = $1::uuid ORDER BY criado_em, id LIMIT ${MAX_COMPETITORS}`,
      [opportunityId],
    );
  }

  async insert(values: FieldValues): Promise<OpportunityCompetitorRecord> {
    return (await this.one(insertSql(OPPORTUNITY_COMPETITOR_LIST, values)))!;
  }

  async update(id: string, changes: FieldValues): Promise<OpportunityCompetitorRecord> {
    return (await this.one(updatePlainSql(OPPORTUNITY_COMPETITOR_LIST, id, changes)))!;
  }

  /** Unmarks the deal's winner, if any other than keepId (before marking keepId: ux_oportunidade_concorrente_vencedor). */
  async clearWinner(opportunityId: string, keepId: string | null): Promise<void> {
    await this.db.query(
      `UPDATE tb_oportunidade_concorrente SET vencedor = false, atualizado_em = now()
        WHERE oportunidade_id = $1::uuid AND vencedor AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [opportunityId, keepId],
    );
  }

  async delete(id: string): Promise<void> {
    await queryRows(this.db, deleteSql(OPPORTUNITY_COMPETITOR_LIST, id));
  }

  private async one(q: SqlQuery): Promise<OpportunityCompetitorRecord | null> {
    return (await queryRows<OpportunityCompetitorRecord>(this.db, q))[0] ?? null;
  }
}
