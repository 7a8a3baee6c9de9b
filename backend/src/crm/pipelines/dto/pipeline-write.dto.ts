import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { NotNullWhenPresent, Nullable, Trimmed, TrimToNull } from '../../shared/dto-helpers';
import { STAGE_TYPES } from '../pipelines.list';

const VersionField = () =>
  ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Versão do funil lida (ou o cabeçalho If-Match); conferida quando enviada.' });

/** Stage fields; on create, name is required and the others have defaults. */
class StageFieldsDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100, example: 50, description: 'Chance de ganho (%). Padrão: 0 (100 para ganho).' })
  @NotNullWhenPresent() @IsInt() @Min(0) @Max(100)
  probability?: number;

  @ApiPropertyOptional({ enum: STAGE_TYPES, default: 'aberto', description: 'No máximo uma etapa ganho e uma perdido por funil.' })
  @NotNullWhenPresent() @IsIn(STAGE_TYPES, { message: `$property: use ${STAGE_TYPES.join(', ')}` })
  type?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '#42A5F5' })
  @Nullable() @Matches(/^#[0-9A-Fa-f]{6}$/, { message: '$property: cor no formato #RRGGBB' })
  color?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, example: 21 })
  @Nullable() @IsInt() @Min(1) @Max(3650)
  stagnationDays?: number | null;
}

export class StageInputDto extends StageFieldsDto {
  @ApiProperty({ example: 'Proposta' })
  @Trimmed() @IsString() @Length(1, 100)
  name: string;
}

export class CreateStageDto extends StageInputDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Posição (1 = primeira); as seguintes andam uma casa. Padrão: no fim.' })
  @IsOptional() @IsInt() @Min(1)
  order?: number;

  @VersionField() @IsOptional() @IsInt() @Min(1)
  version?: number;
}

export class UpdateStageDto extends StageFieldsDto {
  @ApiPropertyOptional({ example: 'Proposta enviada' })
  @NotNullWhenPresent() @Trimmed() @IsString() @Length(1, 100)
  name?: string;

  @VersionField() @IsOptional() @IsInt() @Min(1)
  version?: number;
}

export class ReorderStagesDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Todas as etapas do funil, na nova ordem.' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @IsUUID('all', { each: true })
  stageIds: string[];

  @VersionField() @IsOptional() @IsInt() @Min(1)
  version?: number;
}

class PipelineFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true })
  @Nullable() @TrimToNull() @IsString() @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({ description: 'true torna este o funil padrão (o anterior deixa de ser). Para trocar o padrão, marque outro funil.' })
  @NotNullWhenPresent() @IsBoolean()
  isDefault?: boolean;

  @ApiPropertyOptional({ type: 'integer', example: 2, description: 'Posição na lista de funis.' })
  @NotNullWhenPresent() @IsInt() @Min(0) @Max(100000)
  order?: number;

  @ApiPropertyOptional({ description: 'Funis inativos não recebem novas oportunidades.' })
  @NotNullWhenPresent() @IsBoolean()
  active?: boolean;
}

export class CreatePipelineDto extends PipelineFieldsDto {
  @ApiProperty({ example: 'Funil de revendas' })
  @Trimmed() @IsString() @Length(1, 100)
  name: string;

  @ApiPropertyOptional({
    type: [StageInputDto],
    description: 'Etapas, em ordem: ao menos uma aberto, no máximo uma ganho e uma perdido. Sem etapas, o funil recebe as padrão (Prospecção … Ganho, Perdido).',
  })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => StageInputDto)
  stages?: StageInputDto[];
}

export class UpdatePipelineDto extends PipelineFieldsDto {
  @ApiPropertyOptional({ example: 'Funil de revendas' })
  @NotNullWhenPresent() @Trimmed() @IsString() @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Versão lida (ou o cabeçalho If-Match). Uma das duas é obrigatória.' })
  @IsOptional() @IsInt() @Min(1)
  version?: number;
}

export class BoardQueryDto {
  @ApiPropertyOptional({ enum: ['me'], description: 'me: só as oportunidades do usuário da sessão.' })
  @IsOptional() @IsIn(['me'], { message: '$property: use me' })
  owner?: 'me';

  @ApiPropertyOptional({ format: 'uuid', description: 'Só as oportunidades deste dono.' })
  @IsOptional() @IsUUID()
  ownerId?: string;
}
