import { Injectable } from '@nestjs/common';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { ListPlan } from '../shared/list/list-plan';
import { ListRepository, Page } from '../shared/list/list.repository';
import { SqlQuery } from '../shared/list/list-sql';
import { FieldValues, insertSql, selectByIdSql, setDeletedSql, updateSql } from '../shared/record-sql';
import { queryRows } from '../shared/tenant-sql';
import { ACTIVITY_LIST } from './activities.list';
import { ActivityRecord, ParticipantRecord } from './dto/activity.dto';

/** SQL of tb_atividade and its participants, inside the caller's tenant transaction (RLS applies). */
@Injectable()
export class ActivitiesRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly lists: ListRepository,
  ) {}

  findPage(plan: ListPlan): Promise<Page<ActivityRecord>> {
    return this.lists.findPage<ActivityRecord>(ACTIVITY_LIST, plan);
  }

  findById(id: string, opts: { includeDeleted?: boolean; forUpdate?: boolean } = {}): Promise<ActivityRecord | null> {
    return this.one(selectByIdSql(ACTIVITY_LIST, id, opts));
  }

  async insert(values: FieldValues): Promise<ActivityRecord> {
    return (await this.one(insertSql(ACTIVITY_LIST, values)))!;
  }

  /** null when no live row has that id at that version (the caller tells 404 from 409). */
  update(id: string, version: number, changes: FieldValues): Promise<ActivityRecord | null> {
    return this.one(updateSql(ACTIVITY_LIST, id, version, changes));
  }

  setDeleted(id: string, deleted: boolean, version: number | null): Promise<ActivityRecord | null> {
    return this.one(setDeletedSql(ACTIVITY_LIST, id, deleted, version));
  }

  /** Replaces the participants of an activity (one DELETE, one INSERT from arrays). */
  async replaceParticipants(activityId: string, participants: ParticipantRecord[]): Promise<void> {
    await this.db.query('DELETE FROM tb_atividade_participante WHERE atividade_id = $1::uuid', [activityId]);
    if (!participants.length) return;
    await this.db.query(
      `INSERT INTO tb_atividade_participante (atividade_id, usuario_id, contato_id, email, resposta, presente)
       SELECT $1::uuid, u, c, e, r, p FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::bool[]) AS x(u, c, e, r, p)`,
      [
        activityId,
        participants.map((p) => p.userId),
        participants.map((p) => p.contactId),
        participants.map((p) => p.email),
        participants.map((p) => p.response),
        participants.map((p) => p.attended),
      ],
    );
  }

  /** Keeps tb_contato.ultima_atividade_em ("last activity") moving forward; not a user edit, so no new version. */
  async touchContactLastActivity(contactId: string): Promise<void> {
    await this.db.query(
      `UPDATE tb_contato SET ultima_atividade_em = now()
        WHERE id = $1::uuid AND excluido_em IS NULL AND (ultima_atividade_em IS NULL OR ultima_atividade_em < now())`,
      [contactId],
    );
  }

  /** The caller's own time zone (tb_usuario.fuso_horario), null when it is the tenant default. */
  async userTimeZone(userId: string): Promise<string | null> {
    const rows = await this.db.query<{ tz: string | null }>('SELECT fuso_horario AS tz FROM tb_usuario WHERE id = $1::uuid', [userId]);
    return rows[0]?.tz ?? null;
  }

  private async one(q: SqlQuery): Promise<ActivityRecord | null> {
    return (await queryRows<ActivityRecord>(this.db, q))[0] ?? null;
  }
}
