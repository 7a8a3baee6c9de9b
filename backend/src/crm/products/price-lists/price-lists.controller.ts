import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/decorators/roles.decorator';
import { TenantScoped } from '../../../auth/decorators/tenant-scoped.decorator';
import { ApiErrorResponses } from '../../shared/api-error-responses.decorator';
import { CATALOG_ROLES } from '../../shared/catalog-roles';
import { READ_ROLES } from '../../shared/crm-roles';
import { ApiListQuery } from '../../shared/list/api-list-query.decorator';
import { ApiIfMatch, UuidParam } from '../../shared/version';
import { VersionEtagInterceptor } from '../../shared/version-etag.interceptor';
import { PriceListDto, PriceListPageDto, toPriceListDto } from './dto/price-list.dto';
import { CreatePriceListDto, UpdatePriceListDto } from './dto/price-list-write.dto';
import { PRICE_LIST_LIST } from './price-lists.list';
import { PriceListsService } from './price-lists.service';

const IF_MATCH = ApiIfMatch();

@ApiTags('products')
@Controller('price-lists')
@TenantScoped()
@UseInterceptors(VersionEtagInterceptor)
export class PriceListsController {
  constructor(private readonly service: PriceListsService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Lista tabelas de preços.' })
  @ApiListQuery(PRICE_LIST_LIST)
  @ApiOkResponse({ type: PriceListPageDto })
  @ApiErrorResponses()
  async list(@Query() query: Record<string, unknown>): Promise<PriceListPageDto> {
    const page = await this.service.list(query);
    return { ...page, items: page.items.map(toPriceListDto) };
  }

  @Post()
  @Roles(...CATALOG_ROLES)
  @ApiOperation({ summary: 'Cria uma tabela de preços (isDefault: true tira o padrão da anterior).' })
  @ApiCreatedResponse({ type: PriceListDto })
  @ApiErrorResponses({ 400: 'VALIDATION_FAILED (details.fields; validTo antes de validFrom).' })
  async create(@Body() body: CreatePriceListDto): Promise<PriceListDto> {
    return toPriceListDto(await this.service.create(body));
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Uma tabela de preços (ETag = versão); os preços estão em /items.' })
  @ApiOkResponse({ type: PriceListDto })
  @ApiErrorResponses({ 404: 'PRICE_LIST_NOT_FOUND' })
  async get(@Param('id', UuidParam) id: string): Promise<PriceListDto> {
    return toPriceListDto(await this.service.get(id));
  }

  @Patch(':id')
  @Roles(...CATALOG_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Altera uma tabela de preços; exige a versão (version ou If-Match).' })
  @ApiOkResponse({ type: PriceListDto })
  @ApiErrorResponses({ 404: 'PRICE_LIST_NOT_FOUND', 409: 'VERSION_CONFLICT (details.currentVersion).', 428: true })
  async update(@Param('id', UuidParam) id: string, @Body() body: UpdatePriceListDto, @Headers('if-match') ifMatch?: string): Promise<PriceListDto> {
    return toPriceListDto(await this.service.update(id, body, ifMatch));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...CATALOG_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Exclui (lógico) uma tabela de preços; restaurável.' })
  @ApiNoContentResponse()
  @ApiErrorResponses({ 404: 'PRICE_LIST_NOT_FOUND', 409: 'VERSION_CONFLICT (com If-Match).' })
  remove(@Param('id', UuidParam) id: string, @Headers('if-match') ifMatch?: string): Promise<void> {
    return this.service.remove(id, ifMatch);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles(...CATALOG_ROLES)
  @ApiOperation({ summary: 'Restaura uma tabela de preços excluída.' })
  @ApiOkResponse({ type: PriceListDto })
  @ApiErrorResponses({ 404: 'PRICE_LIST_NOT_FOUND', 409: 'NOT_DELETED' })
  async restore(@Param('id', UuidParam) id: string): Promise<PriceListDto> {
    return toPriceListDto(await this.service.restore(id));
  }
}
