import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/decorators/roles.decorator';
import { TenantScoped } from '../../auth/decorators/tenant-scoped.decorator';
import { HistoryPageDto } from '../audit/dto/history.dto';
import { HistoryEndpoint, historyPage } from '../audit/history-endpoint';
import { ApiErrorResponses } from '../shared/api-error-responses.decorator';
import { MERGE_ROLES, READ_ROLES, WRITE_ROLES } from '../shared/crm-roles';
import { ApiListQuery } from '../shared/list/api-list-query.decorator';
import { ApiIfMatch, UuidParam } from '../shared/version';
import { VersionEtagInterceptor } from '../shared/version-etag.interceptor';
import { COMPANY_LIST } from './companies.list';
import { CompaniesService } from './companies.service';
import { CompanyDto, CompanyPageDto, toCompanyDto } from './dto/company.dto';
import { CreateCompanyDto, MergeCompanyDto, UpdateCompanyDto } from './dto/company-write.dto';

const IF_MATCH = ApiIfMatch();

@ApiTags('companies')
@Controller('companies')
@TenantScoped()
@UseInterceptors(VersionEtagInterceptor)
export class CompaniesController {
  constructor(private readonly service: CompaniesService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Lista empresas visíveis ao papel: filtros, busca ?q= (razão social, nome fantasia, CNPJ), ordenação, cursor, seleção de campos.' })
  @ApiListQuery(COMPANY_LIST)
  @ApiOkResponse({ type: CompanyPageDto })
  @ApiErrorResponses()
  async list(@Query() query: Record<string, unknown>): Promise<CompanyPageDto> {
    const page = await this.service.list(query);
    return { ...page, items: page.items.map(toCompanyDto) };
  }

  @Post()
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: 'Cria uma empresa (409 DUPLICATE_COMPANY se o CNPJ já existe).' })
  @ApiCreatedResponse({ type: CompanyDto })
  @ApiErrorResponses({ 409: 'DUPLICATE_COMPANY: details.field = cnpj e details.existingId.' })
  async create(@Body() body: CreateCompanyDto): Promise<CompanyDto> {
    return toCompanyDto(await this.service.create(body));
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Uma empresa (ETag = versão).' })
  @ApiOkResponse({ type: CompanyDto })
  @ApiErrorResponses({ 404: 'COMPANY_NOT_FOUND' })
  async get(@Param('id', UuidParam) id: string): Promise<CompanyDto> {
    return toCompanyDto(await this.service.get(id));
  }

  @Patch(':id')
  @Roles(...WRITE_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Altera campos de uma empresa (address: só as partes enviadas); exige a versão (version ou If-Match).' })
  @ApiOkResponse({ type: CompanyDto })
  @ApiErrorResponses({
    404: 'COMPANY_NOT_FOUND',
    409: 'VERSION_CONFLICT (details.currentVersion) ou DUPLICATE_COMPANY.',
    428: true,
  })
  async update(@Param('id', UuidParam) id: string, @Body() body: UpdateCompanyDto, @Headers('if-match') ifMatch?: string): Promise<CompanyDto> {
    return toCompanyDto(await this.service.update(id, body, ifMatch));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...WRITE_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Exclui (lógico) uma empresa; restaurável.' })
  @ApiNoContentResponse()
  @ApiErrorResponses({ 404: 'COMPANY_NOT_FOUND', 409: 'VERSION_CONFLICT (com If-Match).' })
  remove(@Param('id', UuidParam) id: string, @Headers('if-match') ifMatch?: string): Promise<void> {
    return this.service.remove(id, ifMatch);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: 'Restaura uma empresa excluída.' })
  @ApiOkResponse({ type: CompanyDto })
  @ApiErrorResponses({ 404: 'COMPANY_NOT_FOUND', 409: 'NOT_DELETED ou DUPLICATE_COMPANY (chave reutilizada).' })
  async restore(@Param('id', UuidParam) id: string): Promise<CompanyDto> {
    return toCompanyDto(await this.service.restore(id));
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Roles(...MERGE_ROLES)
  @IF_MATCH
  @ApiOperation({
    summary: 'Mescla sourceId nesta empresa: move contatos, oportunidades, atividades, notas, etiquetas, filiais e demais vínculos, preenche campos vazios e exclui a origem.',
  })
  @ApiOkResponse({ type: CompanyDto })
  @ApiErrorResponses({ 400: 'MERGE_SAME_RECORD, VALIDATION_FAILED.', 404: 'COMPANY_NOT_FOUND', 409: 'VERSION_CONFLICT' })
  async merge(@Param('id', UuidParam) id: string, @Body() body: MergeCompanyDto, @Headers('if-match') ifMatch?: string): Promise<CompanyDto> {
    return toCompanyDto(await this.service.merge(id, body, ifMatch));
  }

  @HistoryEndpoint(READ_ROLES, 'Histórico de alterações da empresa (quem mudou qual campo, de quê para quê), mais recente primeiro.', { 404: 'COMPANY_NOT_FOUND' })
  async history(@Param('id', UuidParam) id: string, @Query() query: Record<string, unknown>): Promise<HistoryPageDto> {
    return historyPage(await this.service.history(id, query));
  }
}
