import { ApiProperty } from '@nestjs/swagger';
import { iso } from '../../../shared/dto-helpers';
import { PageOf } from '../../../shared/list/page.dto';

/** A competitor as the repository reads it (COMPETITOR_LIST's select list); with ?fields= only some are present. */
export interface CompetitorRecord {
  id: string;
  name: string;
  website: string | null;
  strengths: string | null;
  weaknesses: string | null;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export class CompetitorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Distribuidora Paulista', description: 'Único entre os concorrentes não excluídos (sem diferenciar maiúsculas).' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: 'https://distribuidorapaulista.com.br' }) website: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Preço agressivo em volume' }) strengths: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Prazo de entrega longo' }) weaknesses: string | null;
  @ApiProperty({ description: 'Inativos não podem ser incluídos em novas oportunidades.' }) active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt: string | null;
}

export class CompetitorPageDto extends PageOf(CompetitorDto) {}

export const toCompetitorDto = (r: CompetitorRecord): CompetitorDto => ({
  id: r.id,
  name: r.name,
  website: r.website,
  strengths: r.strengths,
  weaknesses: r.weaknesses,
  active: r.active,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  deletedAt: iso(r.deletedAt),
});
