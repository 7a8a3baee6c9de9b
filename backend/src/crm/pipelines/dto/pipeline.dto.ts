import { ApiProperty } from '@nestjs/swagger';
import { iso } from '../../shared/dto-helpers';
import { PageOf } from '../../shared/list/page.dto';
import { STAGE_TYPES, StageType } from '../pipelines.list';

/** A stage as the pipeline embeds it (and as STAGE_LIST reads it, plus pipelineId and timestamps). */
export interface StageRecord {
  id: string;
  pipelineId?: string;
  name: string;
  order: number;
  probability: number;
  type: StageType;
  color: string | null;
  stagnationDays: number | null;
  createdAt?: Date;
  updatedAt?: Date;
  deletedAt?: Date | null;
}

/** A pipeline as the repository reads it (PIPELINE_LIST's select list). */
export interface PipelineRecord {
  id: string;
  name: string;
  description: string | null;
  isDefault: boolean;
  order: number;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  stages: StageRecord[];
}

export class StageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Proposta' }) name: string;
  @ApiProperty({ type: 'integer', example: 3, description: 'Posição no quadro (1, 2, 3…).' }) order: number;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, example: 50, description: 'Chance de ganho (%), copiada para as oportunidades que entram na etapa.' })
  probability: number;
  @ApiProperty({ enum: STAGE_TYPES, example: 'aberto', description: 'aberto, ganho ou perdido; no máximo uma etapa ganho e uma perdido por funil.' })
  type: string;
  @ApiProperty({ type: String, nullable: true, example: '#42A5F5' }) color: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 21, description: 'Dias parada na etapa até ser sinalizada.' }) stagnationDays: number | null;
}

export class PipelineDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Funil de vendas' }) name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ description: 'O funil padrão (um por tenant) recebe as oportunidades criadas sem pipelineId.' }) isDefault: boolean;
  @ApiProperty({ type: 'integer', example: 1 }) order: number;
  @ApiProperty({ description: 'Funis inativos não recebem novas oportunidades.' }) active: boolean;
  @ApiProperty({ type: [StageDto], description: 'Etapas, na ordem do quadro.' }) stages: StageDto[];
  @ApiProperty({ type: 'integer', example: 1, description: 'Versão (If-Match); muda também quando as etapas mudam.' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt: string | null;
}

export class PipelinePageDto extends PageOf(PipelineDto) {}

export const toStageDto = (s: StageRecord): StageDto => ({
  id: s.id,
  name: s.name,
  order: s.order,
  probability: s.probability,
  type: s.type,
  color: s.color,
  stagnationDays: s.stagnationDays,
});

export const toPipelineDto = (r: PipelineRecord): PipelineDto => ({
  id: r.id,
  name: r.name,
  description: r.description,
  isDefault: r.isDefault,
  order: r.order,
  active: r.active,
  stages: r.stages?.map(toStageDto),
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  deletedAt: iso(r.deletedAt),
});

export interface BoardColumn extends StageRecord {
  count: number;
  sum: number;
  weightedSum: number;
}

export interface Board {
  pipelineId: string;
  name: string;
  stages: BoardColumn[];
  totals: { count: number; sum: number; weightedSum: number };
}

export class BoardTotalsDto {
  @ApiProperty({ type: 'integer', example: 12, description: 'Oportunidades abertas visíveis.' }) count: number;
  @ApiProperty({ example: 150000.5, description: 'Soma de amount.' }) sum: number;
  @ApiProperty({ example: 61250.25, description: 'Soma de weightedAmount (amount × probability / 100 de cada oportunidade).' }) weightedSum: number;
}

export class BoardColumnDto extends StageDto {
  @ApiProperty({ type: 'integer', example: 4, description: 'Oportunidades abertas (não excluídas) na etapa, visíveis a quem pergunta.' }) count: number;
  @ApiProperty({ example: 50000, description: 'Soma de amount dessas oportunidades.' }) sum: number;
  @ApiProperty({ example: 25000, description: 'Soma ponderada: amount × probability / 100 de cada oportunidade (weightedAmount).' }) weightedSum: number;
}

export class BoardDto {
  @ApiProperty({ format: 'uuid' }) pipelineId: string;
  @ApiProperty({ example: 'Funil de vendas' }) name: string;
  @ApiProperty({ type: [BoardColumnDto], description: 'Uma coluna por etapa, na ordem do quadro (ganho/perdido com zero: só abertas contam).' })
  stages: BoardColumnDto[];
  @ApiProperty({ type: BoardTotalsDto }) totals: BoardTotalsDto;
}
