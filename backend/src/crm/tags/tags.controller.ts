import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/decorators/roles.decorator';
import { TenantScoped } from '../../auth/decorators/tenant-scoped.decorator';
import { HistoryPageDto } from '../audit/dto/history.dto';
import { HistoryEndpoint, historyPage } from '../audit/history-endpoint';
import { ApiErrorResponses } from '../shared/api-error-responses.decorator';
import { READ_ROLES, WRITE_ROLES } from '../shared/crm-roles';
import { ApiListQuery } from '../shared/list/api-list-query.decorator';
import { ORGANIZER_ROLES } from '../shared/people-roles';
import { UuidParam } from '../shared/version';
import { TagDto, TaggedRecordDto, TagPageDto, toTagDto } from './dto/tag.dto';
import { CreateTagDto, TagTargetDto, UpdateTagDto } from './dto/tag-write.dto';
import { TAG_LIST } from './tags.list';
import { TagsService } from './tags.service';

const NOT_FOUND = { 404: 'TAG_NOT_FOUND' } as const;
const TARGET_ERRORS = {
  400: 'VALIDATION_FAILED: exatamente um de contactId, companyId ou opportunityId.',
  404: 'TAG_NOT_FOUND, CONTACT_NOT_FOUND, COMPANY_NOT_FOUND ou OPPORTUNITY_NOT_FOUND (registro inexistente ou não visível).',
} as const;

@ApiTags('tags')
@Controller('tags')
@TenantScoped()
export class TagsController {
  constructor(private readonly service: TagsService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Lista as etiquetas do tenant (com quantos registros visíveis cada uma marca).' })
  @ApiListQuery(TAG_LIST)
  @ApiOkResponse({ type: TagPageDto })
  @ApiErrorResponses()
  async list(@Query() query: Record<string, unknown>): Promise<TagPageDto> {
    const page = await this.service.list(query);
    return { ...page, items: page.items.map(toTagDto) };
  }

  @Post()
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: 'Cria uma etiqueta (409 DUPLICATE_TAG se o nome já existe, sem diferenciar maiúsculas).' })
  @ApiCreatedResponse({ type: TagDto })
  @ApiErrorResponses({ 409: 'DUPLICATE_TAG: details.field = name e details.existingId.' })
  async create(@Body() body: CreateTagDto): Promise<TagDto> {
    return toTagDto(await this.service.create(body));
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Uma etiqueta.' })
  @ApiOkResponse({ type: TagDto })
  @ApiErrorResponses(NOT_FOUND)
  async get(@Param('id', UuidParam) id: string): Promise<TagDto> {
    return toTagDto(await this.service.get(id));
  }

  @Patch(':id')
  @Roles(...ORGANIZER_ROLES)
  @ApiOperation({ summary: 'Renomeia ou recolore uma etiqueta (vale para todos os registros marcados).' })
  @ApiOkResponse({ type: TagDto })
  @ApiErrorResponses({ ...NOT_FOUND, 409: 'DUPLICATE_TAG' })
  async update(@Param('id', UuidParam) id: string, @Body() body: UpdateTagDto): Promise<TagDto> {
    return toTagDto(await this.service.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...ORGANIZER_ROLES)
  @ApiOperation({ summary: 'Exclui (lógico) uma etiqueta: some de todos os registros; restaurável.' })
  @ApiNoContentResponse()
  @ApiErrorResponses(NOT_FOUND)
  remove(@Param('id', UuidParam) id: string): Promise<void> {
    return this.service.remove(id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles(...ORGANIZER_ROLES)
  @ApiOperation({ summary: 'Restaura uma etiqueta excluída (volta aos registros que a tinham).' })
  @ApiOkResponse({ type: TagDto })
  @ApiErrorResponses({ ...NOT_FOUND, 409: 'NOT_DELETED ou DUPLICATE_TAG (nome reutilizado).' })
  async restore(@Param('id', UuidParam) id: string): Promise<TagDto> {
    return toTagDto(await this.service.restore(id));
  }

  @HistoryEndpoint(READ_ROLES, 'Histórico de alterações da etiqueta.', NOT_FOUND)
  async history(@Param('id', UuidParam) id: string, @Query() query: Record<string, unknown>): Promise<HistoryPageDto> {
    return historyPage(await this.service.history(id, query));
  }

  @Post(':id/attach')
  @HttpCode(200)
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: 'Marca um contato, empresa ou oportunidade com a etiqueta (nova versão do registro, auditada nele).' })
  @ApiOkResponse({ type: TaggedRecordDto })
  @ApiErrorResponses(TARGET_ERRORS)
  attach(@Param('id', UuidParam) id: string, @Body() body: TagTargetDto): Promise<TaggedRecordDto> {
    return this.service.attach(id, body);
  }

  @Post(':id/detach')
  @HttpCode(200)
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: 'Tira a etiqueta de um contato, empresa ou oportunidade.' })
  @ApiOkResponse({ type: TaggedRecordDto })
  @ApiErrorResponses(TARGET_ERRORS)
  detach(@Param('id', UuidParam) id: string, @Body() body: TagTargetDto): Promise<TaggedRecordDto> {
    return this.service.detach(id, body);
  }
}
