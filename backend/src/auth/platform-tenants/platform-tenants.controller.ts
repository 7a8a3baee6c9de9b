import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../decorators/roles.decorator';
import { CreateTenantDto, ListTenantsQuery, TenantDto, toTenantDto } from './dto/platform-tenant.dto';
import { PlatformTenantsService } from './platform-tenants.service';

@ApiTags('platform')
@Controller('platform/tenants')
@Roles('platform_admin')
export class PlatformTenantsController {
  constructor(private readonly service: PlatformTenantsService) {}

  @Get()
  @ApiOperation({ summary: 'Lista os tenants (paginado por slug).' })
  @ApiOkResponse({ type: [TenantDto] })
  async list(@Query() query: ListTenantsQuery): Promise<TenantDto[]> {
    return (await this.service.list(query)).map(toTenantDto);
  }

  @Post()
  @ApiOperation({ summary: 'Cria um tenant: schema, papéis e modelo base numa transação.' })
  @ApiCreatedResponse({ type: TenantDto })
  async create(@Body() body: CreateTenantDto): Promise<TenantDto> {
    return toTenantDto(await this.service.create(body));
  }

  @Post(':slug/archive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Arquiva um tenant: ninguém mais entra nem usa seus tokens.' })
  @ApiOkResponse({ type: TenantDto })
  async archive(@Param('slug') slug: string): Promise<TenantDto> {
    return toTenantDto(await this.service.archive(slug));
  }
}
