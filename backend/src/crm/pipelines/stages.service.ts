import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../../common/domain-error';
import { AuditService } from '../audit/audit.service';
import { isUniqueViolation } from '../shared/db-errors';
import { invalidField } from '../shared/field-errors';
import { changedFields, sentFields } from '../shared/record-changes';
import { expectedVersion, versionConflict } from '../shared/version';
import { PipelineRecord, StageRecord } from './dto/pipeline.dto';
import { CreateStageDto, ReorderStagesDto, UpdateStageDto } from './dto/pipeline-write.dto';
import { PIPELINE_LIST, STAGE_WRITABLE } from './pipelines.list';
import { PipelinesRepository } from './pipelines.repository';
import { pipelineNotFound } from './pipelines.service';
import { assertNotLastOpen, assertTypeFree, defaultProbability, stageTypeTaken } from './stage-rules';
import { StagesRepository } from './stages.repository';

const stageNotFound = (id: string) => new NotFoundError('STAGE_NOT_FOUND', 'Etapa não encontrada neste funil.', { id });

/**
 * Stages are parts of their pipeline: every change locks the pipeline row, checks its version when the client
 * sends one, bumps it (the pipeline's representation includes its stages) and is audited on the pipeline as a
 * change of `stages`. Positions stay 1..n.
 */
@Injectable()
export class StagesService {
  constructor(
    private readonly pipelines: PipelinesRepository,
    private readonly stages: StagesRepository,
    private readonly audit: AuditService,
  ) {}

  async create(pipelineId: string, input: CreateStageDto, ifMatch: string | undefined): Promise<PipelineRecord> {
    const pipeline = await this.lockPipeline(pipelineId, expectedVersion(ifMatch, input.version));
    const type = input.type ?? 'aberto';
    assertTypeFree(pipeline.stages, type, null);
    const stage = await this.stages
      .insert({
        pipelineId,
        order: pipeline.stages.length + 1,
        name: input.name,
        type,
        probability: input.probability ?? defaultProbability(type),
        color: input.color ?? null,
        stagnationDays: input.stagnationDays ?? null,
      })
      .catch((err) => rethrowTypeTaken(err, type));
    const ids = pipeline.stages.map((s) => s.id);
    ids.splice(Math.min(input.order ?? ids.length + 1, ids.length + 1) - 1, 0, stage.id);
    await this.stages.setOrder(pipelineId, ids);
    return this.finish(pipeline);
  }

  /** A stage's type changes only while no deal is in it (deals take their status from it). */
  async update(pipelineId: string, stageId: string, input: UpdateStageDto, ifMatch: string | undefined): Promise<PipelineRecord> {
    const pipeline = await this.lockPipeline(pipelineId, expectedVersion(ifMatch, input.version));
    const current = stageOf(pipeline, stageId);
    const changes = changedFields(current, sentFields(input, STAGE_WRITABLE));
    if (!Object.keys(changes).length) return pipeline;
    if (changes.type !== undefined) {
      await this.assertEmpty(stageId, 'o tipo da etapa não muda enquanto houver oportunidades nela');
      assertTypeFree(pipeline.stages, changes.type as string, stageId);
      if (current.type === 'aberto') assertNotLastOpen(pipeline.stages, stageId);
    }
    await this.stages.update(stageId, changes).catch((err) => rethrowTypeTaken(err, changes.type as string));
    return this.finish(pipeline);
  }

  /** Soft-deletes an empty stage; the others close ranks. */
  async remove(pipelineId: string, stageId: string, ifMatch: string | undefined): Promise<PipelineRecord> {
    const pipeline = await this.lockPipeline(pipelineId, expectedVersion(ifMatch, undefined));
    const current = stageOf(pipeline, stageId);
    await this.assertEmpty(stageId, 'mova as oportunidades para outra etapa antes de excluí-la');
    if (current.type === 'aberto') assertNotLastOpen(pipeline.stages, stageId);
    await this.stages.setDeleted(stageId, true);
    await this.stages.setOrder(pipelineId, pipeline.stages.filter((s) => s.id !== stageId).map((s) => s.id));
    return this.finish(pipeline);
  }

  /** stageIds must name every live stage of the pipeline exactly once. */
  async reorder(pipelineId: string, input: ReorderStagesDto, ifMatch: string | undefined): Promise<PipelineRecord> {
    const pipeline = await this.lockPipeline(pipelineId, expectedVersion(ifMatch, input.version));
    const live = new Set(pipeline.stages.map((s) => s.id));
    const given = new Set(input.stageIds);
    if (given.size !== input.stageIds.length || given.size !== live.size || ![...given].every((id) => live.has(id))) {
      throw invalidField('stageIds', `informe todas as ${live.size} etapas do funil, cada uma uma vez`);
    }
    if (input.stageIds.every((id, i) => pipeline.stages[i].id === id)) return pipeline;
    await this.stages.setOrder(pipelineId, input.stageIds);
    return this.finish(pipeline);
  }

  private async lockPipeline(id: string, expected: number | null): Promise<PipelineRecord> {
    const pipeline = await this.pipelines.findById(id, { forUpdate: true });
    if (!pipeline) throw pipelineNotFound(id);
    if (expected !== null && pipeline.version !== expected) throw versionConflict(pipeline.version);
    return pipeline;
  }

  private async assertEmpty(stageId: string, hint: string): Promise<void> {
    const opportunities = await this.stages.countOpportunities(stageId);
    if (opportunities) {
      throw new ConflictError('STAGE_IN_USE', `A etapa tem ${opportunities} oportunidade(s): ${hint}.`, { stageId, opportunities });
    }
  }

  /** Bumps the pipeline's version and audits the stages before/after. */
  private async finish(before: PipelineRecord): Promise<PipelineRecord> {
    const after = (await this.pipelines.update(before.id, before.version, {}))!;
    await this.audit.changed(PIPELINE_LIST, before.id, AuditService.diff(before, after, ['stages']));
    return after;
  }
}

function stageOf(pipeline: PipelineRecord, stageId: string): StageRecord {
  const stage = pipeline.stages.find((s) => s.id === stageId);
  if (!stage) throw stageNotFound(stageId);
  return stage;
}

// Two concurrent requests can both pass the check; the partial unique index decides.
function rethrowTypeTaken(err: unknown, type: string): never {
  if (isUniqueViolation(err, 'ux_etapa_ganho') || isUniqueViolation(err, 'ux_etapa_perdido')) throw stageTypeTaken(type, null);
  throw err;
}
