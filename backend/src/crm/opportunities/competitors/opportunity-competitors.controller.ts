import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/decorators/roles.decorator';
import { TenantScoped } from '../../../auth/decorators/tenant-scoped.decorator';
import { ApiErrorResponses } from '../../shared/api-error-responses.decorator';
import { READ_ROLES, WRITE_ROLES } from '../../shared/crm-roles';
import { UuidParam } from '../../shared/version';
import {
  CreateOpportunityCompetitorDto,
  OpportunityCompetitorsDto,
  toOpportunityCompetitorDto,
  UpdateOpportunityCompetitorDto,
} from './dto/opportunity-competitor.dto';
import { CompetitorsView, OpportunityCompetitorsService } from './opportunity-competitors.service';

const toDto = (v: CompetitorsView): OpportunityCompetitorsDto => ({ ...v, items: v.items.map(toOpportunityCompetitorDto) });

/** Competitors of a deal, addressed by the competitor's id. Every answer is the deal's whole list. */
@ApiTags('opportunities')
@Controller('opportunities/:id/competitors')
@TenantScoped()
export class OpportunityCompetitorsController {
  constructor(private readonly service: OpportunityCompetitorsService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Concorrentes da oportunidade, com preço, vencedor e observações.' })
  @ApiOkResponse({ type: OpportunityCompetitorsDto })
  @ApiErrorResponses({ 404: 'OPPORTUNITY_NOT_FOUND' })
  async list(@Param('id', UuidParam) id: string): Promise<OpportunityCompetitorsDto> {
    return toDto(await this.service.list(id));
  }

  @Post()
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: 'Inclui um concorrente na oportunidade; winner = true desmarca o vencedor anterior.' })
  @ApiCreatedResponse({ type: OpportunityCompetitorsDto })
  @ApiErrorResponses({
    400: 'VALIDATION_FAILED (details.fields) ou INVALID_REFERENCE (competitorId inexistente, excluído ou inativo).',
    404: 'OPPORTUNITY_NOT_FOUND',
    409: 'COMPETITOR_ALREADY_LINKED (details.existingId) ou TOO_MANY_COMPETITORS.',
  })
  async create(@Param('id', UuidParam) id: string, @Body() body: CreateOpportunityCompetitorDto): Promise<OpportunityCompetitorsDto> {
    return toDto(await this.service.add(id, body));
  }

  @Patch(':competitorId')
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: 'Altera preço, vencedor ou observações; winner = true desmarca os demais da oportunidade.' })
  @ApiOkResponse({ type: OpportunityCompetitorsDto })
  @ApiErrorResponses({ 404: 'OPPORTUNITY_NOT_FOUND ou OPPORTUNITY_COMPETITOR_NOT_FOUND' })
  async update(
    @Param('id', UuidParam) id: string,
    @Param('competitorId', UuidParam) competitorId: string,
    @Body() body: UpdateOpportunityCompetitorDto,
  ): Promise<OpportunityCompetitorsDto> {
    return toDto(await this.service.update(id, competitorId, body));
  }

  @Delete(':competitorId')
  @HttpCode(200)
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: 'Tira um concorrente da oportunidade; responde os restantes.' })
  @ApiOkResponse({ type: OpportunityCompetitorsDto })
  @ApiErrorResponses({ 404: 'OPPORTUNITY_NOT_FOUND ou OPPORTUNITY_COMPETITOR_NOT_FOUND' })
  async remove(@Param('id', UuidParam) id: string, @Param('competitorId', UuidParam) competitorId: string): Promise<OpportunityCompetitorsDto> {
    return toDto(await this.service.remove(id, competitorId));
  }
}
