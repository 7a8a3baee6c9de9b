import { Injectable } from '@nestjs/common';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { ListPlan } from '../shared/list/list-plan';
import { ListRepository, Page } from '../shared/list/list.repository';
import { SqlQuery } from '../shared/list/list-sql';
import { FieldValues, insertSql, selectByIdSql, setDeletedSql, updateSql } from '../shared/record-sql';
import { queryRows } from '../shared/tenant-sql';
import { BoardColumn, PipelineRecord } from './dto/pipeline.dto';
import { PIPELINE_LIST } from './pipelines.list';

/** SQL of tb_funil and of the pipeline board, inside the caller's tenant transaction. */
@Injectable()
export class PipelinesRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly lists: ListRepository,
  ) {}

  findPage(plan: ListPlan): Promise<Page<PipelineRecord>> {
    return this.lists.findPage<PipelineRecord>(PIPELINE_LIST, plan);
  }

  findById(id: string, opts: { includeDeleted?: boolean; forUpdate?: boolean } = {}): Promise<PipelineRecord | null> {
    return this.one(selectByIdSql(PIPELINE_LIST, id, opts));
  }

  /** The live default pipeline (where deals created without pipelineId go). */
  async findDefault(): Promise<PipelineRecord | null> {
    const rows = await this.db.query<{ id: string }>('SELECT id FROM tb_funil WHERE padrao AND excluido_em IS NULL LIMIT 1');
    return rows.length ? this.findById(rows[0].id) : null;
  }

  async insert(values: FieldValues): Promise<PipelineRecord> {
    return (await this.one(insertSql(PIPELINE_LIST, values)))!;
  }

  /** null when no live row has that id at that version. An empty change only bumps the version (its stages changed). */
  update(id: string, version: number, changes: FieldValues): Promise<PipelineRecord | null> {
    return this.one(updateSql(PIPELINE_LIST, id, version, changes));
  }

  setDeleted(id: string, deleted: boolean, version: number | null): Promise<PipelineRecord | null> {
    return this.one(setDeletedSql(PIPELINE_LIST, id, deleted, version));
  }

  /** Takes the default flag from every other live pipeline; returns them with their previous version. */
  clearDefaultExcept(id: string | null): Promise<{ id: string; version: number }[]> {
    return queryRows(this.db, {
      text:
        'UPDATE tb_funil SET padrao = false, versao = versao + 1, atualizado_em = now()' +
        ' WHERE padrao AND excluido_em IS NULL AND ($1::uuid IS NULL OR id <> $1::uuid) RETURNING id, versao - 1 AS version',
      values: [id],
    });
  }

  /** Live deals in the pipeline (every deal: only full-view roles administer pipelines). */
  async countLiveOpportunities(pipelineId: string): Promise<number> {
    const rows = await this.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM tb_oportunidade WHERE funil_id = $1::uuid AND excluido_em IS NULL',
      [pipelineId],
    );
    return rows[0].n;
  }

  /**
   * One column per live stage with the count, amount and weighted amount of the OPEN deals in it. RLS on
   * tb_oportunidade decides which deals count, so a seller's board sums only what the seller may see.
   */
  findBoardColumns(pipelineId: string, ownerId: string | null): Promise<BoardColumn[]> {
    return this.db.query<BoardColumn>(
      `SELECT e.id, e.nome AS name, e.ordem AS "order", e.probabilidade AS probability, e.tipo AS type, e.cor AS color,
              e.dias_estagnacao AS "stagnationDays", count(o.id)::int AS count,
              coalesce(sum(o.valor), 0)::float8 AS sum, coalesce(sum(o.valor_ponderado), 0)::float8 AS "weightedSum"
         FROM tb_etapa e
         LEFT JOIN tb_oportunidade o ON o.etapa_id = e.id AND o.funil_id = e.funil_id AND o.status = 'aberto'
                                    AND o.excluido_em IS NULL AND ($2::uuid IS NULL OR o.owner_id = $2::uuid)
        WHERE e.funil_id = $1::uuid AND e.excluido_em IS NULL
        GROUP BY e.id
        ORDER BY e.ordem, e.criado_em, e.id`,
      [pipelineId, ownerId],
    );
  }

  private async one(q: SqlQuery): Promise<PipelineRecord | null> {
    return (await queryRows<PipelineRecord>(this.db, q))[0] ?? null;
  }
}
