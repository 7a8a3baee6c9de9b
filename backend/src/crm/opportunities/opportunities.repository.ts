import { Injectable } from '@nestjs/common';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { ListPlan } from '../shared/list/list-plan';
import { ListRepository, Page } from '../shared/list/list.repository';
import { SqlQuery } from '../shared/list/list-sql';
import { FieldValues, insertSql, selectByIdSql, setDeletedSql, updateSql } from '../shared/record-sql';
import { RecordTagsRepository } from '../shared/record-tags.repository';
import { queryRows } from '../shared/tenant-sql';
import { OpportunityRecord, StageChangeRecord } from './dto/opportunity.dto';
import { OPPORTUNITY_LIST, STAGE_HISTORY_LIST } from './opportunities.list';

/** SQL of tb_oportunidade and its stage history, inside the caller's tenant transaction (RLS applies). */
@Injectable()
export class OpportunitiesRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly lists: ListRepository,
    private readonly tags: RecordTagsRepository,
  ) {}

  findPage(plan: ListPlan): Promise<Page<OpportunityRecord>> {
    return this.lists.findPage<OpportunityRecord>(OPPORTUNITY_LIST, plan);
  }

  findById(id: string, opts: { includeDeleted?: boolean; forUpdate?: boolean } = {}): Promise<OpportunityRecord | null> {
    return this.one(selectByIdSql(OPPORTUNITY_LIST, id, opts));
  }

  async insert(values: FieldValues): Promise<OpportunityRecord> {
    return (await this.one(insertSql(OPPORTUNITY_LIST, values)))!;
  }

  /** null when no live row has that id at that version (the caller tells 404 from 409). */
  update(id: string, version: number, changes: FieldValues): Promise<OpportunityRecord | null> {
    return this.one(updateSql(OPPORTUNITY_LIST, id, version, changes));
  }

  setDeleted(id: string, deleted: boolean, version: number | null): Promise<OpportunityRecord | null> {
    return this.one(setDeletedSql(OPPORTUNITY_LIST, id, deleted, version));
  }

  replaceTags(id: string, names: string[]): Promise<void> {
    return this.tags.replace('oportunidade_id', id, names);
  }

  /** One row of tb_oportunidade_historico: the deal as it is now, coming from fromStageId (null on creation). */
  async insertStageChange(deal: OpportunityRecord, fromStageId: string | null, userId: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO tb_oportunidade_historico (oportunidade_id, etapa_anterior_id, etapa_nova_id, status, valor, probabilidade, usuario_id)
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::text, $5::numeric, $6::int2, $7::uuid)`,
      [deal.id, fromStageId, deal.stageId, deal.status, deal.amount, deal.probability, userId],
    );
  }

  findStageChanges(opportunityId: string, plan: ListPlan): Promise<Page<StageChangeRecord>> {
    return this.lists.findPage<StageChangeRecord>(STAGE_HISTORY_LIST, plan, [{ column: 'oportunidade_id', value: opportunityId, pgType: 'uuid' }]);
  }

  async hasItems(opportunityId: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM tb_oportunidade_produto WHERE oportunidade_id = $1::uuid LIMIT 1', [opportunityId]);
    return rows.length > 0;
  }

  async isActiveLossReason(id: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM tb_motivo_perda WHERE id = $1::uuid AND ativo', [id]);
    return rows.length > 0;
  }

  /** Total of the deal's line items, exact (numeric as text). */
  async itemsTotal(opportunityId: string): Promise<string> {
    const rows = await this.db.query<{ total: string }>(
      'SELECT coalesce(sum(valor_total), 0)::text AS total FROM tb_oportunidade_produto WHERE oportunidade_id = $1::uuid',
      [opportunityId],
    );
    return rows[0].total;
  }

  private async one(q: SqlQuery): Promise<OpportunityRecord | null> {
    return (await queryRows<OpportunityRecord>(this.db, q))[0] ?? null;
  }
}
