import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/decorators/roles.decorator';
import { TenantScoped } from '../../auth/decorators/tenant-scoped.decorator';
import { ContactsService } from './contacts.service';
import { ContactDto, ContactPageDto, CreateContactDto, ListContactsQuery, toContactDto, toContactPageDto } from './dto/contact.dto';

@ApiTags('contacts')
@Controller('contacts')
@TenantScoped()
export class ContactsController {
  constructor(private readonly service: ContactsService) {}

  @Get()
  @Roles('tenant_admin', 'analyst', 'manager', 'sales')
  @ApiOperation({ summary: 'Contatos do tenant (os visíveis ao papel), em ordem de criação, paginados por cursor.' })
  @ApiOkResponse({ type: ContactPageDto })
  async list(@Query() query: ListContactsQuery): Promise<ContactPageDto> {
    return toContactPageDto(await this.service.list(query));
  }

  @Post()
  @Roles('tenant_admin', 'manager', 'sales')
  @ApiOperation({ summary: 'Cria um contato.' })
  @ApiCreatedResponse({ type: ContactDto })
  async create(@Body() body: CreateContactDto): Promise<ContactDto> {
    return toContactDto(await this.service.create(body));
  }
}
