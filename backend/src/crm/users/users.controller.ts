import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, UserSessionOnly } from '../../auth/decorators/roles.decorator';
import { TenantScoped } from '../../auth/decorators/tenant-scoped.decorator';
import { HistoryPageDto } from '../audit/dto/history.dto';
import { HistoryEndpoint, historyPage } from '../audit/history-endpoint';
import { ApiErrorResponses } from '../shared/api-error-responses.decorator';
import { READ_ROLES } from '../shared/crm-roles';
import { ApiListQuery } from '../shared/list/api-list-query.decorator';
import { ORGANIZER_ROLES, USER_ADMIN_ROLES } from '../shared/people-roles';
import { UuidParam } from '../shared/version';
import { InvitedUserDto, toUserDto, TenantUserDto, TenantUserPageDto } from './dto/user.dto';
import { InviteUserDto, UpdateUserDto } from './dto/user-write.dto';
import { USER_LIST } from './users.list';
import { UsersService } from './users.service';

const NOT_FOUND = { 404: 'USER_NOT_FOUND' } as const;

@ApiTags('users')
@Controller('users')
@TenantScoped()
export class UsersController {
  constructor(private readonly service: UsersService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Lista os usuários do tenant (perfis em tb_usuario): papel, equipe, ativos.' })
  @ApiListQuery(USER_LIST)
  @ApiOkResponse({ type: TenantUserPageDto })
  @ApiErrorResponses()
  async list(@Query() query: Record<string, unknown>): Promise<TenantUserPageDto> {
    const page = await this.service.list(query);
    return { ...page, items: page.items.map(toUserDto) };
  }

  @Post()
  @Roles(...USER_ADMIN_ROLES)
  @UserSessionOnly()
  @ApiOperation({
    summary:
      'Convida (cria) um usuário neste tenant: conta na plataforma (se o e-mail ainda não tem), vínculo com o papel e perfil, numa só transação. Sem senha, uma é gerada e mostrada uma vez.',
  })
  @ApiCreatedResponse({ type: InvitedUserDto })
  @ApiErrorResponses({
    400: 'VALIDATION_FAILED (papel fora de tenant_admin, analyst, manager, sales; senha curta…) ou INVALID_REFERENCE (teamId).',
    409: 'USER_EXISTS (já é usuário deste tenant: details.existingId, details.active) ou ACCOUNT_EXISTS (e-mail com conta: convide sem senha).',
  })
  async invite(@Body() body: InviteUserDto): Promise<InvitedUserDto> {
    const { user, ...rest } = await this.service.invite(body);
    return { user: toUserDto(user), ...rest };
  }

  @Get('me')
  @Roles(...READ_ROLES)
  @UserSessionOnly()
  @ApiOperation({ summary: 'O perfil de quem chama neste tenant.' })
  @ApiOkResponse({ type: TenantUserDto })
  @ApiErrorResponses(NOT_FOUND)
  async me(): Promise<TenantUserDto> {
    return toUserDto(await this.service.me());
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Um usuário do tenant.' })
  @ApiOkResponse({ type: TenantUserDto })
  @ApiErrorResponses(NOT_FOUND)
  async get(@Param('id', UuidParam) id: string): Promise<TenantUserDto> {
    return toUserDto(await this.service.get(id));
  }

  @Patch(':id')
  @Roles(...USER_ADMIN_ROLES)
  @UserSessionOnly()
  @ApiOperation({ summary: 'Altera perfil, papel (vale no próximo login/renovação) ou equipe de um usuário.' })
  @ApiOkResponse({ type: TenantUserDto })
  @ApiErrorResponses({ ...NOT_FOUND, 409: 'LAST_TENANT_ADMIN: o último administrador ativo não pode deixar de sê-lo.' })
  async update(@Param('id', UuidParam) id: string, @Body() body: UpdateUserDto): Promise<TenantUserDto> {
    return toUserDto(await this.service.update(id, body));
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Roles(...USER_ADMIN_ROLES)
  @UserSessionOnly()
  @ApiOperation({ summary: 'Desativa o usuário neste tenant: não entra mais e suas sessões são encerradas; os registros mantêm o dono.' })
  @ApiOkResponse({ type: TenantUserDto })
  @ApiErrorResponses({ ...NOT_FOUND, 409: 'LAST_TENANT_ADMIN' })
  async deactivate(@Param('id', UuidParam) id: string): Promise<TenantUserDto> {
    return toUserDto(await this.service.deactivate(id));
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @Roles(...USER_ADMIN_ROLES)
  @UserSessionOnly()
  @ApiOperation({ summary: 'Reativa um usuário desativado neste tenant.' })
  @ApiOkResponse({ type: TenantUserDto })
  @ApiErrorResponses(NOT_FOUND)
  async reactivate(@Param('id', UuidParam) id: string): Promise<TenantUserDto> {
    return toUserDto(await this.service.reactivate(id));
  }

  @HistoryEndpoint(ORGANIZER_ROLES, 'Histórico do usuário no tenant: convite, papel, equipe, desativação.', NOT_FOUND)
  async history(@Param('id', UuidParam) id: string, @Query() query: Record<string, unknown>): Promise<HistoryPageDto> {
    return historyPage(await this.service.history(id, query));
  }
}
