import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/decorators/roles.decorator';
import { TenantScoped } from '../../../auth/decorators/tenant-scoped.decorator';
import { ApiErrorResponses } from '../../shared/api-error-responses.decorator';
import { CATALOG_ROLES } from '../../shared/catalog-roles';
import { READ_ROLES } from '../../shared/crm-roles';
import { ApiListQuery } from '../../shared/list/api-list-query.decorator';
import { UuidParam } from '../../shared/version';
import { LossReasonDto, LossReasonPageDto, toLossReasonDto } from './dto/loss-reason.dto';
import { CreateLossReasonDto, UpdateLossReasonDto } from './dto/loss-reason-write.dto';
import { LOSS_REASON_LIST } from './loss-reasons.list';
import { LossReasonsService } from './loss-reasons.service';

@ApiTags('opportunities')
@Controller('loss-reasons')
@TenantScoped()
export class LossReasonsController {
  constructor(private readonly service: LossReasonsService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Lista motivos de perda (?active=true para os que podem ser escolhidos).' })
  @ApiListQuery(LOSS_REASON_LIST)
  @ApiOkResponse({ type: LossReasonPageDto })
  @ApiErrorResponses()
  async list(@Query() query: Record<string, unknown>): Promise<LossReasonPageDto> {
    const page = await this.service.list(query);
    return { ...page, items: page.items.map(toLossReasonDto) };
  }

  @Post()
  @Roles(...CATALOG_ROLES)
  @ApiOperation({ summary: 'Cria um motivo de perda (nome único).' })
  @ApiCreatedResponse({ type: LossReasonDto })
  @ApiErrorResponses({ 409: 'DUPLICATE_LOSS_REASON (details.existingId).' })
  async create(@Body() body: CreateLossReasonDto): Promise<LossReasonDto> {
    return toLossReasonDto(await this.service.create(body));
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Um motivo de perda.' })
  @ApiOkResponse({ type: LossReasonDto })
  @ApiErrorResponses({ 404: 'LOSS_REASON_NOT_FOUND' })
  async get(@Param('id', UuidParam) id: string): Promise<LossReasonDto> {
    return toLossReasonDto(await this.service.get(id));
  }

  @Patch(':id')
  @Roles(...CATALOG_ROLES)
  @ApiOperation({ summary: 'Altera nome, descrição, ordem ou ativo (sem controle de versão).' })
  @ApiOkResponse({ type: LossReasonDto })
  @ApiErrorResponses({ 404: 'LOSS_REASON_NOT_FOUND', 409: 'DUPLICATE_LOSS_REASON' })
  async update(@Param('id', UuidParam) id: string, @Body() body: UpdateLossReasonDto): Promise<LossReasonDto> {
    return toLossReasonDto(await this.service.update(id, body));
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Roles(...CATALOG_ROLES)
  @ApiOperation({ summary: 'Desativa um motivo: some das novas perdas, fica nas oportunidades já perdidas com ele.' })
  @ApiOkResponse({ type: LossReasonDto })
  @ApiErrorResponses({ 404: 'LOSS_REASON_NOT_FOUND' })
  async deactivate(@Param('id', UuidParam) id: string): Promise<LossReasonDto> {
    return toLossReasonDto(await this.service.setActive(id, false));
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Roles(...CATALOG_ROLES)
  @ApiOperation({ summary: 'Reativa um motivo de perda.' })
  @ApiOkResponse({ type: LossReasonDto })
  @ApiErrorResponses({ 404: 'LOSS_REASON_NOT_FOUND' })
  async activate(@Param('id', UuidParam) id: string): Promise<LossReasonDto> {
    return toLossReasonDto(await this.service.setActive(id, true));
  }
}
