import { Injectable } from '@nestjs/common';
import { TenantDb } from '../../../tenancy/tenant-transaction';
import { ListPlan } from '../../shared/list/list-plan';
import { ListRepository, Page } from '../../shared/list/list.repository';
import { SqlQuery } from '../../shared/list/list-sql';
import { updatePlainSql } from '../../shared/plain-record-sql';
import { FieldValues, insertSql, selectByIdSql } from '../../shared/record-sql';
import { queryRows } from '../../shared/tenant-sql';
import { LossReasonRecord } from './dto/loss-reason.dto';
import { LOSS_REASON_LIST } from './loss-reasons.list';

/** SQL of tb_motivo_perda, inside the caller's tenant transaction. */
@Injectable()
export class LossReasonsRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly lists: ListRepository,
  ) {}

  findPage(plan: ListPlan): Promise<Page<LossReasonRecord>> {
    return this.lists.findPage<LossReasonRecord>(LOSS_REASON_LIST, plan);
  }

  findById(id: string, opts: { forUpdate?: boolean } = {}): Promise<LossReasonRecord | null> {
    return this.one(selectByIdSql(LOSS_REASON_LIST, id, opts));
  }

  /** Another reason with the same name, ignoring case (ux_motivo_perda_nome). */
  async findByName(name: string, excludeId: string | null): Promise<{ id: string } | null> {
    const rows = await this.db.query<{ id: string }>(
      'SELECT id FROM tb_motivo_perda WHERE lower(nome) = lower($1::text) AND ($2::uuid IS NULL OR id <> $2::uuid) LIMIT 1',
      [name, excludeId],
    );
    return rows[0] ?? null;
  }

  async insert(values: FieldValues): Promise<LossReasonRecord> {
    return (await this.one(insertSql(LOSS_REASON_LIST, values)))!;
  }

  async update(id: string, changes: FieldValues): Promise<LossReasonRecord> {
    return (await this.one(updatePlainSql(LOSS_REASON_LIST, id, changes)))!;
  }

  private async one(q: SqlQuery): Promise<LossReasonRecord | null> {
    return (await queryRows<LossReasonRecord>(this.db, q))[0] ?? null;
  }
}
