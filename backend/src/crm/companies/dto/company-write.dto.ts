import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsEmail, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUrl, IsUUID, Length, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { IsCep, IsCnpj, IsPhoneBR, NormalizeCep, NormalizeCnpj, NormalizePhoneBR } from '../../../common/br';
import { IsCalendarDate, LowerTrim, NotNullWhenPresent, Nullable, Trimmed, UpperTrim, TrimToNull } from '../../shared/dto-helpers';
import { LIFECYCLE_STAGES } from '../../contacts/contacts.list';
import { COMPANY_SIZES, COMPANY_STATUSES, UFS } from '../companies.list';

/** The main address; on PATCH only the parts sent change, null clears a part (or the whole address). */
export class AddressInputDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: '01310-100' })
  @Nullable() @NormalizeCep() @IsCep()
  postalCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Avenida Paulista' })
  @Nullable() @TrimToNull() @IsString() @MaxLength(200)
  street?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '1000' })
  @Nullable() @TrimToNull() @IsString() @MaxLength(20)
  number?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Nullable() @TrimToNull() @IsString() @MaxLength(200)
  complement?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Bela Vista' })
  @Nullable() @TrimToNull() @IsString() @MaxLength(100)
  district?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'São Paulo' })
  @Nullable() @TrimToNull() @IsString() @MaxLength(100)
  city?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, enum: UFS, example: 'SP' })
  @Nullable() @UpperTrim() @IsIn(UFS, { message: '$property: UF inválida' })
  state?: string | null;
}

class CompanyFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Lima Distribuidora' })
  @Nullable() @TrimToNull() @IsString() @MaxLength(200)
  tradeName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '11.222.333/0001-81', description: 'Numérico ou alfanumérico; dígitos verificados.' })
  @Nullable() @NormalizeCnpj() @IsCnpj()
  cnpj?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Inscrição estadual.' })
  @Nullable() @TrimToNull() @IsString() @MaxLength(30)
  stateRegistration?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'varejo alimentar' })
  @Nullable() @TrimToNull() @IsString() @MaxLength(100)
  segment?: string | null;

  @ApiPropertyOptional({ enum: COMPANY_SIZES, nullable: true })
  @Nullable() @IsIn(COMPANY_SIZES, { message: `$property: use ${COMPANY_SIZES.join(', ')}` })
  size?: string | null;

  @ApiPropertyOptional({ enum: LIFECYCLE_STAGES, default: 'lead' })
  @NotNullWhenPresent() @IsIn(LIFECYCLE_STAGES, { message: `$property: use ${LIFECYCLE_STAGES.join(', ')}` })
  lifecycleStage?: string;

  @ApiPropertyOptional({ enum: COMPANY_STATUSES, default: 'ativo' })
  @NotNullWhenPresent() @IsIn(COMPANY_STATUSES, { message: `$property: use ${COMPANY_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://lima.com.br' })
  @Nullable() @IsUrl({ require_protocol: true }, { message: '$property: URL inválida (com http:// ou https://)' }) @MaxLength(500)
  website?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Nullable() @LowerTrim() @IsEmail({}, { message: '$property: e-mail inválido' }) @MaxLength(320)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '(11) 3456-7890' })
  @Nullable() @NormalizePhoneBR() @IsPhoneBR()
  phone?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0 })
  @Nullable() @IsInt() @Min(0) @Max(100_000_000)
  employeeCount?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 1250000.5, description: 'BRL, até 2 casas decimais.' })
  @Nullable() @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0) @Max(999_999_999_999.99)
  annualRevenue?: number | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @Nullable() @IsCalendarDate()
  customerSince?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Matriz (empresa visível e ativa).' })
  @Nullable() @IsUUID()
  parentCompanyId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Nullable() @IsUUID()
  originId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Dono; null = pool. Na criação, o padrão é quem cria.' })
  @Nullable() @IsUUID()
  ownerId?: string | null;

  @ApiPropertyOptional({ type: AddressInputDto, nullable: true, description: 'Endereço principal; null remove.' })
  @Nullable() @ValidateNested() @Type(() => AddressInputDto)
  address?: AddressInputDto | null;

  @ApiPropertyOptional({ type: [String], example: ['atacado'], description: 'Substitui as etiquetas (por nome).' })
  @NotNullWhenPresent() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 60, { each: true })
  tags?: string[];
}

export class CreateCompanyDto extends CompanyFieldsDto {
  @ApiProperty({ example: 'Distribuidora Lima Ltda', description: 'Razão social.' })
  @Trimmed() @IsString() @Length(1, 200)
  legalName: string;
}

export class UpdateCompanyDto extends CompanyFieldsDto {
  @ApiPropertyOptional({ example: 'Distribuidora Lima Ltda' })
  @NotNullWhenPresent() @Trimmed() @IsString() @Length(1, 200)
  legalName?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Versão lida (ou o cabeçalho If-Match). Uma das duas é obrigatória.' })
  @IsOptional() @IsInt() @Min(1)
  version?: number;
}

export class MergeCompanyDto {
  @ApiProperty({ format: 'uuid', description: 'Empresa que será absorvida (e excluída).' })
  @IsUUID()
  sourceId: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Versão da empresa de destino (opcional; ou If-Match).' })
  @IsOptional() @IsInt() @Min(1)
  version?: number;
}
