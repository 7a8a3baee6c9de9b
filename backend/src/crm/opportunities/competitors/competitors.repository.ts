import { Injectable } from '@nestjs/common';
import { TenantDb } from '../../../tenancy/tenant-transaction';
import { ListPlan } from '../../shared/list/list-plan';
import { ListRepository, Page } from '../../shared/list/list.repository';
import { SqlQuery } from '../../shared/list/list-sql';
import { setDeletedPlainSql, updatePlainSql } from '../../shared/plain-record-sql';
import { FieldValues, insertSql, selectByIdSql } from '../../shared/record-sql';
import { queryRows } from '../../shared/tenant-sql';
import { COMPETITOR_LIST } from './competitors.list';
import { CompetitorRecord } from './dto/competitor.dto';

/** SQL of tb_concorrente (a lookup: tenant RLS only), inside the caller's tenant transaction. */
@Injectable()
export class CompetitorsRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly lists: ListRepository,
  ) {}

  findPage(plan: ListPlan): Promise<Page<CompetitorRecord>> {
    return this.lists.findPage<CompetitorRecord>(COMPETITOR_LIST, plan);
  }

  findById(id: string, opts: { includeDeleted?: boolean; forUpdate?: boolean } = {}): Promise<CompetitorRecord | null> {
    return this.one(selectByIdSql(COMPETITOR_LIST, id, opts));
  }

  /** Another live competitor with the same name, ignoring case (ux_concorrente_nome). */
  async findByName(name: string, excludeId: string | null): Promise<{ id: string } | null> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM tb_concorrente
        WHERE lower(nome) = lower($1::text) AND excluido_em IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid) LIMIT 1`,
      [name, excludeId],
    );
    return rows[0] ?? null;
  }

  async insert(values: FieldValues): Promise<CompetitorRecord> {
    return (await this.one(insertSql(COMPETITOR_LIST, values)))!;
  }

  update(id: string, changes: FieldValues): Promise<CompetitorRecord | null> {
    return this.one(updatePlainSql(COMPETITOR_LIST, id, changes));
  }

  setDeleted(id: string, deleted: boolean): Promise<CompetitorRecord | null> {
    return this.one(setDeletedPlainSql(COMPETITOR_LIST, id, deleted));
  }

  private async one(q: SqlQuery): Promise<CompetitorRecord | null> {
    return (await queryRows<CompetitorRecord>(this.db, q))[0] ?? null;
  }
}
