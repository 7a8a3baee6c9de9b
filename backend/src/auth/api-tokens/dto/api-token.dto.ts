import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { TENANT_ROLES, TenantRole } from '../../principal';
import { ApiTokenRow } from '../api-tokens.repository';

export class CreateApiTokenDto {
  @ApiProperty({ description: 'Nome para identificar o token (ex.: "ERP").', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ enum: TENANT_ROLES, description: 'Papel com que o token age no tenant (nunca platform_admin).' })
  @IsIn(TENANT_ROLES)
  role: TenantRole;

  @ApiPropertyOptional({ format: 'date-time', description: 'Validade (opcional, no máximo 2 anos).' })
  @IsOptional()
  @IsDateString({ strict: true })
  expiresAt?: string;
}

export class ApiTokenDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Parte pública do token (crm_<prefix>_…).' }) prefix: string;
  @ApiProperty({ enum: TENANT_ROLES }) role: TenantRole;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Atualizado no máximo uma vez por minuto.' })
  lastUsedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CreatedApiTokenDto extends ApiTokenDto {
  @ApiProperty({ description: 'O segredo completo, mostrado somente agora. Envie como "Authorization: Bearer <token>".' })
  token: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toApiTokenDto(row: ApiTokenRow): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
    lastUsedAt: iso(row.lastUsedAt),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
