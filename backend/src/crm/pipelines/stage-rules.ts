import { ConflictError } from '../../common/domain-error';
import { invalidField } from '../shared/field-errors';
import { StageRecord } from './dto/pipeline.dto';
import { StageType } from './pipelines.list';

/**
 * The shape every pipeline keeps: at least one open stage (where deals start), at most one ganho and one
 * perdido stage (where "won"/"lost" move a deal; also unique indexes ux_etapa_ganho / ux_etapa_perdido).
 */
export function assertStageTypes(types: string[]): void {
  if (!types.includes('aberto')) throw invalidField('stages', 'o funil precisa de ao menos uma etapa do tipo aberto');
  for (const closing of ['ganho', 'perdido']) {
    if (types.filter((t) => t === closing).length > 1) throw invalidField('stages', `no máximo uma etapa do tipo ${closing} por funil`);
  }
}

/** 409 when another live stage of the pipeline already has this closing type. */
export function assertTypeFree(stages: StageRecord[], type: string, exceptId: string | null): void {
  if (type === 'aberto') return;
  const existing = stages.find((s) => s.type === type && s.id !== exceptId);
  if (existing) throw stageTypeTaken(type, existing.id);
}

/** 409 when this is the pipeline's last open stage. */
export function assertNotLastOpen(stages: StageRecord[], stageId: string): void {
  if (!stages.some((s) => s.type === 'aberto' && s.id !== stageId)) {
    throw new ConflictError('LAST_OPEN_STAGE', 'O funil precisa de ao menos uma etapa do tipo aberto.', { stageId });
  }
}

export const stageTypeTaken = (type: string, existingId: string | null) =>
  new ConflictError('STAGE_TYPE_TAKEN', `O funil já tem uma etapa do tipo ${type}.`, { type, existingId });

/** Probability of a new stage when none is given. */
export const defaultProbability = (type: StageType | string) => (type === 'ganho' ? 100 : 0);
