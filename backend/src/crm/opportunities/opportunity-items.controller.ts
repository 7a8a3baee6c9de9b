import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/decorators/roles.decorator';
import { TenantScoped } from '../../auth/decorators/tenant-scoped.decorator';
import { ApiErrorResponses } from '../shared/api-error-responses.decorator';
import { READ_ROLES, WRITE_ROLES } from '../shared/crm-roles';
import { ApiIfMatch, UuidParam } from '../shared/version';
import { VersionEtagInterceptor } from '../shared/version-etag.interceptor';
import { CreateOpportunityItemDto, OpportunityItemsDto, toOpportunityItemDto, UpdateOpportunityItemDto } from './dto/opportunity-item.dto';
import { ItemsView, OpportunityItemsService } from './opportunity-items.service';

const IF_MATCH = ApiIfMatch('Versão esperada da oportunidade, ex. "3"; conferida quando enviada.');
const toItemsDto = (v: ItemsView): OpportunityItemsDto => ({ ...v, items: v.items.map(toOpportunityItemDto) });

/** Line items of a deal. Every answer is the whole list with totals and the deal's new amount and version. */
@ApiTags('opportunities')
@Controller('opportunities/:id/items')
@TenantScoped()
@UseInterceptors(VersionEtagInterceptor)
export class OpportunityItemsController {
  constructor(private readonly service: OpportunityItemsService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Itens (produtos) da oportunidade com totais.' })
  @ApiOkResponse({ type: OpportunityItemsDto })
  @ApiErrorResponses({ 404: 'OPPORTUNITY_NOT_FOUND' })
  async list(@Param('id', UuidParam) id: string): Promise<OpportunityItemsDto> {
    return toItemsDto(await this.service.list(id));
  }

  @Post()
  @Roles(...WRITE_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Inclui um produto; sem unitPrice, o preço vem da tabela de preços ou do produto. amount passa a ser a soma dos itens.' })
  @ApiCreatedResponse({ type: OpportunityItemsDto })
  @ApiErrorResponses({
    400: 'VALIDATION_FAILED (details.fields) ou INVALID_REFERENCE (productId inativo/inexistente, priceListId).',
    404: 'OPPORTUNITY_NOT_FOUND',
    409: 'VERSION_CONFLICT ou TOO_MANY_ITEMS.',
  })
  async create(@Param('id', UuidParam) id: string, @Body() body: CreateOpportunityItemDto, @Headers('if-match') ifMatch?: string): Promise<OpportunityItemsDto> {
    return toItemsDto(await this.service.add(id, body, ifMatch));
  }

  @Patch(':itemId')
  @Roles(...WRITE_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Altera quantidade, preço, desconto, descrição ou ordem de um item.' })
  @ApiOkResponse({ type: OpportunityItemsDto })
  @ApiErrorResponses({ 404: 'OPPORTUNITY_NOT_FOUND ou OPPORTUNITY_ITEM_NOT_FOUND', 409: 'VERSION_CONFLICT' })
  async update(
    @Param('id', UuidParam) id: string,
    @Param('itemId', UuidParam) itemId: string,
    @Body() body: UpdateOpportunityItemDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<OpportunityItemsDto> {
    return toItemsDto(await this.service.update(id, itemId, body, ifMatch));
  }

  @Delete(':itemId')
  @HttpCode(200)
  @Roles(...WRITE_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Remove um item; responde os itens restantes.' })
  @ApiOkResponse({ type: OpportunityItemsDto })
  @ApiErrorResponses({ 404: 'OPPORTUNITY_NOT_FOUND ou OPPORTUNITY_ITEM_NOT_FOUND', 409: 'VERSION_CONFLICT' })
  async remove(@Param('id', UuidParam) id: string, @Param('itemId', UuidParam) itemId: string, @Headers('if-match') ifMatch?: string): Promise<OpportunityItemsDto> {
    return toItemsDto(await this.service.remove(id, itemId, ifMatch));
  }
}
