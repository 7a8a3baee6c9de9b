import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { TENANT_ROLE_NAMES } from '../metadata.constants';
import { CHART_TYPES, VISUAL_KINDS } from '../visuals/visual-config.schema';

const CONFIG_DOC =
  'Por tipo (campos pelo apiName, validados contra os metadados): ' +
  'grid {columns:[{field,width?,label?}], sort?:[{field,dir}], filters?:[{field,op,value}], pageSize?}; ' +
  'kanban {groupBy (select, lookup ou boolean), cardTitle, cardFields?, sort?, filters?}; ' +
  `chart {chartType (${CHART_TYPES.join(', ')}), groupBy?, seriesBy?, measures:[{field?, aggregate: sum|count|avg|min|max, label?}], filters?, sort?, limit?}; ` +
  'form {sections:[{title?, fields:[...]}]}.';

export class CreateVisualDto {
  @ApiProperty({ example: 'Visitas por status' })
  @IsString() @Length(1, 120)
  name: string;

  @ApiProperty({ enum: VISUAL_KINDS })
  @IsIn(VISUAL_KINDS as unknown as string[], { message: `$property: use ${VISUAL_KINDS.join(', ')}` })
  kind: (typeof VISUAL_KINDS)[number];

  @ApiProperty({ type: 'object', additionalProperties: true, description: CONFIG_DOC, example: { columns: [{ field: 'loja' }, { field: 'status' }], sort: [{ field: 'loja', dir: 'asc' }] } })
  @IsObject()
  config: Record<string, unknown>;

  @ApiPropertyOptional({ type: [String], enum: TENANT_ROLE_NAMES, nullable: true, description: 'Papéis que veem a visão; ausente/null = todos.' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsArray() @ArrayMinSize(1) @IsIn(TENANT_ROLE_NAMES as unknown as string[], { each: true })
  roles?: string[] | null;

  @ApiPropertyOptional({ default: false, description: 'Visão aberta por padrão para o objeto.' })
  @IsOptional() @IsBoolean()
  isDefault?: boolean;
}

export class UpdateVisualDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 120)
  name?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: CONFIG_DOC })
  @IsOptional() @IsObject()
  config?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [String], enum: TENANT_ROLE_NAMES, nullable: true })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsArray() @ArrayMinSize(1) @IsIn(TENANT_ROLE_NAMES as unknown as string[], { each: true })
  roles?: string[] | null;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  isDefault?: boolean;
}

export class VisualDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) objectId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: VISUAL_KINDS }) kind: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: CONFIG_DOC }) config: Record<string, unknown>;
  @ApiPropertyOptional({ type: [String], nullable: true }) roles: string[] | null;
  @ApiProperty() isDefault: boolean;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}
