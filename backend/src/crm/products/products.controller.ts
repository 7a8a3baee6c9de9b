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
import { ProductDto, ProductPageDto, toProductDto } from './dto/product.dto';
import { CreateProductDto, UpdateProductDto } from './dto/product-write.dto';
import { PRODUCT_LIST } from './products.list';
import { ProductsService } from './products.service';

const IF_MATCH = ApiIfMatch();

@ApiTags('products')
@Controller('products')
@TenantScoped()
@UseInterceptors(VersionEtagInterceptor)
export class ProductsController {
  constructor(private readonly service: ProductsService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Lista produtos: filtros (tipo, categoria, ativo, SKU, faixa de preço), busca ?q= (nome, SKU, GTIN), ordenação, cursor.' })
  @ApiListQuery(PRODUCT_LIST)
  @ApiOkResponse({ type: ProductPageDto })
  @ApiErrorResponses()
  async list(@Query() query: Record<string, unknown>): Promise<ProductPageDto> {
    const page = await this.service.list(query);
    return { ...page, items: page.items.map(toProductDto) };
  }

  @Post()
  @Roles(...CATALOG_ROLES)
  @ApiOperation({ summary: 'Cria um produto (409 DUPLICATE_SKU se o SKU já existe).' })
  @ApiCreatedResponse({ type: ProductDto })
  @ApiErrorResponses({ 400: 'VALIDATION_FAILED (details.fields) ou INVALID_REFERENCE (categoryId).', 409: 'DUPLICATE_SKU: details.field = sku e details.existingId.' })
  async create(@Body() body: CreateProductDto): Promise<ProductDto> {
    return toProductDto(await this.service.create(body));
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Um produto (ETag = versão).' })
  @ApiOkResponse({ type: ProductDto })
  @ApiErrorResponses({ 404: 'PRODUCT_NOT_FOUND' })
  async get(@Param('id', UuidParam) id: string): Promise<ProductDto> {
    return toProductDto(await this.service.get(id));
  }

  @Patch(':id')
  @Roles(...CATALOG_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Altera campos de um produto; exige a versão (version ou If-Match).' })
  @ApiOkResponse({ type: ProductDto })
  @ApiErrorResponses({ 404: 'PRODUCT_NOT_FOUND', 409: 'VERSION_CONFLICT (details.currentVersion) ou DUPLICATE_SKU.', 428: true })
  async update(@Param('id', UuidParam) id: string, @Body() body: UpdateProductDto, @Headers('if-match') ifMatch?: string): Promise<ProductDto> {
    return toProductDto(await this.service.update(id, body, ifMatch));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...CATALOG_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Exclui (lógico) um produto; itens de oportunidades continuam apontando para ele. Restaurável.' })
  @ApiNoContentResponse()
  @ApiErrorResponses({ 404: 'PRODUCT_NOT_FOUND', 409: 'VERSION_CONFLICT (com If-Match).' })
  remove(@Param('id', UuidParam) id: string, @Headers('if-match') ifMatch?: string): Promise<void> {
    return this.service.remove(id, ifMatch);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles(...CATALOG_ROLES)
  @ApiOperation({ summary: 'Restaura um produto excluído.' })
  @ApiOkResponse({ type: ProductDto })
  @ApiErrorResponses({ 404: 'PRODUCT_NOT_FOUND', 409: 'NOT_DELETED ou DUPLICATE_SKU (SKU reutilizado).' })
  async restore(@Param('id', UuidParam) id: string): Promise<ProductDto> {
    return toProductDto(await this.service.restore(id));
  }

  @HistoryEndpoint(READ_ROLES, 'Histórico de alterações do produto, mais recente primeiro.', { 404: 'PRODUCT_NOT_FOUND' })
  async history(@Param('id', UuidParam) id: string, @Query() query: Record<string, unknown>): Promise<HistoryPageDto> {
    return historyPage(await this.service.history(id, query));
  }
}
