import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/decorators/roles.decorator';
import { TenantScoped } from '../../auth/decorators/tenant-scoped.decorator';
import { HistoryPageDto } from '../audit/dto/history.dto';
import { HistoryEndpoint, historyPage } from '../audit/history-endpoint';
import { ApiErrorResponses } from '../shared/api-error-responses.decorator';
import { CATALOG_ROLES } from '../shared/catalog-roles';
import { READ_ROLES } from '../shared/crm-roles';
import { ApiListQuery } from '../shared/list/api-list-query.decorator';
import { ApiIfMatch, UuidParam } from '../shared/version';
import { VersionEtagInterceptor } from '../shared/version-etag.interceptor';
import { BoardDto, PipelineDto, PipelinePageDto, toPipelineDto } from './dto/pipeline.dto';
import { BoardQueryDto, CreatePipelineDto, UpdatePipelineDto } from './dto/pipeline-write.dto';
import { PIPELINE_LIST } from './pipelines.list';
import { PipelinesService } from './pipelines.service';

const IF_MATCH = ApiIfMatch('Versão esperada do funil, ex. "3" (o ETag do GET).');

@ApiTags('pipelines')
@Controller('pipelines')
@TenantScoped()
@UseInterceptors(VersionEtagInterceptor)
export class PipelinesController {
  constructor(private readonly service: PipelinesService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Lista funis de vendas com suas etapas (ordem do quadro).' })
  @ApiListQuery(PIPELINE_LIST)
  @ApiOkResponse({ type: PipelinePageDto })
  @ApiErrorResponses()
  async list(@Query() query: Record<string, unknown>): Promise<PipelinePageDto> {
    const page = await this.service.list(query);
    return { ...page, items: page.items.map(toPipelineDto) };
  }

  @Post()
  @Roles(...CATALOG_ROLES)
  @ApiOperation({ summary: 'Cria um funil com etapas (sem etapas: as padrão). isDefault: true tira o padrão do funil anterior.' })
  @ApiCreatedResponse({ type: PipelineDto })
  @ApiErrorResponses({ 400: 'VALIDATION_FAILED (details.fields; stages: ao menos uma aberto, no máximo uma ganho e uma perdido).', 409: 'DEFAULT_PIPELINE (padrão inativo).' })
  async create(@Body() body: CreatePipelineDto): Promise<PipelineDto> {
    return toPipelineDto(await this.service.create(body));
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Um funil com suas etapas em ordem (ETag = versão).' })
  @ApiOkResponse({ type: PipelineDto })
  @ApiErrorResponses({ 404: 'PIPELINE_NOT_FOUND' })
  async get(@Param('id', UuidParam) id: string): Promise<PipelineDto> {
    return toPipelineDto(await this.service.get(id));
  }

  @Patch(':id')
  @Roles(...CATALOG_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Altera nome, descrição, ordem, ativo ou padrão de um funil; exige a versão (version ou If-Match).' })
  @ApiOkResponse({ type: PipelineDto })
  @ApiErrorResponses({
    404: 'PIPELINE_NOT_FOUND',
    409: 'VERSION_CONFLICT (details.currentVersion) ou DEFAULT_PIPELINE (o padrão não é desmarcado nem desativado: marque outro).',
    428: true,
  })
  async update(@Param('id', UuidParam) id: string, @Body() body: UpdatePipelineDto, @Headers('if-match') ifMatch?: string): Promise<PipelineDto> {
    return toPipelineDto(await this.service.update(id, body, ifMatch));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...CATALOG_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Exclui (lógico) um funil sem oportunidades, que não seja o padrão; restaurável.' })
  @ApiNoContentResponse()
  @ApiErrorResponses({ 404: 'PIPELINE_NOT_FOUND', 409: 'VERSION_CONFLICT, DEFAULT_PIPELINE ou PIPELINE_IN_USE (details.opportunities).' })
  remove(@Param('id', UuidParam) id: string, @Headers('if-match') ifMatch?: string): Promise<void> {
    return this.service.remove(id, ifMatch);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles(...CATALOG_ROLES)
  @ApiOperation({ summary: 'Restaura um funil excluído.' })
  @ApiOkResponse({ type: PipelineDto })
  @ApiErrorResponses({ 404: 'PIPELINE_NOT_FOUND', 409: 'NOT_DELETED' })
  async restore(@Param('id', UuidParam) id: string): Promise<PipelineDto> {
    return toPipelineDto(await this.service.restore(id));
  }

  @Get(':id/board')
  @Roles(...READ_ROLES)
  @ApiOperation({
    summary: 'Quadro (kanban): por etapa, quantidade, soma de amount e soma ponderada das oportunidades ABERTAS visíveis a quem pergunta.',
  })
  @ApiOkResponse({ type: BoardDto })
  @ApiErrorResponses({ 400: 'VALIDATION_FAILED (owner, ownerId).', 404: 'PIPELINE_NOT_FOUND' })
  board(@Param('id', UuidParam) id: string, @Query() query: BoardQueryDto): Promise<BoardDto> {
    return this.service.board(id, query);
  }

  @HistoryEndpoint(READ_ROLES, 'Histórico de alterações do funil (inclusive das etapas, campo stages), mais recente primeiro.', { 404: 'PIPELINE_NOT_FOUND' })
  async history(@Param('id', UuidParam) id: string, @Query() query: Record<string, unknown>): Promise<HistoryPageDto> {
    return historyPage(await this.service.history(id, query));
  }
}
