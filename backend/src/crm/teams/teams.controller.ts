import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/decorators/roles.decorator';
import { TenantScoped } from '../../auth/decorators/tenant-scoped.decorator';
import { HistoryPageDto } from '../audit/dto/history.dto';
import { HistoryEndpoint, historyPage } from '../audit/history-endpoint';
import { ApiErrorResponses } from '../shared/api-error-responses.decorator';
import { READ_ROLES } from '../shared/crm-roles';
import { ApiListQuery } from '../shared/list/api-list-query.decorator';
import { ORGANIZER_ROLES } from '../shared/people-roles';
import { UuidParam } from '../shared/version';
import { TeamDto, TeamPageDto, toTeamDto } from './dto/team.dto';
import { AddTeamMemberDto, CreateTeamDto, UpdateTeamDto } from './dto/team-write.dto';
import { TEAM_LIST } from './teams.list';
import { TeamsService } from './teams.service';

const NOT_FOUND = { 404: 'TEAM_NOT_FOUND' } as const;

@ApiTags('teams')
@Controller('teams')
@TenantScoped()
export class TeamsController {
  constructor(private readonly service: TeamsService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Lista as equipes de vendas (gestor e membros).' })
  @ApiListQuery(TEAM_LIST)
  @ApiOkResponse({ type: TeamPageDto })
  @ApiErrorResponses()
  async list(@Query() query: Record<string, unknown>): Promise<TeamPageDto> {
    const page = await this.service.list(query);
    return { ...page, items: page.items.map(toTeamDto) };
  }

  @Post()
  @Roles(...ORGANIZER_ROLES)
  @ApiOperation({ summary: 'Cria uma equipe, opcionalmente com gestor e membros.' })
  @ApiCreatedResponse({ type: TeamDto })
  @ApiErrorResponses({ 400: 'VALIDATION_FAILED ou INVALID_REFERENCE (managerId, memberIds).' })
  async create(@Body() body: CreateTeamDto): Promise<TeamDto> {
    return toTeamDto(await this.service.create(body));
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Uma equipe.' })
  @ApiOkResponse({ type: TeamDto })
  @ApiErrorResponses(NOT_FOUND)
  async get(@Param('id', UuidParam) id: string): Promise<TeamDto> {
    return toTeamDto(await this.service.get(id));
  }

  @Patch(':id')
  @Roles(...ORGANIZER_ROLES)
  @ApiOperation({ summary: 'Altera nome, descrição, gestor ou situação da equipe.' })
  @ApiOkResponse({ type: TeamDto })
  @ApiErrorResponses({ ...NOT_FOUND, 400: 'VALIDATION_FAILED ou INVALID_REFERENCE (managerId).' })
  async update(@Param('id', UuidParam) id: string, @Body() body: UpdateTeamDto): Promise<TeamDto> {
    return toTeamDto(await this.service.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...ORGANIZER_ROLES)
  @ApiOperation({ summary: 'Exclui (lógico) uma equipe vazia; restaurável.' })
  @ApiNoContentResponse()
  @ApiErrorResponses({ ...NOT_FOUND, 409: 'TEAM_NOT_EMPTY (details.memberCount).' })
  remove(@Param('id', UuidParam) id: string): Promise<void> {
    return this.service.remove(id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles(...ORGANIZER_ROLES)
  @ApiOperation({ summary: 'Restaura uma equipe excluída.' })
  @ApiOkResponse({ type: TeamDto })
  @ApiErrorResponses({ ...NOT_FOUND, 409: 'NOT_DELETED' })
  async restore(@Param('id', UuidParam) id: string): Promise<TeamDto> {
    return toTeamDto(await this.service.restore(id));
  }

  @HistoryEndpoint(READ_ROLES, 'Histórico de alterações da equipe.', NOT_FOUND)
  async history(@Param('id', UuidParam) id: string, @Query() query: Record<string, unknown>): Promise<HistoryPageDto> {
    return historyPage(await this.service.history(id, query));
  }

  @Post(':id/members')
  @HttpCode(200)
  @Roles(...ORGANIZER_ROLES)
  @ApiOperation({ summary: 'Põe um usuário na equipe (ele sai da anterior e passa a ver a carteira desta).' })
  @ApiOkResponse({ type: TeamDto })
  @ApiErrorResponses({ ...NOT_FOUND, 400: 'INVALID_REFERENCE (userId: usuário inexistente ou inativo).' })
  async addMember(@Param('id', UuidParam) id: string, @Body() body: AddTeamMemberDto): Promise<TeamDto> {
    return toTeamDto(await this.service.addMember(id, body.userId));
  }

  @Delete(':id/members/:userId')
  @HttpCode(200)
  @Roles(...ORGANIZER_ROLES)
  @ApiOperation({ summary: 'Tira um usuário da equipe (fica sem equipe).' })
  @ApiOkResponse({ type: TeamDto })
  @ApiErrorResponses({ 404: 'TEAM_NOT_FOUND ou TEAM_MEMBER_NOT_FOUND.' })
  async removeMember(@Param('id', UuidParam) id: string, @Param('userId', UuidParam) userId: string): Promise<TeamDto> {
    return toTeamDto(await this.service.removeMember(id, userId));
  }
}
