import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../../common/domain-error';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { AuditService, HistoryItem } from '../audit/audit.service';
import { invalidField } from '../shared/field-errors';
import { parseListQuery, RawQuery } from '../shared/list/list-plan';
import { Page } from '../shared/list/list.repository';
import { changedFields, sentFields } from '../shared/record-changes';
import { expectedVersion, requiredVersion, versionConflict } from '../shared/version';
import { Board, PipelineRecord } from './dto/pipeline.dto';
import { BoardQueryDto, CreatePipelineDto, StageInputDto, UpdatePipelineDto } from './dto/pipeline-write.dto';
import { DEFAULT_STAGES, PIPELINE_LIST, PIPELINE_WRITABLE } from './pipelines.list';
import { PipelinesRepository } from './pipelines.repository';
import { assertStageTypes, defaultProbability } from './stage-rules';
import { StagesRepository } from './stages.repository';

const AUDITED = [...PIPELINE_WRITABLE, 'stages'];

export const pipelineNotFound = (id: string) => new NotFoundError('PIPELINE_NOT_FOUND', 'Funil não encontrado.', { id });

/** Sum of amounts without binary drift: per-column sums come from numeric, totals are added in centavos. */
const addMoney = (values: number[]) => values.reduce((cents, v) => cents + Math.round(v * 100), 0) / 100;

/** Pipelines (tb_funil): one default per tenant, stages created with them, the board. Catalog data: no RLS. */
@Injectable()
export class PipelinesService {
  constructor(
    private readonly pipelines: PipelinesRepository,
    private readonly stages: StagesRepository,
    private readonly audit: AuditService,
    private readonly db: TenantDb,
  ) {}

  list(query: RawQuery): Promise<Page<PipelineRecord>> {
    return this.pipelines.findPage(parseListQuery(PIPELINE_LIST, query, this.db.scope.userId));
  }

  async get(id: string): Promise<PipelineRecord> {
    const row = await this.pipelines.findById(id);
    if (!row) throw pipelineNotFound(id);
    return row;
  }

  /** Without stages, the pipeline gets the standard ones (Prospecção … Ganho, Perdido). */
  async create(input: CreatePipelineDto): Promise<PipelineRecord> {
    const stages: StageInputDto[] = input.stages ?? DEFAULT_STAGES;
    assertStageTypes(stages.map((s) => s.type ?? 'aberto'));
    const values = sentFields(input, PIPELINE_WRITABLE);
    if (values.isDefault === true && values.active === false) throw defaultMustStayActive();
    if (values.isDefault === true) await this.takeDefaultFromOthers(null);
    const row = await this.pipelines.insert(values);
    for (const [i, s] of stages.entries()) {
      const type = s.type ?? 'aberto';
      await this.stages.insert({
        pipelineId: row.id,
        order: i + 1,
        name: s.name,
        type,
        probability: s.probability ?? defaultProbability(type),
        color: s.color ?? null,
        stagnationDays: s.stagnationDays ?? null,
      });
    }
    const created = (await this.pipelines.findById(row.id))!;
    await this.audit.created(PIPELINE_LIST, created.id, sentFields(created, AUDITED));
    return created;
  }

  async update(id: string, input: UpdatePipelineDto, ifMatch: string | undefined): Promise<PipelineRecord> {
    const version = requiredVersion(ifMatch, input.version);
    const current = await this.pipelines.findById(id, { forUpdate: true });
    if (!current) throw pipelineNotFound(id);
    if (current.version !== version) throw versionConflict(current.version);
    const changes = changedFields(current, sentFields(input, PIPELINE_WRITABLE));
    if (!Object.keys(changes).length) return current;
    if (changes.isDefault === false) {
      throw new ConflictError('DEFAULT_PIPELINE', 'O funil padrão não pode ser desmarcado: marque outro funil como padrão.', { id });
    }
    if ((changes.isDefault ?? current.isDefault) && (changes.active ?? current.active) === false) throw defaultMustStayActive();
    if (changes.isDefault === true) await this.takeDefaultFromOthers(id);
    const updated = await this.pipelines.update(id, version, changes);
    if (!updated) throw versionConflict(current.version);
    await this.audit.changed(PIPELINE_LIST, id, AuditService.diff(current, updated, AUDITED));
    return updated;
  }

  /** Only an empty, non-default pipeline can go to the trash (its deals would lose their board). */
  async remove(id: string, ifMatch: string | undefined): Promise<void> {
    const expected = expectedVersion(ifMatch, undefined);
    const current = await this.pipelines.findById(id, { forUpdate: true });
    if (!current) throw pipelineNotFound(id);
    if (expected !== null && current.version !== expected) throw versionConflict(current.version);
    if (current.isDefault) {
      throw new ConflictError('DEFAULT_PIPELINE', 'O funil padrão não pode ser excluído: marque outro funil como padrão antes.', { id });
    }
    const opportunities = await this.pipelines.countLiveOpportunities(id);
    if (opportunities) {
      throw new ConflictError('PIPELINE_IN_USE', `O funil tem ${opportunities} oportunidade(s): mova-as ou exclua-as antes.`, { opportunities });
    }
    const deleted = (await this.pipelines.setDeleted(id, true, current.version))!;
    await this.audit.deleted(PIPELINE_LIST, id, deleted.deletedAt);
  }

  async restore(id: string): Promise<PipelineRecord> {
    const current = await this.pipelines.findById(id, { includeDeleted: true, forUpdate: true });
    if (!current) throw pipelineNotFound(id);
    if (!current.deletedAt) throw new ConflictError('NOT_DELETED', 'O funil não está excluído.', { id });
    const restored = (await this.pipelines.setDeleted(id, false, null))!;
    await this.audit.restored(PIPELINE_LIST, id, current.deletedAt);
    return restored;
  }

  /** The kanban columns: per stage, count, amount and weighted amount of the open deals the caller sees (RLS). */
  async board(id: string, query: BoardQueryDto): Promise<Board> {
    const pipeline = await this.get(id);
    let ownerId = query.ownerId ?? null;
    if (query.owner === 'me') {
      if (!this.db.scope.userId) throw invalidField('owner', 'owner=me exige uma sessão de usuário (tokens de API não têm usuário)');
      if (ownerId && ownerId !== this.db.scope.userId) throw invalidField('ownerId', 'não combine owner=me com outro ownerId');
      ownerId = this.db.scope.userId;
    }
    const stages = await this.pipelines.findBoardColumns(id, ownerId);
    const totals = {
      count: stages.reduce((n, s) => n + s.count, 0),
      sum: addMoney(stages.map((s) => s.sum)),
      weightedSum: addMoney(stages.map((s) => s.weightedSum)),
    };
    return { pipelineId: pipeline.id, name: pipeline.name, stages, totals };
  }

  async history(id: string, query: RawQuery): Promise<Page<HistoryItem>> {
    if (!(await this.pipelines.findById(id, { includeDeleted: true }))) throw pipelineNotFound(id);
    return this.audit.history(PIPELINE_LIST, id, query);
  }

  private async takeDefaultFromOthers(exceptId: string | null): Promise<void> {
    for (const other of await this.pipelines.clearDefaultExcept(exceptId)) {
      await this.audit.changed(PIPELINE_LIST, other.id, [{ field: 'isDefault', from: true, to: false }]);
    }
  }
}

const defaultMustStayActive = () => new ConflictError('DEFAULT_PIPELINE', 'O funil padrão não pode ser desativado: marque outro funil como padrão antes.');
