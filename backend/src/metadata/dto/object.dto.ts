import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CREATABLE_FIELD_TYPES, FIELD_TYPES, OBJECT_KINDS, TENANT_ROLE_NAMES } from '../metadata.constants';
import { MetaField, MetaObject, MetaObjectWithFields } from '../metadata.types';

const API_NAME_DOC = 'Minúsculas, dígitos e _, 2 a 41 caracteres, começando por letra; sem palavras reservadas do SQL nem prefixos tb_, cx_, cf_, pg_.';

export class SelectOptionDto {
  @ApiProperty({ example: 'ouro' })
  @IsString() @Length(1, 100)
  value: string;

  @ApiPropertyOptional({ example: 'Ouro' })
  @IsOptional() @IsString() @MaxLength(120)
  label?: string;
}

export class CreateFieldDto {
  @ApiProperty({ example: 'data_visita', description: `${API_NAME_DOC} Em objetos base, a coluna criada é cf_<apiName>.` })
  @IsString() @Length(2, 41)
  apiName: string;

  @ApiProperty({ example: 'Data da visita' })
  @IsString() @Length(1, 120)
  labelPt: string;

  @ApiPropertyOptional({ example: 'Visit date', description: 'Padrão: labelPt.' })
  @IsOptional() @IsString() @Length(1, 120)
  labelEn?: string;

  @ApiProperty({ enum: CREATABLE_FIELD_TYPES })
  @IsIn(CREATABLE_FIELD_TYPES as unknown as string[], { message: `$property: use ${CREATABLE_FIELD_TYPES.join(', ')}` })
  type: (typeof CREATABLE_FIELD_TYPES)[number];

  @ApiPropertyOptional({ default: false, description: 'NOT NULL. Com registros já existentes, exige default (que os preenche).' })
  @IsOptional() @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Único entre os registros não excluídos.' })
  @IsOptional() @IsBoolean()
  unique?: boolean;

  @ApiPropertyOptional({ description: 'Valor padrão (do tipo do campo), aplicado pela API na criação de registros.', example: 'bronze' })
  @IsOptional()
  default?: unknown;

  @ApiPropertyOptional({ type: [SelectOptionDto], description: 'Opções de select / multi_select (1 a 200).' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => SelectOptionDto)
  options?: SelectOptionDto[];

  @ApiPropertyOptional({ example: 'tb_empresa', description: 'lookup: apiName do objeto referenciado (base ou tabela).' })
  @IsOptional() @IsString() @Length(2, 63)
  target?: string;

  @ApiPropertyOptional({ description: 'Posição no formulário/grade.' })
  @IsOptional() @IsInt() @Min(0) @Max(100000)
  order?: number;
}

export class UpdateFieldDto {
  @ApiPropertyOptional({ description: 'Novo nome (renomeia a coluna). Recusado enquanto uma consulta ou visão usa o campo.' })
  @IsOptional() @IsString() @Length(2, 41)
  apiName?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 120)
  labelPt?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 120)
  labelEn?: string;

  @ApiPropertyOptional({ enum: CREATABLE_FIELD_TYPES, description: 'Muda o tipo da coluna; recusado (FIELD_TYPE_CHANGE_UNSAFE) quando algum valor se perderia.' })
  @IsOptional() @IsIn(CREATABLE_FIELD_TYPES as unknown as string[], { message: `$property: use ${CREATABLE_FIELD_TYPES.join(', ')}` })
  type?: (typeof CREATABLE_FIELD_TYPES)[number];

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  unique?: boolean;

  @ApiPropertyOptional({ description: 'Novo valor padrão (null remove).' })
  @IsOptional()
  default?: unknown;

  @ApiPropertyOptional({ type: [SelectOptionDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => SelectOptionDto)
  options?: SelectOptionDto[];

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100000)
  order?: number;
}

/** The designer's query model (docs/api.md, "Objects and metadata"); validated by the server against metadata. */
export class QueryModelDto {
  @ApiProperty({ example: 'tb_oportunidade', description: 'Objeto base (apiName).' })
  base: string;

  @ApiPropertyOptional({
    description: 'Junções por referência (lookup): via é o campo lookup que liga o objeto ao modelo (em qualquer direção).',
    example: [{ object: 'tb_empresa', via: 'empresa_id' }],
    type: 'array',
    items: {
      type: 'object',
      required: ['object', 'via'],
      properties: {
        object: { type: 'string' },
        via: { type: 'string' },
        from: { type: 'string' },
        alias: { type: 'string' },
        type: { type: 'string', enum: ['left', 'inner'], default: 'left' },
      },
    },
  })
  joins?: unknown[];

  @ApiProperty({
    description: 'Colunas: campo de um objeto do modelo, com alias e agregação opcionais ("*" com count).',
    example: [{ object: 'tb_empresa', field: 'razao_social' }, { field: 'valor', aggregate: 'sum', alias: 'total' }],
    type: 'array',
    items: {
      type: 'object',
      required: ['field'],
      properties: {
        object: { type: 'string' },
        field: { type: 'string' },
        alias: { type: 'string' },
        aggregate: { type: 'string', enum: ['sum', 'count', 'avg', 'min', 'max'] },
      },
    },
  })
  columns: unknown[];

  @ApiPropertyOptional({
    example: [{ field: 'status', op: 'eq', value: 'ganho' }],
    type: 'array',
    items: {
      type: 'object',
      required: ['field', 'op'],
      properties: {
        object: { type: 'string' },
        field: { type: 'string' },
        op: { type: 'string', enum: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'like', 'isnull'] },
        value: { description: 'Valor (lista para in; true/false para isnull; padrão com % e _ para like, sem diferenciar maiúsculas).' },
      },
    },
  })
  filters?: unknown[];

  @ApiPropertyOptional({
    example: [{ object: 'tb_empresa', field: 'razao_social' }],
    type: 'array',
    items: { type: 'object', required: ['field'], properties: { object: { type: 'string' }, field: { type: 'string' } } },
  })
  groupBy?: unknown[];

  @ApiPropertyOptional({
    example: [{ column: 'total', dir: 'desc' }],
    type: 'array',
    items: { type: 'object', required: ['column'], properties: { column: { type: 'string' }, dir: { type: 'string', enum: ['asc', 'desc'] } } },
  })
  sort?: unknown[];

  @ApiPropertyOptional({ minimum: 1, maximum: 10000 })
  limit?: number;
}

export class CreateObjectDto {
  @ApiProperty({ enum: ['tabela', 'consulta'], description: 'tabela: tabela nova no schema do tenant (só tenant_admin); consulta: SELECT salvo (sql) ou modelo do designer (model).' })
  @IsIn(['tabela', 'consulta'], { message: '$property: use tabela ou consulta' })
  kind: 'tabela' | 'consulta';

  @ApiProperty({ example: 'visita_loja', description: API_NAME_DOC })
  @IsString() @Length(2, 41)
  apiName: string;

  @ApiProperty({ example: 'Visitas às lojas' })
  @IsString() @Length(1, 120)
  labelPt: string;

  @ApiPropertyOptional({ example: 'Store visits', description: 'Padrão: labelPt.' })
  @IsOptional() @IsString() @Length(1, 120)
  labelEn?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ type: [String], enum: TENANT_ROLE_NAMES, nullable: true, description: 'Papéis que veem o objeto; ausente/null = todos.' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsArray() @ArrayMinSize(1) @IsIn(TENANT_ROLE_NAMES as unknown as string[], { each: true })
  roles?: string[] | null;

  @ApiPropertyOptional({ type: [CreateFieldDto], description: 'tabela: campos criados junto com a tabela.' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => CreateFieldDto)
  fields?: CreateFieldDto[];

  @ApiPropertyOptional({ example: 'SELECT e.razao_social, sum(o.valor) AS total FROM tb_oportunidade o JOIN tb_empresa e ON e.id = o.empresa_id GROUP BY 1', description: 'consulta: um SELECT (validado; pode ler tabelas do tenant e outras consultas pelo apiName).' })
  @IsOptional() @IsString() @MaxLength(20000)
  sql?: string;

  @ApiPropertyOptional({ type: () => QueryModelDto, description: 'consulta: modelo do designer (sem SQL).' })
  @IsOptional() @IsObject()
  model?: Record<string, unknown>;
}

export class UpdateObjectDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 120)
  labelPt?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 120)
  labelEn?: string;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ type: [String], enum: TENANT_ROLE_NAMES, nullable: true })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsArray() @ArrayMinSize(1) @IsIn(TENANT_ROLE_NAMES as unknown as string[], { each: true })
  roles?: string[] | null;

  @ApiPropertyOptional({ description: 'consulta: novo SELECT (revalidado; colunas usadas por outras consultas devem continuar).' })
  @IsOptional() @IsString() @MaxLength(20000)
  sql?: string;

  @ApiPropertyOptional({ type: () => QueryModelDto }) @IsOptional() @IsObject()
  model?: Record<string, unknown>;
}

export class PreviewModelDto {
  @ApiProperty({ type: () => QueryModelDto })
  @IsObject()
  model: Record<string, unknown>;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100, description: 'Linhas devolvidas (o teto do executor vale sempre).' })
  @IsOptional() @IsInt() @Min(1) @Max(1000)
  limit?: number;
}

// ---------------------------------------------------------------------------------------------------------------------
// Responses

export class FieldDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'data_visita', description: 'Nome no SQL, nos registros e nos filtros (= coluna).' }) apiName: string;
  @ApiProperty() labelPt: string;
  @ApiProperty() labelEn: string;
  @ApiProperty({ enum: FIELD_TYPES }) type: string;
  @ApiProperty({ example: 'numeric(14,2)', description: 'Tipo da coluna no PostgreSQL.' }) columnType: string;
  @ApiProperty() required: boolean;
  @ApiProperty() unique: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'Valor padrão.' }) default: unknown;
  @ApiPropertyOptional({ type: [SelectOptionDto], nullable: true }) options: SelectOptionDto[] | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'lookup: apiName do objeto referenciado.' }) target: string | null;
  @ApiProperty() order: number;
  @ApiProperty({ description: 'Criado pela API (removível).' }) custom: boolean;
  @ApiProperty({ description: 'Coluna padrão mantida pelo servidor.' }) system: boolean;
  @ApiProperty() readOnly: boolean;
}

export class ObjectSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'visita_loja' }) apiName: string;
  @ApiProperty() labelPt: string;
  @ApiProperty() labelEn: string;
  @ApiProperty({ enum: OBJECT_KINDS }) kind: string;
  @ApiPropertyOptional({ type: String, nullable: true }) description: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Tabela real (base e tabela): o nome a usar no SQL.' }) table: string | null;
  @ApiPropertyOptional({ type: [String], nullable: true, description: 'Papéis que veem o objeto; null = todos.' }) roles: string[] | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class ObjectDto extends ObjectSummaryDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'consulta: o SELECT salvo (ou compilado do modelo).' }) sql: string | null;
  @ApiPropertyOptional({ type: () => QueryModelDto, nullable: true }) model: unknown;
  @ApiProperty({ type: [FieldDto] }) fields: FieldDto[];
}

export class PreviewColumnDto {
  @ApiProperty() name: string;
  @ApiProperty({ example: 'numeric', description: 'Tipo PostgreSQL.' }) type: string;
  @ApiProperty({ enum: FIELD_TYPES, description: 'Tipo de campo (para formatar na grade).' }) fieldType: string;
  @ApiProperty() labelPt: string;
  @ApiProperty() labelEn: string;
}

export class PreviewResultDto {
  @ApiProperty({ description: 'O SELECT gerado (identificadores entre aspas vindos dos metadados).' }) sql: string;
  @ApiProperty({ type: 'array', items: {}, description: 'Valores ligados a $1, $2…' }) params: unknown[];
  @ApiProperty({ type: [PreviewColumnDto] }) columns: PreviewColumnDto[];
  @ApiProperty({ type: 'array', items: { type: 'array', items: {} }, description: 'Uma lista por linha, na ordem de columns.' }) rows: unknown[][];
  @ApiProperty() rowCount: number;
  @ApiProperty() truncated: boolean;
  @ApiProperty() elapsedMs: number;
}

export class DataColumnDto {
  @ApiProperty({ description: 'apiName do campo (chave dos filtros e de sort).' }) name: string;
  @ApiProperty({ enum: FIELD_TYPES }) type: string;
  @ApiProperty({ example: 'integer' }) pgType: string;
  @ApiProperty() labelPt: string;
  @ApiProperty() labelEn: string;
  @ApiPropertyOptional({ type: [SelectOptionDto], nullable: true }) options: SelectOptionDto[] | null;
}

export class ObjectRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() apiName: string;
  @ApiProperty({ enum: OBJECT_KINDS }) kind: string;
  @ApiProperty() labelPt: string;
  @ApiProperty() labelEn: string;
}

export class ObjectDataDto {
  @ApiProperty({ type: ObjectRefDto }) object: ObjectRefDto;
  @ApiProperty({ type: [DataColumnDto] }) columns: DataColumnDto[];
  @ApiProperty({ type: 'array', items: { type: 'array', items: {} }, description: 'Uma lista por linha, na ordem de columns. numeric e bigint como texto; datas AAAA-MM-DD; data-hora ISO 8601 (UTC).' })
  rows: unknown[][];
  @ApiProperty() offset: number;
  @ApiProperty() limit: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Passe em ?offset= para a próxima página; null no fim.' }) nextOffset: number | null;
  @ApiPropertyOptional({ description: 'Só com ?include_total=true.' }) total?: number;
  @ApiPropertyOptional({ type: String, nullable: true }) sort: string | null;
}

export class DependentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() apiName: string;
  @ApiProperty({ enum: ['consulta', 'visual', 'lookup'] }) kind: string;
  @ApiPropertyOptional({ type: [String] }) fields?: string[];
}

export const toFieldDto = (f: MetaField): FieldDto => ({
  id: f.id,
  apiName: f.apiName,
  labelPt: f.labelPt,
  labelEn: f.labelEn,
  type: f.type,
  columnType: f.columnType,
  required: f.required,
  unique: f.unique,
  default: f.default ?? null,
  options: f.options ?? null,
  target: f.targetApiName ?? null,
  order: f.order,
  custom: f.custom,
  system: f.system,
  readOnly: f.readOnly,
});

export const toObjectSummaryDto = (o: MetaObject): ObjectSummaryDto => ({
  id: o.id,
  apiName: o.apiName,
  labelPt: o.labelPt,
  labelEn: o.labelEn,
  kind: o.kind,
  description: o.description,
  table: o.table,
  roles: o.roles,
  version: o.version,
  createdAt: o.createdAt,
  updatedAt: o.updatedAt,
});

export const toObjectDto = (o: MetaObjectWithFields): ObjectDto => ({
  ...toObjectSummaryDto(o),
  sql: o.sql,
  model: o.model,
  fields: o.fields.map(toFieldDto),
});
