import { Injectable } from '@nestjs/common';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { SqlQuery } from '../shared/list/list-sql';
import { setDeletedPlainSql, updatePlainSql } from '../shared/plain-record-sql';
import { FieldValues, insertSql } from '../shared/record-sql';
import { queryRows } from '../shared/tenant-sql';
import { StageRecord } from './dto/pipeline.dto';
import { STAGE_LIST, StageType } from './pipelines.list';

/** A live stage with what a deal needs to enter it: its pipeline, and whether that pipeline takes new deals. */
export interface StageWithPipeline extends StageRecord {
  pipelineId: string;
  pipelineActive: boolean;
}

/** SQL of tb_etapa (stages have no versao: writes lock their pipeline row first). Also read by the deals. */
@Injectable()
export class StagesRepository {
  constructor(private readonly db: TenantDb) {}

  /** A live stage of a live pipeline. */
  async findLive(id: string): Promise<StageWithPipeline | null> {
    const rows = await this.db.query<StageWithPipeline>(
      // The select list names stage columns unqualified: the pipeline's columns get names of their own.
      `SELECT ${STAGE_LIST.selectList()}, f.pipeline_active AS "pipelineActive" FROM tb_etapa
         JOIN (SELECT id AS pipeline_id, ativo AS pipeline_active FROM tb_funil WHERE excluido_em IS NULL) f ON f.pipeline_id = tb_etapa.funil_id
        WHERE tb_etapa.id = $1::uuid AND tb_etapa.excluido_em IS NULL`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The first open stage of a live pipeline (where new deals start), or the one ganho/perdido stage. */
  async findFirstOfType(pipelineId: string, type: StageType): Promise<StageWithPipeline | null> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM tb_etapa WHERE funil_id = $1::uuid AND tipo = $2::text AND excluido_em IS NULL ORDER BY ordem, criado_em, id LIMIT 1`,
      [pipelineId, type],
    );
    return rows.length ? this.findLive(rows[0].id) : null;
  }

  async insert(values: FieldValues): Promise<StageRecord> {
    return (await this.one(insertSql(STAGE_LIST, values)))!;
  }

  update(id: string, changes: FieldValues): Promise<StageRecord | null> {
    return this.one(updatePlainSql(STAGE_LIST, id, changes));
  }

  setDeleted(id: string, deleted: boolean): Promise<StageRecord | null> {
    return this.one(setDeletedPlainSql(STAGE_LIST, id, deleted));
  }

  /** Numbers the pipeline's stages 1..n in the given order; returns the stages whose position changed. */
  setOrder(pipelineId: string, stageIds: string[]): Promise<{ id: string; from: number; to: number }[]> {
    return queryRows(this.db, {
      text: `UPDATE tb_etapa e SET ordem = u.pos, atualizado_em = now()
               FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, pos), tb_etapa old
              WHERE e.id = u.id AND old.id = e.id AND e.funil_id = $1::uuid AND e.ordem <> u.pos
              RETURNING e.id, old.ordem AS "from", e.ordem AS "to"`,
      values: [pipelineId, stageIds],
    });
  }

  /** Live deals in the stage (every deal: only full-view roles administer stages). */
  async countOpportunities(stageId: string): Promise<number> {
    const rows = await this.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM tb_oportunidade WHERE etapa_id = $1::uuid AND excluido_em IS NULL',
      [stageId],
    );
    return rows[0].n;
  }

  private async one(q: SqlQuery): Promise<StageRecord | null> {
    return (await queryRows<StageRecord>(this.db, q))[0] ?? null;
  }
}
