import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Length, MaxLength, Min } from 'class-validator';
import { IsCpf, IsPhoneBR, NormalizeCpf, NormalizePhoneBR } from '../../../common/br';
import { IsCalendarDate, LowerTrim, NotNullWhenPresent, Nullable, Trimmed, TrimToNull } from '../../shared/dto-helpers';
import { CONTACT_STATUSES, LIFECYCLE_STAGES } from '../contacts.list';

/** Fields shared by create and update. Omitted = untouched; null = cleared (where the field may be empty). */
class ContactFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'maria@example.com.br' })
  @Nullable() @LowerTrim() @IsEmail({}, { message: '$property: e-mail inválido' }) @MaxLength(320)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '(11) 3456-7890', description: 'Qualquer formato brasileiro; guardado em E.164.' })
  @Nullable() @NormalizePhoneBR() @IsPhoneBR()
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '(11) 98765-4321', description: 'Celular/WhatsApp; guardado em E.164.' })
  @Nullable() @NormalizePhoneBR() @IsPhoneBR()
  mobile?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '529.982.247-25', description: 'Com ou sem pontuação; dígitos verificados.' })
  @Nullable() @NormalizeCpf() @IsCpf()
  cpf?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '1990-05-17' })
  @Nullable() @IsCalendarDate()
  birthDate?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Compradora' })
  @Nullable() @TrimToNull() @IsString() @MaxLength(200)
  jobTitle?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Nullable() @TrimToNull() @IsString() @MaxLength(200)
  department?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://www.linkedin.com/in/maria' })
  @Nullable() @IsUrl({ require_protocol: true }, { message: '$property: URL inválida (com http:// ou https://)' }) @MaxLength(500)
  linkedinUrl?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Empresa (deve existir e estar visível).' })
  @Nullable() @IsUUID()
  companyId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Origem do lead (tb_origem_lead).' })
  @Nullable() @IsUUID()
  originId?: string | null;

  @ApiPropertyOptional({ enum: LIFECYCLE_STAGES, default: 'lead', description: 'Ao virar cliente, convertedAt é preenchido.' })
  @NotNullWhenPresent() @IsIn(LIFECYCLE_STAGES, { message: `$property: use ${LIFECYCLE_STAGES.join(', ')}` })
  lifecycleStage?: string;

  @ApiPropertyOptional({ enum: CONTACT_STATUSES, default: 'ativo' })
  @NotNullWhenPresent() @IsIn(CONTACT_STATUSES, { message: `$property: use ${CONTACT_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Nullable() @TrimToNull() @IsString() @MaxLength(500)
  disqualificationReason?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Dono (usuário ativo do tenant); null = pool. Na criação, o padrão é quem cria.' })
  @Nullable() @IsUUID()
  ownerId?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['vip', 'atacado'], description: 'Substitui as etiquetas (por nome; nomes novos criam etiquetas).' })
  @NotNullWhenPresent() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 60, { each: true })
  tags?: string[];
}

export class CreateContactDto extends ContactFieldsDto {
  @ApiProperty({ example: 'Maria Souza' })
  @Trimmed() @IsString() @Length(1, 200)
  name: string;
}

export class UpdateContactDto extends ContactFieldsDto {
  @ApiPropertyOptional({ example: 'Maria Souza' })
  @NotNullWhenPresent() @Trimmed() @IsString() @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Versão lida (ou o cabeçalho If-Match). Uma das duas é obrigatória.' })
  @IsOptional() @IsInt() @Min(1)
  version?: number;
}

export class MergeContactDto {
  @ApiProperty({ format: 'uuid', description: 'Contato que será absorvido (e excluído).' })
  @IsUUID()
  sourceId: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Versão do contato de destino (opcional; ou If-Match).' })
  @IsOptional() @IsInt() @Min(1)
  version?: number;
}
