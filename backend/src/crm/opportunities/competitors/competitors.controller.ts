import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/decorators/roles.decorator';
import { TenantScoped } from '../../../auth/decorators/tenant-scoped.decorator';
import { ApiErrorResponses } from '../../shared/api-error-responses.decorator';
import { CATALOG_ROLES } from '../../shared/catalog-roles';
import { READ_ROLES } from '../../shared/crm-roles';
import { ApiListQuery } from '../../shared/list/api-list-query.decorator';
import { UuidParam } from '../../shared/version';
import { COMPETITOR_LIST } from './competitors.list';
import { CompetitorsService } from './competitors.service';
import { CompetitorDto, CompetitorPageDto, toCompetitorDto } from './dto/competitor.dto';
import { CreateCompetitorDto, UpdateCompetitorDto } from './dto/competitor-write.dto';

@ApiTags('opportunities')
@Controller('competitors')
@TenantScoped()
export class CompetitorsController {
  constructor(private readonly service: CompetitorsService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Lista concorrentes: busca ?q= (nome), ?active=true para os que podem ser incluídos, ordenação, cursor, lixeira.' })
  @ApiListQuery(COMPETITOR_LIST)
  @ApiOkResponse({ type: CompetitorPageDto })
  @ApiErrorResponses()
  async list(@Query() query: Record<string, unknown>): Promise<CompetitorPageDto> {
    const page = await this.service.list(query);
    return { ...page, items: page.items.map(toCompetitorDto) };
  }

  @Post()
  @Roles(...CATALOG_ROLES)
  @ApiOperation({ summary: 'Cria um concorrente (nome único entre os não excluídos).' })
  @ApiCreatedResponse({ type: CompetitorDto })
  @ApiErrorResponses({ 409: 'DUPLICATE_COMPETITOR: details.field = name e details.existingId.' })
  async create(@Body() body: CreateCompetitorDto): Promise<CompetitorDto> {
    return toCompetitorDto(await this.service.create(body));
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Um concorrente.' })
  @ApiOkResponse({ type: CompetitorDto })
  @ApiErrorResponses({ 404: 'COMPETITOR_NOT_FOUND' })
  async get(@Param('id', UuidParam) id: string): Promise<CompetitorDto> {
    return toCompetitorDto(await this.service.get(id));
  }

  @Patch(':id')
  @Roles(...CATALOG_ROLES)
  @ApiOperation({ summary: 'Altera nome, site, pontos fortes/fracos ou ativo (sem controle de versão: a última gravação vale).' })
  @ApiOkResponse({ type: CompetitorDto })
  @ApiErrorResponses({ 404: 'COMPETITOR_NOT_FOUND', 409: 'DUPLICATE_COMPETITOR (details.existingId).' })
  async update(@Param('id', UuidParam) id: string, @Body() body: UpdateCompetitorDto): Promise<CompetitorDto> {
    return toCompetitorDto(await this.service.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...CATALOG_ROLES)
  @ApiOperation({ summary: 'Exclui (lógico) um concorrente; as oportunidades continuam com ele. Restaurável.' })
  @ApiNoContentResponse()
  @ApiErrorResponses({ 404: 'COMPETITOR_NOT_FOUND' })
  remove(@Param('id', UuidParam) id: string): Promise<void> {
    return this.service.remove(id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles(...CATALOG_ROLES)
  @ApiOperation({ summary: 'Restaura um concorrente excluído.' })
  @ApiOkResponse({ type: CompetitorDto })
  @ApiErrorResponses({ 404: 'COMPETITOR_NOT_FOUND', 409: 'NOT_DELETED ou DUPLICATE_COMPETITOR (nome reutilizado).' })
  async restore(@Param('id', UuidParam) id: string): Promise<CompetitorDto> {
    return toCompetitorDto(await this.service.restore(id));
  }
}
