import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../auth/decorators/current-principal.decorator';
import { Roles } from '../../auth/decorators/roles.decorator';
import { Principal } from '../../auth/principal';
import { DomainError } from '../../common/domain-error';
import { ApiErrorResponses } from '../../crm/shared/api-error-responses.decorator';
import { ApiIfMatch } from '../../crm/shared/version';
import { ObjectDataService } from '../data/object-data.service';
import {
  CreateFieldDto,
  CreateObjectDto,
  FieldDto,
  ObjectDataDto,
  ObjectDto,
  ObjectSummaryDto,
  PreviewModelDto,
  PreviewResultDto,
  toFieldDto,
  toObjectDto,
  toObjectSummaryDto,
  UpdateFieldDto,
  UpdateObjectDto,
} from '../dto/object.dto';
import { OBJECT_KINDS, ObjectKind } from '../metadata.constants';
import { ObjectsService } from '../objects.service';
import { tenantScope } from './scope';

const IF_MATCH = ApiIfMatch('Versão esperada do objeto, ex. "3"; conferida quando enviada (409 VERSION_CONFLICT se outra pessoa alterou).');

const ID_PARAM = { name: 'id', description: 'Id (UUID) ou apiName do objeto.', example: 'visita_loja' };
const IN_USE = 'OBJECT_IN_USE / FIELD_IN_USE: usado por consultas, visões ou referências (details.dependents lista quais); OBJECT_EXISTS, FIELD_EXISTS, FIELD_NAME_CONFLICT; FIELD_TYPE_CHANGE_UNSAFE (details.reason, count, examples); FIELD_HAS_EMPTY_VALUES; FIELD_OPTION_IN_USE; FIELD_VALUES_NOT_UNIQUE.';

@ApiTags('objects')
@Controller('objects')
export class ObjectsController {
  constructor(
    private readonly objects: ObjectsService,
    private readonly data: ObjectDataService,
  ) {}

  @Get()
  @Roles('tenant_admin', 'analyst', 'manager', 'sales')
  @ApiOperation({ summary: 'Objetos do tenant visíveis ao seu papel: objetos base do CRM, tabelas personalizadas e consultas salvas.' })
  @ApiQuery({ name: 'kind', required: false, description: 'Filtra por tipo; vários separados por vírgula.', schema: { type: 'string', example: 'tabela,consulta' } })
  @ApiOkResponse({ type: [ObjectSummaryDto] })
  @ApiErrorResponses()
  async list(@CurrentPrincipal() principal: Principal, @Query('kind') kind?: string): Promise<ObjectSummaryDto[]> {
    const kinds = kind?.split(',').map((k) => k.trim()).filter(Boolean);
    if (kinds?.some((k) => !(OBJECT_KINDS as readonly string[]).includes(k))) {
      throw new DomainError('INVALID_FILTER_VALUE', `Valor inválido para kind: use ${OBJECT_KINDS.join(', ')}.`, 400, { parameter: 'kind' });
    }
    return (await this.objects.list(tenantScope(principal), kinds as ObjectKind[] | undefined)).map(toObjectSummaryDto);
  }

  @Post()
  @Roles('tenant_admin', 'analyst')
  @ApiOperation({
    summary: 'Cria um objeto: uma tabela personalizada (kind tabela, só tenant_admin) ou uma consulta salva (kind consulta: sql ou model).',
    description:
      'tabela: cria cx_<apiName> no schema do tenant com id, tenant_id, owner_id, criado_em, atualizado_em, versao e excluido_em, RLS e permissões, ' +
      'numa transação com os metadados e o log de DDL. consulta: o SELECT é validado (mesmas regras do executor SQL), consultas citadas pelo apiName ' +
      'são expandidas (ciclos recusados: OBJECT_CYCLE), as colunas são inferidas sem executar e viram campos, e as dependências são registradas.',
  })
  @ApiCreatedResponse({ type: ObjectDto })
  @ApiErrorResponses({ 409: 'OBJECT_EXISTS.' })
  async create(@Body() body: CreateObjectDto, @CurrentPrincipal() principal: Principal): Promise<ObjectDto> {
    return toObjectDto(await this.objects.create(tenantScope(principal), body));
  }

  @Post('preview')
  @HttpCode(200)
  @Roles('tenant_admin', 'analyst')
  @ApiOperation({
    summary: 'Compila um modelo do designer (sem SQL) e o executa: devolve o SQL gerado, os valores ligados, as colunas e as linhas.',
    description: 'Nomes do modelo são resolvidos nos metadados (objetos, campos, lookups); nada do pedido entra no SQL além de valores ligados ($n).',
  })
  @ApiOkResponse({ type: PreviewResultDto })
  @ApiErrorResponses({ 400: 'MODEL_INVALID, MODEL_UNKNOWN_OBJECT, MODEL_UNKNOWN_FIELD, MODEL_INVALID_JOIN, MODEL_AMBIGUOUS_JOIN, MODEL_INVALID_FILTER, MODEL_INVALID_AGGREGATE, MODEL_GROUP_BY_MISSING, MODEL_DUPLICATE_COLUMN; erros do executor (SQL_TIMEOUT…).' })
  async preview(@Body() body: PreviewModelDto, @CurrentPrincipal() principal: Principal): Promise<PreviewResultDto> {
    return this.objects.preview(tenantScope(principal), body.model, body.limit);
  }

  @Get(':id')
  @Roles('tenant_admin', 'analyst', 'manager', 'sales')
  @ApiOperation({ summary: 'Um objeto com seus campos.' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: ObjectDto })
  @ApiErrorResponses({ 404: 'OBJECT_NOT_FOUND (também para objetos que o seu papel não vê).' })
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ObjectDto> {
    return toObjectDto(await this.objects.get(tenantScope(principal), id));
  }

  @Patch(':id')
  @Roles('tenant_admin', 'analyst')
  @ApiOperation({ summary: 'Altera rótulos, descrição e papéis; numa consulta, também o SQL ou o modelo (revalidados).' })
  @ApiParam(ID_PARAM)
  @IF_MATCH
  @ApiOkResponse({ type: ObjectDto })
  @ApiErrorResponses({ 404: 'OBJECT_NOT_FOUND.', 409: 'FIELD_IN_USE: a nova versão remove colunas usadas (details.dependents); VERSION_CONFLICT (If-Match antigo; details.currentVersion).' })
  async update(@Param('id') id: string, @Body() body: UpdateObjectDto, @CurrentPrincipal() principal: Principal, @Headers('if-match') ifMatch?: string): Promise<ObjectDto> {
    return toObjectDto(await this.objects.update(tenantScope(principal), id, body, ifMatch));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('tenant_admin', 'analyst')
  @ApiOperation({ summary: 'Remove uma tabela personalizada (DROP TABLE) ou uma consulta; recusado enquanto algo a usa.' })
  @ApiParam(ID_PARAM)
  @IF_MATCH
  @ApiNoContentResponse()
  @ApiErrorResponses({ 404: 'OBJECT_NOT_FOUND.', 409: `${IN_USE} VERSION_CONFLICT (If-Match antigo).` })
  async remove(@Param('id') id: string, @CurrentPrincipal() principal: Principal, @Headers('if-match') ifMatch?: string): Promise<void> {
    await this.objects.remove(tenantScope(principal), id, ifMatch);
  }

  @Post(':id/fields')
  @Roles('tenant_admin')
  @ApiOperation({ summary: 'Adiciona um campo (coluna real; em objetos base, cf_<apiName>).' })
  @ApiParam(ID_PARAM)
  @ApiCreatedResponse({ type: FieldDto })
  @ApiErrorResponses({ 404: 'OBJECT_NOT_FOUND.', 409: IN_USE })
  async addField(@Param('id') id: string, @Body() body: CreateFieldDto, @CurrentPrincipal() principal: Principal): Promise<FieldDto> {
    return toFieldDto(await this.objects.addField(tenantScope(principal), id, body));
  }

  @Patch(':id/fields/:field')
  @Roles('tenant_admin')
  @ApiOperation({ summary: 'Renomeia, muda o tipo, as opções, obrigatoriedade, unicidade ou rótulos de um campo.' })
  @ApiParam(ID_PARAM)
  @ApiParam({ name: 'field', description: 'apiName do campo.' })
  @ApiOkResponse({ type: FieldDto })
  @ApiErrorResponses({ 404: 'OBJECT_NOT_FOUND, FIELD_NOT_FOUND.', 409: IN_USE })
  async updateField(@Param('id') id: string, @Param('field') field: string, @Body() body: UpdateFieldDto, @CurrentPrincipal() principal: Principal): Promise<FieldDto> {
    return toFieldDto(await this.objects.updateField(tenantScope(principal), id, field, body));
  }

  @Delete(':id/fields/:field')
  @HttpCode(204)
  @Roles('tenant_admin')
  @ApiOperation({ summary: 'Remove um campo personalizado (DROP COLUMN); recusado enquanto uma consulta ou visão o usa.' })
  @ApiParam(ID_PARAM)
  @ApiParam({ name: 'field', description: 'apiName do campo.' })
  @ApiNoContentResponse()
  @ApiErrorResponses({ 404: 'OBJECT_NOT_FOUND, FIELD_NOT_FOUND.', 409: IN_USE })
  async removeField(@Param('id') id: string, @Param('field') field: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.objects.removeField(tenantScope(principal), id, field);
  }

  @Get(':id/data')
  @Roles('tenant_admin', 'analyst', 'manager', 'sales')
  @ApiOperation({
    summary: 'Dados de qualquer objeto (o que a grade genérica do console lê): colunas com tipos e linhas, com filtro, ordenação e paginação por offset.',
    description:
      'O objeto é envolvido como subconsulta: SELECT … FROM (<objeto>) AS o WHERE … ORDER BY … LIMIT … OFFSET …. ' +
      'Filtros pelo apiName dos campos: ?campo=valor (repita para vários), ?campo_min=/_max= (números), ?campo_from=/_to= (datas). ' +
      'Consultas rodam no executor SQL (papel somente leitura do tenant, limites e auditoria); objetos base e tabelas, no caminho confiável da API. ' +
      'As regras de visibilidade por dono (RLS) valem nos dois.',
  })
  @ApiParam(ID_PARAM)
  @ApiQuery({ name: 'sort', required: false, description: 'Campos separados por vírgula, - para decrescente (ex. -total,nome).', schema: { type: 'string' } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } })
  @ApiQuery({ name: 'offset', required: false, schema: { type: 'integer', minimum: 0, maximum: 100000, default: 0 } })
  @ApiQuery({ name: 'fields', required: false, description: 'Colunas a devolver (apiNames separados por vírgula).', schema: { type: 'string' } })
  @ApiQuery({ name: 'include_total', required: false, schema: { type: 'boolean', default: false } })
  @ApiQuery({
    name: 'filters',
    required: false,
    style: 'form',
    explode: true,
    description:
      'Filtros por campo, cada um como um parâmetro com o apiName do campo (o nome `filters` não aparece na URL): ' +
      '?status=aberto&status=ganho (igualdade; repita para vários valores), ?valor_min=100&valor_max=500 (números), ' +
      '?criado_em_from=2025-01-01&criado_em_to=2025-01-31 (datas). Um campo desconhecido: 400 INVALID_FILTER.',
    schema: { type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] } },
  })
  @ApiOkResponse({ type: ObjectDataDto })
  @ApiErrorResponses({ 400: 'INVALID_FILTER, INVALID_FILTER_VALUE, INVALID_SORT, INVALID_FIELDS, INVALID_LIMIT, INVALID_OFFSET; erros do executor (SQL_TIMEOUT…).', 404: 'OBJECT_NOT_FOUND.' })
  async dataOf(@Param('id') id: string, @Query() query: Record<string, unknown>, @CurrentPrincipal() principal: Principal): Promise<ObjectDataDto> {
    return this.data.data(tenantScope(principal), id, query);
  }
}
