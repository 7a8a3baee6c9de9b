import { Body, Controller, Get, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthService } from './auth.service';
import { CurrentPrincipal } from './decorators/current-principal.decorator';
import { Public } from './decorators/public.decorator';
import { Authenticated, UserSessionOnly } from './decorators/roles.decorator';
import { LoginDto, RefreshTokenDto, SwitchTenantDto } from './dto/auth-requests.dto';
import { MeDto, SessionDto, toMeDto, toSessionDto } from './dto/session.dto';
import { Principal } from './principal';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Entra com e-mail e senha num tenant; devolve token de acesso e refresh token.' })
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS (mesma resposta para e-mail, senha ou tenant errados).' })
  @ApiConflictResponse({ description: 'TENANT_CHOICE_REQUIRED: o usuário participa de vários tenants (lista em details.tenants).' })
  @ApiTooManyRequestsResponse({ description: 'TOO_MANY_REQUESTS (limite por IP) ou LOGIN_LOCKED (bloqueio após falhas).' })
  async login(@Body() body: LoginDto, @Ip() ip: string): Promise<SessionDto> {
    return toSessionDto(await this.auth.login({ ...body, ip }));
  }

  @Post('refresh')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Troca o refresh token por um novo par; reusar um refresh token antigo encerra a sessão inteira.' })
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ description: 'INVALID_REFRESH_TOKEN ou REFRESH_TOKEN_REUSED.' })
  async refresh(@Body() body: RefreshTokenDto): Promise<SessionDto> {
    return toSessionDto(await this.auth.refresh(body.refreshToken));
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Encerra a sessão do refresh token (a família inteira). O token de acesso expira sozinho.' })
  @ApiNoContentResponse()
  logout(@Body() body: RefreshTokenDto): Promise<void> {
    return this.auth.logout(body.refreshToken);
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'Quem está chamando: usuário, tenant, papel e os tenants do usuário.' })
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentPrincipal() caller: Principal): Promise<MeDto> {
    return toMeDto(await this.auth.me(caller));
  }

  @Post('switch-tenant')
  @Authenticated()
  @UserSessionOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Emite novos tokens para outro tenant de que o usuário participa.' })
  @ApiOkResponse({ type: SessionDto })
  async switchTenant(@CurrentPrincipal() caller: Principal, @Body() body: SwitchTenantDto): Promise<SessionDto> {
    return toSessionDto(await this.auth.switchTenant(caller, body.tenant));
  }
}
