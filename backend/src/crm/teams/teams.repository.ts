import { Injectable } from '@nestjs/common';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { ListPlan } from '../shared/list/list-plan';
import { ListRepository, Page } from '../shared/list/list.repository';
import { SqlQuery } from '../shared/list/list-sql';
import { setDeletedPlainSql, updatePlainSql } from '../shared/plain-record-sql';
import { FieldValues, insertSql, selectByIdSql } from '../shared/record-sql';
import { queryRows } from '../shared/tenant-sql';
import { TeamRecord } from './dto/team.dto';
import { TEAM_LIST } from './teams.list';

/** SQL of tb_equipe, inside the caller's tenant transaction. Members are written through UserProfilesRepository. */
@Injectable()
export class TeamsRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly lists: ListRepository,
  ) {}

  findPage(plan: ListPlan): Promise<Page<TeamRecord>> {
    return this.lists.findPage<TeamRecord>(TEAM_LIST, plan);
  }

  findById(id: string, opts: { includeDeleted?: boolean; forUpdate?: boolean } = {}): Promise<TeamRecord | null> {
    return this.one(selectByIdSql(TEAM_LIST, id, opts));
  }

  async insert(values: FieldValues): Promise<TeamRecord> {
    return (await this.one(insertSql(TEAM_LIST, values)))!;
  }

  update(id: string, changes: FieldValues): Promise<TeamRecord | null> {
    return this.one(updatePlainSql(TEAM_LIST, id, changes));
  }

  setDeleted(id: string, deleted: boolean): Promise<TeamRecord | null> {
    return this.one(setDeletedPlainSql(TEAM_LIST, id, deleted));
  }

  private async one(q: SqlQuery): Promise<TeamRecord | null> {
    return (await queryRows<TeamRecord>(this.db, q))[0] ?? null;
  }
}
