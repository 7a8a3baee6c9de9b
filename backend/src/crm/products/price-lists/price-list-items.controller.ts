import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/decorators/roles.decorator';
import { TenantScoped } from '../../../auth/decorators/tenant-scoped.decorator';
import { ApiErrorResponses } from '../../shared/api-error-responses.decorator';
import { CATALOG_ROLES } from '../../shared/catalog-roles';
import { READ_ROLES } from '../../shared/crm-roles';
import { ApiListQuery } from '../../shared/list/api-list-query.decorator';
import { UuidParam } from '../../shared/version';
import { PriceListItemDto, PriceListItemPageDto, toPriceListItemDto } from './dto/price-list.dto';
import { CreatePriceListItemDto, UpdatePriceListItemDto } from './dto/price-list-write.dto';
import { PRICE_LIST_ITEM_LIST } from './price-lists.list';
import { PriceListsService } from './price-lists.service';

/** Prices of a price list: one per product and volume tier (minQuantity). */
@ApiTags('products')
@Controller('price-lists/:id/items')
@TenantScoped()
export class PriceListItemsController {
  constructor(private readonly service: PriceListsService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Preços da tabela (filtro productId), com cursor.' })
  @ApiListQuery(PRICE_LIST_ITEM_LIST)
  @ApiOkResponse({ type: PriceListItemPageDto })
  @ApiErrorResponses({ 404: 'PRICE_LIST_NOT_FOUND' })
  async list(@Param('id', UuidParam) id: string, @Query() query: Record<string, unknown>): Promise<PriceListItemPageDto> {
    const page = await this.service.items(id, query);
    return { ...page, items: page.items.map(toPriceListItemDto) };
  }

  @Post()
  @Roles(...CATALOG_ROLES)
  @ApiOperation({ summary: 'Inclui o preço de um produto (a partir de minQuantity).' })
  @ApiCreatedResponse({ type: PriceListItemDto })
  @ApiErrorResponses({
    400: 'VALIDATION_FAILED ou INVALID_REFERENCE (productId).',
    404: 'PRICE_LIST_NOT_FOUND',
    409: 'DUPLICATE_PRICE_ITEM (mesmo produto e minQuantity: details.existingId).',
  })
  async create(@Param('id', UuidParam) id: string, @Body() body: CreatePriceListItemDto): Promise<PriceListItemDto> {
    return toPriceListItemDto(await this.service.addItem(id, body));
  }

  @Patch(':itemId')
  @Roles(...CATALOG_ROLES)
  @ApiOperation({ summary: 'Altera preço, quantidade mínima ou desconto máximo de um item.' })
  @ApiOkResponse({ type: PriceListItemDto })
  @ApiErrorResponses({ 404: 'PRICE_LIST_NOT_FOUND ou PRICE_LIST_ITEM_NOT_FOUND', 409: 'DUPLICATE_PRICE_ITEM' })
  async update(
    @Param('id', UuidParam) id: string,
    @Param('itemId', UuidParam) itemId: string,
    @Body() body: UpdatePriceListItemDto,
  ): Promise<PriceListItemDto> {
    return toPriceListItemDto(await this.service.updateItem(id, itemId, body));
  }

  @Delete(':itemId')
  @HttpCode(204)
  @Roles(...CATALOG_ROLES)
  @ApiOperation({ summary: 'Remove um preço da tabela.' })
  @ApiNoContentResponse()
  @ApiErrorResponses({ 404: 'PRICE_LIST_NOT_FOUND ou PRICE_LIST_ITEM_NOT_FOUND' })
  remove(@Param('id', UuidParam) id: string, @Param('itemId', UuidParam) itemId: string): Promise<void> {
    return this.service.removeItem(id, itemId);
  }
}
