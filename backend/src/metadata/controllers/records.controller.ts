import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/decorators/roles.decorator';
import { TenantScoped } from '../../auth/decorators/tenant-scoped.decorator';
import { ApiErrorResponses } from '../../crm/shared/api-error-responses.decorator';
import { RecordRow, RecordsService } from '../records/records.service';
import { ApiIfMatch } from '../../crm/shared/version';

const OBJECT_PARAM = { name: 'apiName', description: 'apiName (ou id) do objeto: uma tabela personalizada (leitura e escrita) ou um objeto base (leitura).', example: 'visita_loja' };
const RECORD_SCHEMA = {
  type: 'object',
  additionalProperties: true,
  description: 'Valores pelos apiNames dos campos do objeto (GET /api/objects/{apiName} lista os campos e tipos).',
  example: { loja: 'Loja Centro', data_visita: '2025-03-10', status: 'agendada' },
};

export class RecordPageDto {
  @ApiProperty({ type: 'array', items: RECORD_SCHEMA }) items: RecordRow[];
  @ApiProperty({ type: String, nullable: true, description: 'Passe em ?cursor= para a próxima página; null no fim.' }) nextCursor: string | null;
  @ApiPropertyOptional({ type: 'integer', description: 'Só com ?include_total=true.' }) total?: number;
}

/**
 * The generic record API of objects, with the CRM list conventions (docs/api.md, "Lists"): filters by field
 * (`?status=a&status=b`, `?valor_min=`, `?data_from=`), `?sort=-campo,outro`, keyset `?cursor=`, `?fields=`,
 * `?limit=`, `?include_total=true`, `?deleted=only|include`, `?owner=me|none`.
 */
@ApiTags('objects')
@Controller('objects/:apiName/records')
@TenantScoped()
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Get()
  @Roles('tenant_admin', 'analyst', 'manager', 'sales')
  @ApiOperation({
    summary: 'Registros de um objeto (os visíveis ao papel), com filtros, ordenação e cursor como nas listas do CRM.',
    description:
      'Filtros pelo apiName: ?campo=valor (texto, opções, ids, datas: repita para vários), ?campo_min=/_max= (números), ?campo_from=/_to= (datas e data-hora), ' +
      '?owner=me|none. Também sort, fields, limit (até 200), cursor, include_total, deleted.',
  })
  @ApiParam(OBJECT_PARAM)
  @ApiQuery({ name: 'sort', required: false, schema: { type: 'string', example: '-criado_em' } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } })
  @ApiQuery({ name: 'cursor', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'fields', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'include_total', required: false, schema: { type: 'boolean' } })
  @ApiOkResponse({ type: RecordPageDto })
  @ApiErrorResponses({ 404: 'OBJECT_NOT_FOUND.' })
  list(@Param('apiName') apiName: string, @Query() query: Record<string, unknown>): Promise<RecordPageDto> {
    return this.records.list(apiName, query);
  }

  @Get(':recordId')
  @Roles('tenant_admin', 'analyst', 'manager', 'sales')
  @ApiOperation({ summary: 'Um registro.' })
  @ApiParam(OBJECT_PARAM)
  @ApiParam({ name: 'recordId', format: 'uuid' })
  @ApiOkResponse({ schema: RECORD_SCHEMA })
  @ApiErrorResponses({ 404: 'OBJECT_NOT_FOUND, RECORD_NOT_FOUND.' })
  get(@Param('apiName') apiName: string, @Param('recordId') id: string): Promise<RecordRow> {
    return this.records.get(apiName, id);
  }

  @Post()
  @Roles('tenant_admin', 'manager', 'sales')
  @ApiOperation({ summary: 'Cria um registro numa tabela personalizada (validado pelos metadados: tipos, obrigatórios, opções, CPF/CNPJ/CEP/telefone).' })
  @ApiParam(OBJECT_PARAM)
  @ApiBody({ schema: RECORD_SCHEMA })
  @ApiCreatedResponse({ schema: RECORD_SCHEMA })
  @ApiErrorResponses({ 400: 'VALIDATION_FAILED (details.fields nomeia cada campo); OBJECT_HAS_NO_RECORDS.', 404: 'OBJECT_NOT_FOUND.', 409: 'CONFLICT (campo único); REFERENCE_CONFLICT (lookup inexistente).' })
  create(@Param('apiName') apiName: string, @Body() body: Record<string, unknown>): Promise<RecordRow> {
    return this.records.create(apiName, body ?? {});
  }

  @Patch(':recordId')
  @Roles('tenant_admin', 'manager', 'sales')
  @ApiOperation({ summary: 'Altera um registro (versão otimista: version no corpo ou If-Match).' })
  @ApiParam(OBJECT_PARAM)
  @ApiParam({ name: 'recordId', format: 'uuid' })
  @ApiIfMatch('Versão atual do registro (alternativa a version no corpo).')
  @ApiBody({ schema: { ...RECORD_SCHEMA, properties: { version: { type: 'integer', description: 'Versão atual do registro (versao).' } } } })
  @ApiOkResponse({ schema: RECORD_SCHEMA })
  @ApiErrorResponses({ 404: 'RECORD_NOT_FOUND.', 409: 'VERSION_CONFLICT (details.currentVersion).', 428: true })
  update(@Param('apiName') apiName: string, @Param('recordId') id: string, @Body() body: Record<string, unknown>, @Headers('if-match') ifMatch?: string): Promise<RecordRow> {
    return this.records.update(apiName, id, body ?? {}, ifMatch);
  }

  @Delete(':recordId')
  @HttpCode(204)
  @Roles('tenant_admin', 'manager', 'sales')
  @ApiOperation({ summary: 'Exclui um registro (exclusão lógica: excluido_em).' })
  @ApiParam(OBJECT_PARAM)
  @ApiParam({ name: 'recordId', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiErrorResponses({ 404: 'RECORD_NOT_FOUND.' })
  async remove(@Param('apiName') apiName: string, @Param('recordId') id: string): Promise<void> {
    await this.records.remove(apiName, id);
  }
}
