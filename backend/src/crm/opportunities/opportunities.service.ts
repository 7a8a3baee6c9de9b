import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../../common/domain-error';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { AuditService, HistoryItem } from '../audit/audit.service';
import { PipelinesRepository } from '../pipelines/pipelines.repository';
import { StagesRepository, StageWithPipeline } from '../pipelines/stages.repository';
import { invalidField, invalidReference } from '../shared/field-errors';
import { parseListQuery, RawQuery } from '../shared/list/list-plan';
import { Page } from '../shared/list/list.repository';
import { changedFields, sameTags, sentFields } from '../shared/record-changes';
import { FieldValues } from '../shared/record-sql';
import { ReferencesRepository } from '../shared/references.repository';
import { expectedVersion, requiredVersion, versionConflict } from '../shared/version';
import { OpportunityRecord, StageChangeRecord } from './dto/opportunity.dto';
import { CreateOpportunityDto, LoseOpportunityDto, MoveOpportunityDto, UpdateOpportunityDto, WinOpportunityDto } from './dto/opportunity-write.dto';
import { OPPORTUNITY_AUDITED, OPPORTUNITY_LIST, OPPORTUNITY_WRITABLE, STAGE_HISTORY_LIST } from './opportunities.list';
import { OpportunitiesRepository } from './opportunities.repository';

export const opportunityNotFound = (id: string) => new NotFoundError('OPPORTUNITY_NOT_FOUND', 'Oportunidade não encontrada.', { id });

interface Loss {
  lossReasonId?: string | null;
  lossNote?: string | null;
}

/**
 * Deals: a deal sits in one stage of one pipeline and takes its status from the stage's type (aberto, ganho,
 * perdido); every stage change writes tb_oportunidade_historico in the same transaction. Lost deals carry an
 * active loss reason. Optimistic versions and field-by-field audit like every owned record; visibility is RLS.
 */
@Injectable()
export class OpportunitiesService {
  constructor(
    private readonly deals: OpportunitiesRepository,
    private readonly pipelines: PipelinesRepository,
    private readonly stages: StagesRepository,
    private readonly refs: ReferencesRepository,
    private readonly audit: AuditService,
    private readonly db: TenantDb,
  ) {}

  list(query: RawQuery): Promise<Page<OpportunityRecord>> {
    return this.deals.findPage(parseListQuery(OPPORTUNITY_LIST, query, this.db.scope.userId));
  }

  async get(id: string): Promise<OpportunityRecord> {
    const row = await this.deals.findById(id);
    if (!row) throw opportunityNotFound(id);
    return row;
  }

  /** Starts in the given stage, or the first open stage of the given (or default) pipeline; owned by its creator. */
  async create(input: CreateOpportunityDto): Promise<OpportunityRecord> {
    const stage = await this.resolveStage(input.pipelineId, input.stageId);
    if (!stage.pipelineActive) throw invalidReference(input.stageId && !input.pipelineId ? 'stageId' : 'pipelineId', 'funil inativo: não recebe novas oportunidades');
    const values: FieldValues = {
      ownerId: this.db.scope.userId,
      ...sentFields(input, OPPORTUNITY_WRITABLE),
      ...(await this.entering(stage, input.probability, input)),
    };
    await this.refs.assertExist({ companyId: input.companyId, contactId: input.contactId, ownerId: input.ownerId, originId: input.originId });
    let row = await this.deals.insert(values);
    await this.deals.insertStageChange(row, null, this.db.scope.userId);
    if (input.tags?.length) {
      await this.deals.replaceTags(row.id, input.tags);
      row = (await this.deals.findById(row.id))!;
    }
    await this.audit.created(OPPORTUNITY_LIST, row.id, sentFields(row, [...OPPORTUNITY_AUDITED, 'weightedAmount']));
    return row;
  }

  /** Plain fields, and a stage or pipeline change (the same rules as /move). */
  async update(id: string, input: UpdateOpportunityDto, ifMatch: string | undefined): Promise<OpportunityRecord> {
    const version = requiredVersion(ifMatch, input.version);
    const current = await this.lock(id, version);
    const changes = changedFields(current, sentFields(input, OPPORTUNITY_WRITABLE));
    const moves =
      (input.stageId !== undefined && input.stageId !== current.stageId) || (input.pipelineId !== undefined && input.pipelineId !== current.pipelineId);
    if (moves) {
      const pipelineId = input.pipelineId ?? (input.stageId ? undefined : current.pipelineId);
      const stage = this.intoPipelineOf(current, await this.resolveStage(pipelineId, input.stageId));
      Object.assign(changes, await this.entering(stage, input.probability, input));
    } else {
      Object.assign(changes, changedFields(current, await this.lossUpdate(current, input)));
    }
    if (changes.amount !== undefined && (await this.deals.hasItems(id))) {
      throw invalidField('amount', 'a oportunidade tem itens: o valor é a soma deles (altere os itens)');
    }
    const tagsChanged = input.tags !== undefined && !sameTags(input.tags, current.tags);
    if (!Object.keys(changes).length && !tagsChanged) return current;
    await this.refs.assertExist({
      companyId: changes.companyId as string,
      contactId: changes.contactId as string,
      ownerId: changes.ownerId as string,
      originId: changes.originId as string,
    });
    let updated = await this.apply(current, changes);
    if (tagsChanged) {
      await this.deals.replaceTags(id, input.tags!);
      updated = (await this.deals.findById(id))!;
    }
    await this.audit.changed(OPPORTUNITY_LIST, id, AuditService.diff(current, updated, OPPORTUNITY_AUDITED));
    return updated;
  }

  /** Kanban drag: to any live stage (another pipeline's moves the deal there). */
  async move(id: string, input: MoveOpportunityDto, ifMatch: string | undefined): Promise<OpportunityRecord> {
    const current = await this.lock(id, requiredVersion(ifMatch, input.version));
    if (input.stageId === current.stageId) {
      // Same column: only the probability or the loss details can change.
      const changes = changedFields(current, { ...sentFields(input, ['probability']), ...(await this.lossUpdate(current, input)) });
      return Object.keys(changes).length ? this.transition(current, changes) : current;
    }
    const stage = this.intoPipelineOf(current, await this.resolveStage(undefined, input.stageId));
    return this.transition(current, await this.entering(stage, input.probability, input));
  }

  /** To the pipeline's ganho stage; winning a won deal changes nothing. */
  async win(id: string, input: WinOpportunityDto, ifMatch: string | undefined): Promise<OpportunityRecord> {
    const current = await this.lock(id, expectedVersion(ifMatch, input.version));
    if (current.status === 'ganho') return current;
    const stage = await this.stages.findFirstOfType(current.pipelineId, 'ganho');
    if (!stage) throw new ConflictError('NO_WON_STAGE', 'O funil desta oportunidade não tem etapa do tipo ganho.', { pipelineId: current.pipelineId });
    return this.transition(current, await this.entering(stage, undefined, {}));
  }

  /** To the pipeline's perdido stage with a reason; on a lost deal, replaces the reason and note. */
  async lose(id: string, input: LoseOpportunityDto, ifMatch: string | undefined): Promise<OpportunityRecord> {
    const current = await this.lock(id, expectedVersion(ifMatch, input.version));
    const loss = { lossReasonId: input.lossReasonId, lossNote: input.note ?? null };
    if (current.status === 'perdido') {
      const changes = changedFields(current, await this.lossUpdate(current, loss));
      return Object.keys(changes).length ? this.transition(current, changes) : current;
    }
    const stage = await this.stages.findFirstOfType(current.pipelineId, 'perdido');
    if (!stage) throw new ConflictError('NO_LOST_STAGE', 'O funil desta oportunidade não tem etapa do tipo perdido.', { pipelineId: current.pipelineId });
    return this.transition(current, await this.entering(stage, undefined, loss));
  }

  async remove(id: string, ifMatch: string | undefined): Promise<void> {
    const version = expectedVersion(ifMatch, undefined);
    const deleted = await this.deals.setDeleted(id, true, version);
    if (!deleted) {
      const current = await this.deals.findById(id);
      throw current ? versionConflict(current.version) : opportunityNotFound(id);
    }
    await this.audit.deleted(OPPORTUNITY_LIST, id, deleted.deletedAt);
  }

  /** Back from the trash into its stage, unless that stage (or its pipeline) was deleted meanwhile. */
  async restore(id: string): Promise<OpportunityRecord> {
    const current = await this.deals.findById(id, { includeDeleted: true, forUpdate: true });
    if (!current) throw opportunityNotFound(id);
    if (!current.deletedAt) throw new ConflictError('NOT_DELETED', 'A oportunidade não está excluída.', { id });
    if (!(await this.stages.findLive(current.stageId))) {
      throw new ConflictError('STAGE_DELETED', 'A etapa (ou o funil) desta oportunidade foi excluída: restaure-a antes.', { stageId: current.stageId });
    }
    const restored = (await this.deals.setDeleted(id, false, null))!;
    await this.audit.restored(OPPORTUNITY_LIST, id, current.deletedAt);
    return restored;
  }

  /** Audit history of a deal the caller can see (deleted ones included); 404 otherwise. */
  async history(id: string, query: RawQuery): Promise<Page<HistoryItem>> {
    await this.getIncludingDeleted(id);
    return this.audit.history(OPPORTUNITY_LIST, id, query);
  }

  /** The stage path of a deal (tb_oportunidade_historico), newest first by default. */
  async stageHistory(id: string, query: RawQuery): Promise<Page<StageChangeRecord>> {
    const plan = parseListQuery(STAGE_HISTORY_LIST, query, this.db.scope.userId);
    await this.getIncludingDeleted(id);
    return this.deals.findStageChanges(id, plan);
  }

  private async getIncludingDeleted(id: string): Promise<OpportunityRecord> {
    const row = await this.deals.findById(id, { includeDeleted: true });
    if (!row) throw opportunityNotFound(id);
    return row;
  }

  /** The live deal, locked, at the expected version (when one is given). */
  private async lock(id: string, expected: number | null): Promise<OpportunityRecord> {
    const current = await this.deals.findById(id, { forUpdate: true });
    if (!current) throw opportunityNotFound(id);
    if (expected !== null && current.version !== expected) throw versionConflict(current.version);
    return current;
  }

  /** A stage change (or a loss update) from a locked deal: update, stage history, audit. */
  private async transition(current: OpportunityRecord, changes: FieldValues): Promise<OpportunityRecord> {
    const updated = await this.apply(current, changes);
    await this.audit.changed(OPPORTUNITY_LIST, current.id, AuditService.diff(current, updated, OPPORTUNITY_AUDITED));
    return updated;
  }

  private async apply(current: OpportunityRecord, changes: FieldValues): Promise<OpportunityRecord> {
    const updated = await this.deals.update(current.id, current.version, changes);
    if (!updated) throw versionConflict((await this.deals.findById(current.id))?.version ?? current.version);
    if (updated.stageId !== current.stageId) await this.deals.insertStageChange(updated, current.stageId, this.db.scope.userId);
    return updated;
  }

  /**
   * The stage a write points at: stageId (which must belong to pipelineId when both are given), else the first
   * open stage of pipelineId, else of the default pipeline.
   */
  private async resolveStage(pipelineId: string | undefined, stageId: string | undefined): Promise<StageWithPipeline> {
    if (stageId) {
      const stage = await this.stages.findLive(stageId);
      if (!stage) throw invalidReference('stageId', 'etapa não encontrada');
      if (pipelineId && stage.pipelineId !== pipelineId) throw invalidReference('stageId', 'a etapa não pertence ao funil informado');
      return stage;
    }
    const pipeline = pipelineId ? await this.pipelines.findById(pipelineId) : await this.pipelines.findDefault();
    if (!pipeline) throw invalidReference('pipelineId', pipelineId ? 'funil não encontrado' : 'não há funil padrão: informe pipelineId');
    const stage = await this.stages.findFirstOfType(pipeline.id, 'aberto');
    if (!stage) throw invalidReference('pipelineId', 'o funil não tem etapa aberta');
    return stage;
  }

  /** A deal may move within its pipeline whatever its state; into another pipeline only if that one is active. */
  private intoPipelineOf(current: OpportunityRecord, stage: StageWithPipeline): StageWithPipeline {
    if (stage.pipelineId !== current.pipelineId && !stage.pipelineActive) {
      throw invalidReference('stageId', 'funil inativo: não recebe novas oportunidades');
    }
    return stage;
  }

  /** What entering a stage sets: pipeline, status from the stage type, probability, close time, loss reason. */
  private async entering(stage: StageWithPipeline, probability: number | undefined, loss: Loss): Promise<FieldValues> {
    const now = new Date();
    const values: FieldValues = {
      pipelineId: stage.pipelineId,
      stageId: stage.id,
      status: stage.type,
      probability: probability ?? stage.probability,
      stageChangedAt: now,
      closedAt: stage.type === 'aberto' ? null : now,
      lossReasonId: null,
      lossNote: null,
    };
    if (stage.type === 'perdido') {
      if (!loss.lossReasonId) throw invalidField('lossReasonId', 'obrigatório ao perder a oportunidade (GET /api/loss-reasons)');
      await this.assertActiveLossReason(loss.lossReasonId);
      values.lossReasonId = loss.lossReasonId;
      values.lossNote = loss.lossNote ?? null;
    } else if (loss.lossReasonId || loss.lossNote) {
      throw invalidField(loss.lossReasonId ? 'lossReasonId' : 'lossNote', 'só para oportunidades perdidas (etapa do tipo perdido)');
    }
    return values;
  }

  /** lossReasonId / lossNote sent without a stage change: only a lost deal has them. */
  private async lossUpdate(current: OpportunityRecord, loss: Loss): Promise<FieldValues> {
    const sent = sentFields(loss, ['lossReasonId', 'lossNote']);
    if (!Object.keys(sent).length) return {};
    if (current.status !== 'perdido') {
      if (sent.lossReasonId || sent.lossNote) throw invalidField(sent.lossReasonId ? 'lossReasonId' : 'lossNote', 'só para oportunidades perdidas (etapa do tipo perdido)');
      return {};
    }
    if (sent.lossReasonId === null) throw invalidField('lossReasonId', 'uma oportunidade perdida precisa de motivo');
    if (sent.lossReasonId) await this.assertActiveLossReason(sent.lossReasonId as string);
    return sent;
  }

  private async assertActiveLossReason(id: string): Promise<void> {
    if (!(await this.deals.isActiveLossReason(id))) throw invalidReference('lossReasonId', 'motivo de perda não encontrado ou inativo');
  }
}
