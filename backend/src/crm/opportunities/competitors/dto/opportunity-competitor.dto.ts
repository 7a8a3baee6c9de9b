import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNumber, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { iso, NotNullWhenPresent, Nullable, TrimToNull } from '../../../shared/dto-helpers';

export interface OpportunityCompetitorRecord {
  id: string;
  opportunityId: string;
  competitorId: string;
  competitorName: string | null;
  competitorPrice: number | null;
  winner: boolean;
  notes: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export class OpportunityCompetitorDto {
  @ApiProperty({ format: 'uuid', description: 'Id do vínculo.' }) id: string;
  @ApiProperty({ format: 'uuid' }) competitorId: string;
  @ApiProperty({ type: String, nullable: true, example: 'Distribuidora Paulista', description: 'Nome do concorrente (também de um concorrente excluído).' })
  competitorName: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 41500.9, description: 'Preço do concorrente (numeric(14,2), BRL).' }) competitorPrice: number | null;
  @ApiProperty({ example: false, description: 'O concorrente que ganhou o negócio; no máximo um por oportunidade.' }) winner: boolean;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class OpportunityCompetitorsDto {
  @ApiProperty({ format: 'uuid' }) opportunityId: string;
  @ApiProperty({ type: [OpportunityCompetitorDto], description: 'Em ordem de inclusão.' }) items: OpportunityCompetitorDto[];
}

export const toOpportunityCompetitorDto = (r: OpportunityCompetitorRecord): OpportunityCompetitorDto => ({
  id: r.id,
  competitorId: r.competitorId,
  competitorName: r.competitorName,
  competitorPrice: r.competitorPrice,
  winner: r.winner,
  notes: r.notes,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

class OpportunityCompetitorFieldsDto {
  @ApiPropertyOptional({ type: Number, nullable: true, example: 41500.9, description: 'Preço do concorrente em BRL, até 2 casas.' })
  @Nullable() @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0) @Max(999_999_999_999.99)
  competitorPrice?: number | null;

  @ApiPropertyOptional({ default: false, description: 'true marca este como o vencedor e desmarca os demais da oportunidade.' })
  @NotNullWhenPresent() @IsBoolean()
  winner?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Nullable() @TrimToNull() @IsString() @MaxLength(2000)
  notes?: string | null;
}

export class CreateOpportunityCompetitorDto extends OpportunityCompetitorFieldsDto {
  @ApiProperty({ format: 'uuid', description: 'Concorrente ativo do cadastro.' })
  @IsUUID()
  competitorId: string;
}

export class UpdateOpportunityCompetitorDto extends OpportunityCompetitorFieldsDto {}
