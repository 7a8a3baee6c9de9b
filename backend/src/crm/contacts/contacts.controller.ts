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
import { CONTACT_LIST } from './contacts.list';
import { ContactsService } from './contacts.service';
import { ContactDto, ContactPageDto, toContactDto } from './dto/contact.dto';
import { CreateContactDto, MergeContactDto, UpdateContactDto } from './dto/contact-write.dto';

const IF_MATCH = ApiIfMatch();

@ApiTags('contacts')
@Controller('contacts')
@TenantScoped()
@UseInterceptors(VersionEtagInterceptor)
export class ContactsController {
  constructor(private readonly service: ContactsService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Lista contatos visíveis ao papel: filtros, busca ?q=, ordenação, cursor, seleção de campos.' })
  @ApiListQuery(CONTACT_LIST)
  @ApiOkResponse({ type: ContactPageDto })
  @ApiErrorResponses()
  async list(@Query() query: Record<string, unknown>): Promise<ContactPageDto> {
    const page = await this.service.list(query);
    return { ...page, items: page.items.map(toContactDto) };
  }

  @Post()
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: 'Cria um contato (409 DUPLICATE_CONTACT se CPF, e-mail ou telefone já existem).' })
  @ApiCreatedResponse({ type: ContactDto })
  @ApiErrorResponses({ 409: 'DUPLICATE_CONTACT: details.field (cpf, email, phone) e details.existingId.' })
  async create(@Body() body: CreateContactDto): Promise<ContactDto> {
    return toContactDto(await this.service.create(body));
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Um contato (ETag = versão).' })
  @ApiOkResponse({ type: ContactDto })
  @ApiErrorResponses({ 404: 'CONTACT_NOT_FOUND' })
  async get(@Param('id', UuidParam) id: string): Promise<ContactDto> {
    return toContactDto(await this.service.get(id));
  }

  @Patch(':id')
  @Roles(...WRITE_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Altera campos de um contato; exige a versão (version ou If-Match).' })
  @ApiOkResponse({ type: ContactDto })
  @ApiErrorResponses({
    404: 'CONTACT_NOT_FOUND',
    409: 'VERSION_CONFLICT (details.currentVersion) ou DUPLICATE_CONTACT.',
    428: true,
  })
  async update(@Param('id', UuidParam) id: string, @Body() body: UpdateContactDto, @Headers('if-match') ifMatch?: string): Promise<ContactDto> {
    return toContactDto(await this.service.update(id, body, ifMatch));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...WRITE_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Exclui (lógico) um contato; restaurável.' })
  @ApiNoContentResponse()
  @ApiErrorResponses({ 404: 'CONTACT_NOT_FOUND', 409: 'VERSION_CONFLICT (com If-Match).' })
  remove(@Param('id', UuidParam) id: string, @Headers('if-match') ifMatch?: string): Promise<void> {
    return this.service.remove(id, ifMatch);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: 'Restaura um contato excluído.' })
  @ApiOkResponse({ type: ContactDto })
  @ApiErrorResponses({ 404: 'CONTACT_NOT_FOUND', 409: 'NOT_DELETED ou DUPLICATE_CONTACT (chave reutilizada).' })
  async restore(@Param('id', UuidParam) id: string): Promise<ContactDto> {
    return toContactDto(await this.service.restore(id));
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Roles(...MERGE_ROLES)
  @IF_MATCH
  @ApiOperation({
    summary: 'Mescla sourceId neste contato: move atividades, notas, oportunidades, etiquetas e demais vínculos, preenche campos vazios e exclui a origem.',
  })
  @ApiOkResponse({ type: ContactDto })
  @ApiErrorResponses({ 400: 'MERGE_SAME_RECORD, VALIDATION_FAILED.', 404: 'CONTACT_NOT_FOUND', 409: 'VERSION_CONFLICT' })
  async merge(@Param('id', UuidParam) id: string, @Body() body: MergeContactDto, @Headers('if-match') ifMatch?: string): Promise<ContactDto> {
    return toContactDto(await this.service.merge(id, body, ifMatch));
  }

  @HistoryEndpoint(READ_ROLES, 'Histórico de alterações do contato (quem mudou qual campo, de quê para quê), mais recente primeiro.', { 404: 'CONTACT_NOT_FOUND' })
  async history(@Param('id', UuidParam) id: string, @Query() query: Record<string, unknown>): Promise<HistoryPageDto> {
    return historyPage(await this.service.history(id, query));
  }
}
