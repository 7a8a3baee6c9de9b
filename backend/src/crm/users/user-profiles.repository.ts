import { Injectable } from '@nestjs/common';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { ListPlan } from '../shared/list/list-plan';
import { ListRepository, Page } from '../shared/list/list.repository';
import { SqlQuery } from '../shared/list/list-sql';
import { updatePlainSql } from '../shared/plain-record-sql';
import { FieldValues, selectByIdSql } from '../shared/record-sql';
import { queryRows } from '../shared/tenant-sql';
import { UserRecord } from './dto/user.dto';
import { USER_LIST } from './users.list';

/** SQL of tb_usuario, the tenant-local profile of each member (same id as the platform user). */
@Injectable()
export class UserProfilesRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly lists: ListRepository,
  ) {}

  findPage(plan: ListPlan): Promise<Page<UserRecord>> {
    return this.lists.findPage<UserRecord>(USER_LIST, plan);
  }

  findById(id: string, opts: { forUpdate?: boolean } = {}): Promise<UserRecord | null> {
    return this.one(selectByIdSql(USER_LIST, id, opts));
  }

  update(id: string, changes: FieldValues): Promise<UserRecord | null> {
    return this.one(updatePlainSql(USER_LIST, id, changes));
  }

  /** Creates the profile of a new member, or brings back a former member's (same id), active. */
  async upsert(p: Omit<UserRecord, 'active' | 'createdAt' | 'updatedAt'>): Promise<UserRecord> {
    const rows = await queryRows<UserRecord>(this.db, {
      text: `INSERT INTO tb_usuario (id, nome, email, papel, equipe_id, cargo, telefone, fuso_horario, idioma)
             VALUES ($1::uuid, $2::text, $3::text, $4::text, $5::uuid, $6::text, $7::text, $8::text, $9::text)
             ON CONFLICT (id) DO UPDATE
               SET nome = EXCLUDED.nome, email = EXCLUDED.email, papel = EXCLUDED.papel, equipe_id = EXCLUDED.equipe_id, cargo = EXCLUDED.cargo,
                   telefone = EXCLUDED.telefone, fuso_horario = EXCLUDED.fuso_horario, idioma = EXCLUDED.idioma, ativo = true, atualizado_em = now()
             RETURNING ${USER_LIST.selectList()}`,
      values: [p.id, p.name, p.email, p.role, p.teamId, p.jobTitle, p.phone, p.timeZone, p.language],
    });
    return rows[0];
  }

  private async one(q: SqlQuery): Promise<UserRecord | null> {
    return (await queryRows<UserRecord>(this.db, q))[0] ?? null;
  }
}
