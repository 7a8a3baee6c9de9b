import { ApiProperty } from '@nestjs/swagger';
import { iso } from '../../shared/dto-helpers';
import { PageOf } from '../../shared/list/page.dto';
import { DEAL_TYPES, OPPORTUNITY_STATUSES } from '../opportunities.list';

/** A deal as the repository reads it (OPPORTUNITY_LIST's select list); with ?fields= only some are present. */
export interface OpportunityRecord {
  id: string;
  title: string;
  description: string | null;
  companyId: string | null;
  contactId: string | null;
  pipelineId: string;
  stageId: string;
  amount: number;
  currency: string;
  probability: number;
  weightedAmount: number;
  expectedCloseDate: string | null;
  status: 'aberto' | 'ganho' | 'perdido';
  dealType: string;
  lossReasonId: string | null;
  lossNote: string | null;
  closedAt: Date | null;
  stageChangedAt: Date;
  originId: string | null;
  campaignId: string | null;
  ownerId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  stageName: string | null;
  companyName: string | null;
  contactName: string | null;
  tags: string[];
}

export class OpportunityDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Fornecimento de hortifrúti — loja Centro' }) title: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) companyId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Razão social (null se não visível).' }) companyName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Contato principal.' }) contactId: string | null;
  @ApiProperty({ type: String, nullable: true }) contactName: string | null;
  @ApiProperty({ format: 'uuid' }) pipelineId: string;
  @ApiProperty({ format: 'uuid' }) stageId: string;
  @ApiProperty({ type: String, nullable: true, example: 'Proposta' }) stageName: string | null;
  @ApiProperty({ example: 45000.5, description: 'Valor (numeric(14,2)); com itens, é a soma dos itens.' }) amount: number;
  @ApiProperty({ example: 'BRL', description: 'ISO 4217.' }) currency: string;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, example: 50, description: 'Chance de ganho (%); vem da etapa, pode ser ajustada.' })
  probability: number;
  @ApiProperty({ example: 22500.25, description: 'amount × probability / 100 (calculado).' }) weightedAmount: number;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2025-09-30' }) expectedCloseDate: string | null;
  @ApiProperty({ enum: OPPORTUNITY_STATUSES, example: 'aberto', description: 'Definida pelo tipo da etapa: aberto, ganho ou perdido.' }) status: string;
  @ApiProperty({ enum: DEAL_TYPES, example: 'novo_negocio' }) dealType: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Só quando perdido.' }) lossReasonId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Detalhe da perda.' }) lossNote: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Quando foi ganha ou perdida.' }) closedAt: string | null;
  @ApiProperty({ format: 'date-time', description: 'Quando entrou na etapa atual.' }) stageChangedAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) originId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) campaignId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Dono; null = pool não atribuído.' }) ownerId: string | null;
  @ApiProperty({ type: [String], example: ['prioridade'] }) tags: string[];
  @ApiProperty({ type: 'integer', example: 1, description: 'Versão para If-Match / version (controle otimista).' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt: string | null;
}

export class OpportunityPageDto extends PageOf(OpportunityDto) {}

export const toOpportunityDto = (r: OpportunityRecord): OpportunityDto => ({
  id: r.id,
  title: r.title,
  description: r.description,
  companyId: r.companyId,
  companyName: r.companyName,
  contactId: r.contactId,
  contactName: r.contactName,
  pipelineId: r.pipelineId,
  stageId: r.stageId,
  stageName: r.stageName,
  amount: r.amount,
  currency: r.currency,
  probability: r.probability,
  weightedAmount: r.weightedAmount,
  expectedCloseDate: r.expectedCloseDate,
  status: r.status,
  dealType: r.dealType,
  lossReasonId: r.lossReasonId,
  lossNote: r.lossNote,
  closedAt: iso(r.closedAt),
  stageChangedAt: iso(r.stageChangedAt),
  originId: r.originId,
  campaignId: r.campaignId,
  ownerId: r.ownerId,
  tags: r.tags,
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  deletedAt: iso(r.deletedAt),
});

export interface StageChangeRecord {
  id: string;
  changedAt: Date;
  fromStageId: string | null;
  fromStageName: string | null;
  toStageId: string | null;
  toStageName: string | null;
  status: string;
  amount: number | null;
  probability: number | null;
  userId: string | null;
}

export class StageChangeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null na criação.' }) fromStageId: string | null;
  @ApiProperty({ type: String, nullable: true }) fromStageName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) toStageId: string | null;
  @ApiProperty({ type: String, nullable: true }) toStageName: string | null;
  @ApiProperty({ enum: OPPORTUNITY_STATUSES, description: 'Situação depois da mudança.' }) status: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Valor naquele momento.' }) amount: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Probabilidade naquele momento.' }) probability: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Quem mudou; null para tokens de API.' }) userId: string | null;
}

export class StageChangePageDto extends PageOf(StageChangeDto) {}

export const toStageChangeDto = (r: StageChangeRecord): StageChangeDto => ({
  id: r.id,
  changedAt: iso(r.changedAt),
  fromStageId: r.fromStageId,
  fromStageName: r.fromStageName,
  toStageId: r.toStageId,
  toStageName: r.toStageName,
  status: r.status,
  amount: r.amount,
  probability: r.probability,
  userId: r.userId,
});
