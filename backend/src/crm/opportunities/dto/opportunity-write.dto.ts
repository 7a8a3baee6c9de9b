import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate, NotNullWhenPresent, Nullable, Trimmed, TrimToNull, UpperTrim } from '../../shared/dto-helpers';
import { DEAL_TYPES } from '../opportunities.list';

const VersionField = (required: boolean) =>
  ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: required ? 'Versão lida (ou o cabeçalho If-Match). Uma das duas é obrigatória.' : 'Versão lida (ou If-Match); conferida quando enviada.',
  });

/** Where a deal goes when it is lost: the reason is required (details.fields names lossReasonId). */
class LossFieldsDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Motivo de perda ativo (GET /api/loss-reasons). Obrigatório ao entrar numa etapa perdido.' })
  @Nullable() @IsUUID(undefined, { message: '$property: informe o id de um motivo de perda (GET /api/loss-reasons)' })
  lossReasonId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Detalhe da perda.' })
  @Nullable() @TrimToNull() @IsString() @MaxLength(2000)
  lossNote?: string | null;
}

class OpportunityFieldsDto extends LossFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true })
  @Nullable() @TrimToNull() @IsString() @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Empresa (deve existir e estar visível).' })
  @Nullable() @IsUUID()
  companyId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Contato principal (deve existir e estar visível).' })
  @Nullable() @IsUUID()
  contactId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'Funil. Na criação, o padrão é o funil padrão (ou o da etapa informada). Trocar de funil sem stageId leva à primeira etapa aberta.' })
  @NotNullWhenPresent() @IsUUID()
  pipelineId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Etapa do funil; define status (e probability, se não enviada). Na criação, o padrão é a primeira etapa aberta.' })
  @NotNullWhenPresent() @IsUUID()
  stageId?: string;

  @ApiPropertyOptional({ example: 45000.5, minimum: 0, description: 'BRL (ou currency), até 2 casas. Com itens, é a soma dos itens e não se altera aqui.' })
  @NotNullWhenPresent() @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0) @Max(999_999_999_999.99)
  amount?: number;

  @ApiPropertyOptional({ example: 'BRL', default: 'BRL', description: 'ISO 4217.' })
  @NotNullWhenPresent() @UpperTrim() @Matches(/^[A-Z]{3}$/, { message: '$property: código ISO 4217 de 3 letras, ex. BRL' })
  currency?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100, description: 'Chance de ganho (%). Padrão: a da etapa.' })
  @NotNullWhenPresent() @IsInt() @Min(0) @Max(100)
  probability?: number;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2025-09-30' })
  @Nullable() @IsCalendarDate()
  expectedCloseDate?: string | null;

  @ApiPropertyOptional({ enum: DEAL_TYPES, default: 'novo_negocio' })
  @NotNullWhenPresent() @IsIn(DEAL_TYPES, { message: `$property: use ${DEAL_TYPES.join(', ')}` })
  dealType?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Origem (tb_origem_lead).' })
  @Nullable() @IsUUID()
  originId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Dono (usuário ativo); null = pool. Na criação, o padrão é quem cria.' })
  @Nullable() @IsUUID()
  ownerId?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['prioridade'], description: 'Substitui as etiquetas (por nome; nomes novos criam etiquetas).' })
  @NotNullWhenPresent() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 60, { each: true })
  tags?: string[];
}

export class CreateOpportunityDto extends OpportunityFieldsDto {
  @ApiProperty({ example: 'Fornecimento de hortifrúti — loja Centro' })
  @Trimmed() @IsString() @Length(1, 200)
  title: string;
}

export class UpdateOpportunityDto extends OpportunityFieldsDto {
  @ApiPropertyOptional({ example: 'Fornecimento de hortifrúti — loja Centro' })
  @NotNullWhenPresent() @Trimmed() @IsString() @Length(1, 200)
  title?: string;

  @VersionField(true) @IsOptional() @IsInt() @Min(1)
  version?: number;
}

export class MoveOpportunityDto extends LossFieldsDto {
  @ApiProperty({ format: 'uuid', description: 'Etapa de destino (do mesmo funil, ou de outro: a oportunidade muda de funil).' })
  @IsUUID()
  stageId: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100, description: 'Probabilidade; padrão: a da etapa de destino.' })
  @IsOptional() @IsInt() @Min(0) @Max(100)
  probability?: number;

  @VersionField(true) @IsOptional() @IsInt() @Min(1)
  version?: number;
}

export class WinOpportunityDto {
  @VersionField(false) @IsOptional() @IsInt() @Min(1)
  version?: number;
}

export class LoseOpportunityDto {
  @ApiProperty({ format: 'uuid', description: 'Motivo de perda ativo (GET /api/loss-reasons).' })
  @IsUUID(undefined, { message: '$property: informe o id de um motivo de perda (GET /api/loss-reasons)' })
  lossReasonId: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Detalhe da perda (vai para lossNote).' })
  @Nullable() @TrimToNull() @IsString() @MaxLength(2000)
  note?: string | null;

  @VersionField(false) @IsOptional() @IsInt() @Min(1)
  version?: number;
}
