import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/decorators/roles.decorator';
import { TenantScoped } from '../../auth/decorators/tenant-scoped.decorator';
import { HistoryPageDto } from '../audit/dto/history.dto';
import { HistoryEndpoint, historyPage } from '../audit/history-endpoint';
import { ApiErrorResponses } from '../shared/api-error-responses.decorator';
import { READ_ROLES, WRITE_ROLES } from '../shared/crm-roles';
import { ApiListQuery } from '../shared/list/api-list-query.decorator';
import { ApiIfMatch, UuidParam } from '../shared/version';
import { VersionEtagInterceptor } from '../shared/version-etag.interceptor';
import { OpportunityDto, OpportunityPageDto, StageChangePageDto, toOpportunityDto, toStageChangeDto } from './dto/opportunity.dto';
import { CreateOpportunityDto, LoseOpportunityDto, MoveOpportunityDto, UpdateOpportunityDto, WinOpportunityDto } from './dto/opportunity-write.dto';
import { OPPORTUNITY_LIST, STAGE_HISTORY_LIST } from './opportunities.list';
import { OpportunitiesService } from './opportunities.service';

const IF_MATCH = ApiIfMatch();
const STAGE_ERRORS = 'VALIDATION_FAILED (details.fields: lossReasonId obrigatório ao perder) ou INVALID_REFERENCE (stageId, pipelineId, lossReasonId…).';

@ApiTags('opportunities')
@Controller('opportunities')
@TenantScoped()
@UseInterceptors(VersionEtagInterceptor)
export class OpportunitiesController {
  constructor(private readonly service: OpportunitiesService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({
    summary: 'Lista oportunidades visíveis ao papel: ?status=aberto (ganho, perdido), etapa, funil, dono, valor, datas, busca ?q=, ordenação, cursor.',
  })
  @ApiListQuery(OPPORTUNITY_LIST)
  @ApiOkResponse({ type: OpportunityPageDto })
  @ApiErrorResponses()
  async list(@Query() query: Record<string, unknown>): Promise<OpportunityPageDto> {
    const page = await this.service.list(query);
    return { ...page, items: page.items.map(toOpportunityDto) };
  }

  @Post()
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: 'Cria uma oportunidade (padrão: funil padrão, primeira etapa aberta, dono = quem cria); registra a etapa inicial no histórico.' })
  @ApiCreatedResponse({ type: OpportunityDto })
  @ApiErrorResponses({ 400: STAGE_ERRORS })
  async create(@Body() body: CreateOpportunityDto): Promise<OpportunityDto> {
    return toOpportunityDto(await this.service.create(body));
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Uma oportunidade (ETag = versão).' })
  @ApiOkResponse({ type: OpportunityDto })
  @ApiErrorResponses({ 404: 'OPPORTUNITY_NOT_FOUND' })
  async get(@Param('id', UuidParam) id: string): Promise<OpportunityDto> {
    return toOpportunityDto(await this.service.get(id));
  }

  @Patch(':id')
  @Roles(...WRITE_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Altera campos; stageId/pipelineId movem de etapa (como /move). Exige a versão (version ou If-Match).' })
  @ApiOkResponse({ type: OpportunityDto })
  @ApiErrorResponses({ 400: STAGE_ERRORS, 404: 'OPPORTUNITY_NOT_FOUND', 409: 'VERSION_CONFLICT (details.currentVersion).', 428: true })
  async update(@Param('id', UuidParam) id: string, @Body() body: UpdateOpportunityDto, @Headers('if-match') ifMatch?: string): Promise<OpportunityDto> {
    return toOpportunityDto(await this.service.update(id, body, ifMatch));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...WRITE_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Exclui (lógico) uma oportunidade; restaurável.' })
  @ApiNoContentResponse()
  @ApiErrorResponses({ 404: 'OPPORTUNITY_NOT_FOUND', 409: 'VERSION_CONFLICT (com If-Match).' })
  remove(@Param('id', UuidParam) id: string, @Headers('if-match') ifMatch?: string): Promise<void> {
    return this.service.remove(id, ifMatch);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: 'Restaura uma oportunidade excluída (na mesma etapa).' })
  @ApiOkResponse({ type: OpportunityDto })
  @ApiErrorResponses({ 404: 'OPPORTUNITY_NOT_FOUND', 409: 'NOT_DELETED ou STAGE_DELETED.' })
  async restore(@Param('id', UuidParam) id: string): Promise<OpportunityDto> {
    return toOpportunityDto(await this.service.restore(id));
  }

  @Post(':id/move')
  @HttpCode(200)
  @Roles(...WRITE_ROLES)
  @IF_MATCH
  @ApiOperation({
    summary: 'Move para uma etapa (kanban): status segue o tipo da etapa, probability a da etapa; grava o histórico de etapas. Exige a versão.',
  })
  @ApiOkResponse({ type: OpportunityDto })
  @ApiErrorResponses({ 400: STAGE_ERRORS, 404: 'OPPORTUNITY_NOT_FOUND', 409: 'VERSION_CONFLICT', 428: true })
  async move(@Param('id', UuidParam) id: string, @Body() body: MoveOpportunityDto, @Headers('if-match') ifMatch?: string): Promise<OpportunityDto> {
    return toOpportunityDto(await this.service.move(id, body, ifMatch));
  }

  @Post(':id/win')
  @HttpCode(200)
  @Roles(...WRITE_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Marca como ganha: vai para a etapa ganho do funil (status ganho, closedAt).' })
  @ApiOkResponse({ type: OpportunityDto })
  @ApiErrorResponses({ 404: 'OPPORTUNITY_NOT_FOUND', 409: 'VERSION_CONFLICT ou NO_WON_STAGE.' })
  async win(@Param('id', UuidParam) id: string, @Body() body: WinOpportunityDto, @Headers('if-match') ifMatch?: string): Promise<OpportunityDto> {
    return toOpportunityDto(await this.service.win(id, body, ifMatch));
  }

  @Post(':id/lose')
  @HttpCode(200)
  @Roles(...WRITE_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Marca como perdida, com motivo (obrigatório): vai para a etapa perdido do funil (status perdido).' })
  @ApiOkResponse({ type: OpportunityDto })
  @ApiErrorResponses({
    400: 'VALIDATION_FAILED (details.fields nomeia lossReasonId quando falta) ou INVALID_REFERENCE (motivo inexistente ou inativo).',
    404: 'OPPORTUNITY_NOT_FOUND',
    409: 'VERSION_CONFLICT ou NO_LOST_STAGE.',
  })
  async lose(@Param('id', UuidParam) id: string, @Body() body: LoseOpportunityDto, @Headers('if-match') ifMatch?: string): Promise<OpportunityDto> {
    return toOpportunityDto(await this.service.lose(id, body, ifMatch));
  }

  @Get(':id/stage-history')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Caminho da oportunidade pelas etapas (de → para, status, valor, quem, quando), mais recente primeiro.' })
  @ApiListQuery(STAGE_HISTORY_LIST)
  @ApiOkResponse({ type: StageChangePageDto })
  @ApiErrorResponses({ 404: 'OPPORTUNITY_NOT_FOUND' })
  async stageHistory(@Param('id', UuidParam) id: string, @Query() query: Record<string, unknown>): Promise<StageChangePageDto> {
    const page = await this.service.stageHistory(id, query);
    return { ...page, items: page.items.map(toStageChangeDto) };
  }

  @HistoryEndpoint(READ_ROLES, 'Histórico de alterações (quem mudou qual campo, de quê para quê; itens no campo items), mais recente primeiro.', { 404: 'OPPORTUNITY_NOT_FOUND' })
  async history(@Param('id', UuidParam) id: string, @Query() query: Record<string, unknown>): Promise<HistoryPageDto> {
    return historyPage(await this.service.history(id, query));
  }
}
