import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/decorators/roles.decorator';
import { TenantScoped } from '../../auth/decorators/tenant-scoped.decorator';
import { HistoryPageDto } from '../audit/dto/history.dto';
import { HistoryEndpoint, historyPage } from '../audit/history-endpoint';
import { ApiErrorResponses } from '../shared/api-error-responses.decorator';
import { READ_ROLES, WRITE_ROLES } from '../shared/crm-roles';
import { ApiListQuery } from '../shared/list/api-list-query.decorator';
import { ApiIfMatch, UuidParam } from '../shared/version';
import { VersionEtagInterceptor } from '../shared/version-etag.interceptor';
import { NoteDto, NotePageDto, toNoteDto } from './dto/note.dto';
import { CreateNoteDto, UpdateNoteDto } from './dto/note-write.dto';
import { NOTE_LIST } from './notes.list';
import { NotesService } from './notes.service';

const IF_MATCH = ApiIfMatch();
const NOT_FOUND = { 404: 'NOTE_NOT_FOUND' } as const;

@ApiTags('notes')
@Controller('notes')
@TenantScoped()
@UseInterceptors(VersionEtagInterceptor)
export class NotesController {
  constructor(private readonly service: NotesService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Lista notas visíveis ao papel: por contato, empresa, oportunidade, dono, fixadas; ordenação, cursor, seleção de campos.' })
  @ApiListQuery(NOTE_LIST)
  @ApiOkResponse({ type: NotePageDto })
  @ApiErrorResponses()
  async list(@Query() query: Record<string, unknown>): Promise<NotePageDto> {
    const page = await this.service.list(query);
    return { ...page, items: page.items.map(toNoteDto) };
  }

  @Post()
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: 'Cria uma nota ligada a um contato, uma empresa e/ou uma oportunidade.' })
  @ApiCreatedResponse({ type: NoteDto })
  @ApiErrorResponses({ 400: 'VALIDATION_FAILED (details.fields; sem vínculo nomeia contactId, companyId e opportunityId) ou INVALID_REFERENCE.' })
  async create(@Body() body: CreateNoteDto): Promise<NoteDto> {
    return toNoteDto(await this.service.create(body));
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Uma nota (ETag = versão).' })
  @ApiOkResponse({ type: NoteDto })
  @ApiErrorResponses(NOT_FOUND)
  async get(@Param('id', UuidParam) id: string): Promise<NoteDto> {
    return toNoteDto(await this.service.get(id));
  }

  @Patch(':id')
  @Roles(...WRITE_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Altera uma nota; exige a versão (version ou If-Match).' })
  @ApiOkResponse({ type: NoteDto })
  @ApiErrorResponses({ ...NOT_FOUND, 409: 'VERSION_CONFLICT (details.currentVersion).', 428: true })
  async update(@Param('id', UuidParam) id: string, @Body() body: UpdateNoteDto, @Headers('if-match') ifMatch?: string): Promise<NoteDto> {
    return toNoteDto(await this.service.update(id, body, ifMatch));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...WRITE_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Exclui (lógico) uma nota; restaurável.' })
  @ApiNoContentResponse()
  @ApiErrorResponses({ ...NOT_FOUND, 409: 'VERSION_CONFLICT (com If-Match).' })
  remove(@Param('id', UuidParam) id: string, @Headers('if-match') ifMatch?: string): Promise<void> {
    return this.service.remove(id, ifMatch);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: 'Restaura uma nota excluída.' })
  @ApiOkResponse({ type: NoteDto })
  @ApiErrorResponses({ ...NOT_FOUND, 409: 'NOT_DELETED' })
  async restore(@Param('id', UuidParam) id: string): Promise<NoteDto> {
    return toNoteDto(await this.service.restore(id));
  }

  @HistoryEndpoint(READ_ROLES, 'Histórico de alterações da nota, mais recente primeiro.', NOT_FOUND)
  async history(@Param('id', UuidParam) id: string, @Query() query: Record<string, unknown>): Promise<HistoryPageDto> {
    return historyPage(await this.service.history(id, query));
  }
}
