import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, Min, ValidateIf, ValidateNested,
} from 'class-validator';
import { IsInstant, ToInstant } from '../../shared/date-time';
import { LowerTrim, NotNullWhenPresent, Nullable, Trimmed, TrimToNull } from '../../shared/dto-helpers';
import { ACTIVITY_ORIGINS, ACTIVITY_PRIORITIES, ACTIVITY_TYPE_CODE, BUILT_IN_ACTIVITY_TYPES, PARTICIPANT_RESPONSES } from '../activities.list';

const DATE_TIME = { type: String, format: 'date-time', nullable: true } as const;

/** One participant: a user of the tenant, a CRM contact or an outside e-mail (at least one of them). */
export class ParticipantInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Usuário do tenant (ativo).' })
  @ValidateIf((p: ParticipantInputDto) => p.userId !== undefined || (p.contactId == null && p.email == null))
  @IsUUID('all', { message: '$property: informe userId (UUID), contactId ou email' })
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Contato do CRM (visível a quem grava).' })
  @IsOptional() @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ example: 'comprador@cliente.com.br' })
  @IsOptional() @LowerTrim() @IsEmail({}, { message: '$property: e-mail inválido' }) @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ enum: PARTICIPANT_RESPONSES, default: 'pendente' })
  @IsOptional() @IsIn(PARTICIPANT_RESPONSES, { message: `$property: use ${PARTICIPANT_RESPONSES.join(', ')}` })
  response?: string;

  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'Compareceu.' })
  @Nullable() @IsBoolean()
  attended?: boolean | null;
}

/** Fields shared by create and update. Omitted = untouched; null = cleared (where the field may be empty). */
class ActivityFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true })
  @Nullable() @TrimToNull() @IsString() @MaxLength(10000)
  description?: string | null;

  @ApiPropertyOptional({ ...DATE_TIME, example: '2025-03-10T14:00:00-03:00', description: 'Início (ISO 8601 com fuso).' })
  @Nullable() @ToInstant() @IsInstant()
  startAt?: string | null;

  @ApiPropertyOptional({ ...DATE_TIME, description: 'Fim; não antes do início.' })
  @Nullable() @ToInstant() @IsInstant()
  endAt?: string | null;

  @ApiPropertyOptional({ default: false })
  @NotNullWhenPresent() @IsBoolean()
  allDay?: boolean;

  @ApiPropertyOptional({ ...DATE_TIME, example: '2025-03-10T18:00:00-03:00', description: 'Vencimento (tarefas, retornos): entra em "minhas tarefas".' })
  @Nullable() @ToInstant() @IsInstant()
  dueAt?: string | null;

  @ApiPropertyOptional({ ...DATE_TIME })
  @Nullable() @ToInstant() @IsInstant()
  reminderAt?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Resultado da ligação/visita.' })
  @Nullable() @TrimToNull() @IsString() @MaxLength(2000)
  result?: string | null;

  @ApiPropertyOptional({ enum: ACTIVITY_PRIORITIES, default: 'normal' })
  @NotNullWhenPresent() @IsIn(ACTIVITY_PRIORITIES, { message: `$property: use ${ACTIVITY_PRIORITIES.join(', ')}` })
  priority?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Nullable() @TrimToNull() @IsString() @MaxLength(500)
  location?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Contato (deve existir e estar visível).' })
  @Nullable() @IsUUID()
  contactId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Empresa (deve existir e estar visível).' })
  @Nullable() @IsUUID()
  companyId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Oportunidade (deve existir e estar visível).' })
  @Nullable() @IsUUID()
  opportunityId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Dono (usuário ativo); null = pool. Na criação, o padrão é quem cria.' })
  @Nullable() @IsUUID()
  ownerId?: string | null;

  @ApiPropertyOptional({ type: [ParticipantInputDto], description: 'Substitui os participantes.' })
  @NotNullWhenPresent() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ParticipantInputDto)
  participants?: ParticipantInputDto[];
}

const TYPE_MESSAGE = `$property: código de tipo de atividade (ex. ${BUILT_IN_ACTIVITY_TYPES.join(', ')})`;

export class CreateActivityDto extends ActivityFieldsDto {
  @ApiProperty({ example: 'ligacao', description: `Código do tipo: ${BUILT_IN_ACTIVITY_TYPES.join(', ')} ou de um pacote vertical (ativo).` })
  @Trimmed() @IsString({ message: TYPE_MESSAGE }) @Matches(ACTIVITY_TYPE_CODE, { message: TYPE_MESSAGE })
  type: string;

  @ApiProperty({ example: 'Ligar para confirmar o pedido' })
  @Trimmed() @IsString() @Length(1, 500)
  subject: string;

  @ApiPropertyOptional({ default: false, description: 'true registra algo já feito (ex. uma ligação): doneAt = agora.' })
  @NotNullWhenPresent() @IsBoolean()
  done?: boolean;

  @ApiPropertyOptional({ enum: ACTIVITY_ORIGINS, default: 'manual', description: 'Integrações informam de onde vem o registro.' })
  @NotNullWhenPresent() @IsIn(ACTIVITY_ORIGINS, { message: `$property: use ${ACTIVITY_ORIGINS.join(', ')}` })
  origin?: string;
}

export class UpdateActivityDto extends ActivityFieldsDto {
  @ApiPropertyOptional({ example: 'reuniao' })
  @NotNullWhenPresent() @Trimmed() @IsString({ message: TYPE_MESSAGE }) @Matches(ACTIVITY_TYPE_CODE, { message: TYPE_MESSAGE })
  type?: string;

  @ApiPropertyOptional({ example: 'Reunião de proposta' })
  @NotNullWhenPresent() @Trimmed() @IsString() @Length(1, 500)
  subject?: string;

  @ApiPropertyOptional({ description: 'Concluir (true) ou reabrir (false); o mesmo que /complete e /reopen.' })
  @NotNullWhenPresent() @IsBoolean()
  done?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Versão lida (ou o cabeçalho If-Match). Uma das duas é obrigatória.' })
  @IsOptional() @IsInt() @Min(1)
  version?: number;
}

export class CompleteActivityDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Cliente confirmou o pedido', description: 'Resultado (opcional).' })
  @Nullable() @TrimToNull() @IsString() @MaxLength(2000)
  result?: string | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Versão esperada (opcional; ou If-Match).' })
  @IsOptional() @IsInt() @Min(1)
  version?: number;
}

export const MY_OPEN_RANGES = ['today', 'overdue', 'week'] as const;
export type MyOpenRange = (typeof MY_OPEN_RANGES)[number];
