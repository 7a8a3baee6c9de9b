import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, IsTimeZone, IsUUID, Length, MaxLength } from 'class-validator';
import { TENANT_ROLES } from '../../../auth/principal';
import { IsPhoneBR, NormalizePhoneBR } from '../../../common/br';
import { LowerTrim, NotNullWhenPresent, Nullable, Trimmed, TrimToNull } from '../../shared/dto-helpers';
import { LANGUAGES } from '../users.list';

// platform_admin is a flag of the person, never a tenant role: it is simply not among the values.
const ROLE_MESSAGE = `$property: use ${TENANT_ROLES.join(', ')}`;

class UserProfileFieldsDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Equipe (ativa).' })
  @Nullable() @IsUUID()
  teamId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Vendedora' })
  @Nullable() @TrimToNull() @IsString() @MaxLength(200)
  jobTitle?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '(11) 98765-4321', description: 'Guardado em E.164.' })
  @Nullable() @NormalizePhoneBR() @IsPhoneBR()
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'America/Manaus', description: 'Fuso IANA; null = padrão do tenant.' })
  @Nullable() @IsTimeZone({ message: '$property: fuso horário IANA inválido (ex. America/Sao_Paulo)' })
  timeZone?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'pt-BR' })
  @NotNullWhenPresent() @IsIn(LANGUAGES, { message: `$property: use ${LANGUAGES.join(', ')}` })
  language?: string;
}

/** Invite (or create) a member of this tenant. */
export class InviteUserDto extends UserProfileFieldsDto {
  @ApiProperty({ example: 'ana@supermercadolima.com.br' })
  @LowerTrim() @IsEmail({}, { message: '$property: e-mail inválido' }) @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'Ana Lima' })
  @Trimmed() @IsString() @Length(1, 200)
  name: string;

  @ApiProperty({ enum: TENANT_ROLES, example: 'sales' })
  @IsIn(TENANT_ROLES, { message: ROLE_MESSAGE })
  role: string;

  @ApiPropertyOptional({
    minLength: 8,
    description: 'Senha inicial de uma conta nova; sem ela, uma é gerada e mostrada uma vez. Não vale para e-mails que já têm conta.',
  })
  @NotNullWhenPresent() @IsString() @Length(8, 200, { message: '$property: a senha deve ter de 8 a 200 caracteres' })
  password?: string;
}

export class UpdateUserDto extends UserProfileFieldsDto {
  @ApiPropertyOptional({ example: 'Ana Lima', description: 'Nome no tenant (a conta na plataforma não muda).' })
  @NotNullWhenPresent() @Trimmed() @IsString() @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: TENANT_ROLES, description: 'Vale a partir do próximo login ou renovação da sessão.' })
  @NotNullWhenPresent() @IsIn(TENANT_ROLES, { message: ROLE_MESSAGE })
  role?: string;
}
