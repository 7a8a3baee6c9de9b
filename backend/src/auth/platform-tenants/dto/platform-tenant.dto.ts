import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { Tenant } from '../../../tenancy/tenant.types';

export class CreateTenantDto {
  @ApiProperty({ example: 'loja_exemplo', description: '3 a 40 caracteres: minúsculas, dígitos e _, começando por letra.' })
  @IsString()
  @Length(3, 40)
  slug: string;

  @ApiProperty({ example: 'Loja Exemplo Ltda' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ example: 'varejo' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  vertical?: string;
}

export class ListTenantsQuery {
  @ApiPropertyOptional({ enum: ['ativo', 'arquivado'] })
  @IsOptional()
  @IsIn(['ativo', 'arquivado'])
  status?: 'ativo' | 'arquivado';

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: 'Cursor: lista os tenants com slug depois deste.' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  after?: string;
}

export class TenantDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['ativo', 'arquivado'] }) status: string;
  @ApiProperty() schemaVersion: number;
  @ApiProperty({ type: String, nullable: true }) vertical: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) archivedAt: string | null;
}

export function toTenantDto(t: Tenant): TenantDto {
  return {
    id: t.id,
    slug: t.slug,
    name: t.name,
    status: t.status,
    schemaVersion: t.schemaVersion,
    vertical: t.vertical,
    createdAt: t.createdAt.toISOString(),
    archivedAt: t.archivedAt ? t.archivedAt.toISOString() : null,
  };
}
