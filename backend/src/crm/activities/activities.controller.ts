import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles, UserSessionOnly } from '../../auth/decorators/roles.decorator';
import { TenantScoped } from '../../auth/decorators/tenant-scoped.decorator';
import { HistoryPageDto } from '../audit/dto/history.dto';
import { HistoryEndpoint, historyPage } from '../audit/history-endpoint';
import { ApiErrorResponses } from '../shared/api-error-responses.decorator';
import { READ_ROLES, WRITE_ROLES } from '../shared/crm-roles';
import { ApiListQuery } from '../shared/list/api-list-query.decorator';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../shared/list/list-plan';
import { ApiIfMatch, UuidParam } from '../shared/version';
import { VersionEtagInterceptor } from '../shared/version-etag.interceptor';
import { ACTIVITY_LIST } from './activities.list';
import { ActivitiesService } from './activities.service';
import { ActivityDto, ActivityPageDto, toActivityDto } from './dto/activity.dto';
import { CompleteActivityDto, CreateActivityDto, MY_OPEN_RANGES, UpdateActivityDto } from './dto/activity-write.dto';

const IF_MATCH = ApiIfMatch();
const NOT_FOUND = { 404: 'ACTIVITY_NOT_FOUND' } as const;

@ApiTags('activities')
@Controller('activities')
@TenantScoped()
@UseInterceptors(VersionEtagInterceptor)
export class ActivitiesController {
  constructor(private readonly service: ActivitiesService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Lista atividades visíveis ao papel: filtros (tipo, situação, dono, vínculos, vencimento, atrasadas), ordenação, cursor, seleção de campos.' })
  @ApiListQuery(ACTIVITY_LIST)
  @ApiOkResponse({ type: ActivityPageDto })
  @ApiErrorResponses()
  async list(@Query() query: Record<string, unknown>): Promise<ActivityPageDto> {
    const page = await this.service.list(query);
    return { ...page, items: page.items.map(toActivityDto) };
  }

  @Get('my-open')
  @Roles(...READ_ROLES)
  @UserSessionOnly()
  @ApiOperation({
    summary: 'Minhas tarefas: atividades abertas de quem chama com vencimento no período (no fuso do usuário), da mais próxima para a mais distante.',
  })
  @ApiQuery({ name: 'range', required: true, enum: MY_OPEN_RANGES, description: 'today: vencem hoje; week: hoje e os próximos 6 dias; overdue: vencidas.' })
  @ApiQuery({ name: 'type', required: false, type: String, description: 'Tipo (código); vários separados por vírgula.', example: 'tarefa,ligacao' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT } })
  @ApiQuery({ name: 'cursor', required: false, type: String, description: 'nextCursor da página anterior.' })
  @ApiQuery({ name: 'fields', required: false, type: String, description: 'Campos a retornar (id sempre vem).' })
  @ApiQuery({ name: 'includeTotal', required: false, type: Boolean })
  @ApiOkResponse({ type: ActivityPageDto })
  @ApiErrorResponses({ 400: 'INVALID_FILTER (parâmetro desconhecido), INVALID_FILTER_VALUE (range), INVALID_CURSOR, INVALID_LIMIT, INVALID_FIELDS.' })
  async myOpen(@Query() query: Record<string, unknown>): Promise<ActivityPageDto> {
    const page = await this.service.myOpen(query);
    return { ...page, items: page.items.map(toActivityDto) };
  }

  @Post()
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: 'Cria uma atividade (ligação, reunião, tarefa, visita…); ligada a um contato, atualiza a última atividade dele.' })
  @ApiCreatedResponse({ type: ActivityDto })
  @ApiErrorResponses({ 400: 'VALIDATION_FAILED (details.fields) ou INVALID_REFERENCE (tipo, contato, empresa, oportunidade, dono, participantes).' })
  async create(@Body() body: CreateActivityDto): Promise<ActivityDto> {
    return toActivityDto(await this.service.create(body));
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Uma atividade (ETag = versão).' })
  @ApiOkResponse({ type: ActivityDto })
  @ApiErrorResponses(NOT_FOUND)
  async get(@Param('id', UuidParam) id: string): Promise<ActivityDto> {
    return toActivityDto(await this.service.get(id));
  }

  @Patch(':id')
  @Roles(...WRITE_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Altera campos de uma atividade (participants substitui a lista); exige a versão (version ou If-Match).' })
  @ApiOkResponse({ type: ActivityDto })
  @ApiErrorResponses({ ...NOT_FOUND, 409: 'VERSION_CONFLICT (details.currentVersion).', 428: true })
  async update(@Param('id', UuidParam) id: string, @Body() body: UpdateActivityDto, @Headers('if-match') ifMatch?: string): Promise<ActivityDto> {
    return toActivityDto(await this.service.update(id, body, ifMatch));
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles(...WRITE_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Conclui a atividade (doneAt = agora), com resultado opcional; já concluída, só atualiza o resultado.' })
  @ApiOkResponse({ type: ActivityDto })
  @ApiErrorResponses({ ...NOT_FOUND, 409: 'VERSION_CONFLICT (com version ou If-Match).' })
  async complete(@Param('id', UuidParam) id: string, @Body() body: CompleteActivityDto, @Headers('if-match') ifMatch?: string): Promise<ActivityDto> {
    return toActivityDto(await this.service.complete(id, body, ifMatch));
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles(...WRITE_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Reabre uma atividade concluída (done = false, doneAt = null).' })
  @ApiOkResponse({ type: ActivityDto })
  @ApiErrorResponses({ ...NOT_FOUND, 409: 'VERSION_CONFLICT (com If-Match).' })
  async reopen(@Param('id', UuidParam) id: string, @Headers('if-match') ifMatch?: string): Promise<ActivityDto> {
    return toActivityDto(await this.service.reopen(id, ifMatch));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...WRITE_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Exclui (lógico) uma atividade; restaurável.' })
  @ApiNoContentResponse()
  @ApiErrorResponses({ ...NOT_FOUND, 409: 'VERSION_CONFLICT (com If-Match).' })
  remove(@Param('id', UuidParam) id: string, @Headers('if-match') ifMatch?: string): Promise<void> {
    return this.service.remove(id, ifMatch);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: 'Restaura uma atividade excluída.' })
  @ApiOkResponse({ type: ActivityDto })
  @ApiErrorResponses({ ...NOT_FOUND, 409: 'NOT_DELETED' })
  async restore(@Param('id', UuidParam) id: string): Promise<ActivityDto> {
    return toActivityDto(await this.service.restore(id));
  }

  @HistoryEndpoint(READ_ROLES, 'Histórico de alterações da atividade (quem mudou qual campo, de quê para quê), mais recente primeiro.', NOT_FOUND)
  async history(@Param('id', UuidParam) id: string, @Query() query: Record<string, unknown>): Promise<HistoryPageDto> {
    return historyPage(await this.service.history(id, query));
  }
}
