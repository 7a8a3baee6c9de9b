import { applyDecorators, Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/decorators/roles.decorator';
import { TenantScoped } from '../../auth/decorators/tenant-scoped.decorator';
import { ApiErrorResponses } from '../shared/api-error-responses.decorator';
import { READ_ROLES } from '../shared/crm-roles';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../shared/list/list-plan';
import { UuidParam } from '../shared/version';
import { TimelinePageDto, toTimelineItemDto } from './dto/timeline.dto';
import { TimelineService } from './timeline.service';

const TimelineQuery = () =>
  applyDecorators(
    ApiQuery({ name: 'kind', required: false, enum: ['activity', 'note'], description: 'Só atividades ou só notas.' }),
    ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT } }),
    ApiQuery({ name: 'cursor', required: false, type: String, description: 'nextCursor da página anterior (mesmo kind).' }),
  );

/** Timelines live beside notes but answer under each record's path (the records' own controllers stay untouched). */
@ApiTags('timeline')
@Controller()
@TenantScoped()
@Roles(...READ_ROLES)
export class TimelineController {
  constructor(private readonly service: TimelineService) {}

  @Get('contacts/:id/timeline')
  @ApiOperation({ summary: 'Linha do tempo do contato: atividades e notas visíveis ao papel, mais recentes primeiro, paginadas por cursor.' })
  @TimelineQuery()
  @ApiOkResponse({ type: TimelinePageDto })
  @ApiErrorResponses({ 404: 'CONTACT_NOT_FOUND' })
  async contact(@Param('id', UuidParam) id: string, @Query() query: Record<string, unknown>): Promise<TimelinePageDto> {
    const page = await this.service.page('contact', id, query);
    return { ...page, items: page.items.map(toTimelineItemDto) };
  }

  @Get('companies/:id/timeline')
  @ApiOperation({ summary: 'Linha do tempo da empresa: atividades e notas ligadas a ela, mais recentes primeiro, paginadas por cursor.' })
  @TimelineQuery()
  @ApiOkResponse({ type: TimelinePageDto })
  @ApiErrorResponses({ 404: 'COMPANY_NOT_FOUND' })
  async company(@Param('id', UuidParam) id: string, @Query() query: Record<string, unknown>): Promise<TimelinePageDto> {
    const page = await this.service.page('company', id, query);
    return { ...page, items: page.items.map(toTimelineItemDto) };
  }

  @Get('opportunities/:id/timeline')
  @ApiOperation({ summary: 'Linha do tempo da oportunidade: atividades e notas ligadas a ela, mais recentes primeiro, paginadas por cursor.' })
  @TimelineQuery()
  @ApiOkResponse({ type: TimelinePageDto })
  @ApiErrorResponses({ 404: 'OPPORTUNITY_NOT_FOUND' })
  async opportunity(@Param('id', UuidParam) id: string, @Query() query: Record<string, unknown>): Promise<TimelinePageDto> {
    const page = await this.service.page('opportunity', id, query);
    return { ...page, items: page.items.map(toTimelineItemDto) };
  }
}
