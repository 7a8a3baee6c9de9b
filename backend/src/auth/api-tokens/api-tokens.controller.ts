import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../decorators/current-principal.decorator';
import { Roles, UserSessionOnly } from '../decorators/roles.decorator';
import { Principal } from '../principal';
import { ApiTokensService } from './api-tokens.service';
import { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto, toApiTokenDto } from './dto/api-token.dto';

@ApiTags('api-tokens')
@Controller('tokens')
@Roles('tenant_admin')
@UserSessionOnly()
export class ApiTokensController {
  constructor(private readonly service: ApiTokensService) {}

  @Post()
  @ApiOperation({ summary: 'Cria um token de API do tenant; o segredo aparece só nesta resposta.' })
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  async create(@CurrentPrincipal() caller: Principal, @Body() body: CreateApiTokenDto): Promise<CreatedApiTokenDto> {
    const { row, token } = await this.service.create(caller, body);
    return { ...toApiTokenDto(row), token };
  }

  @Get()
  @ApiOperation({ summary: 'Lista os tokens de API do tenant (sem segredos).' })
  @ApiOkResponse({ type: [ApiTokenDto] })
  async list(@CurrentPrincipal() caller: Principal): Promise<ApiTokenDto[]> {
    return (await this.service.list(caller)).map(toApiTokenDto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoga um token de API; vale imediatamente.' })
  @ApiNoContentResponse()
  revoke(@CurrentPrincipal() caller: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.service.revoke(caller, id);
  }
}
