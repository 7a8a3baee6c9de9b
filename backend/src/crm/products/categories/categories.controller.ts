import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/decorators/roles.decorator';
import { TenantScoped } from '../../../auth/decorators/tenant-scoped.decorator';
import { ApiErrorResponses } from '../../shared/api-error-responses.decorator';
import { CATALOG_ROLES } from '../../shared/catalog-roles';
import { READ_ROLES } from '../../shared/crm-roles';
import { ApiListQuery } from '../../shared/list/api-list-query.decorator';
import { UuidParam } from '../../shared/version';
import { CATEGORY_LIST } from './categories.list';
import { CategoriesService } from './categories.service';
import { CategoryDto, CategoryPageDto, toCategoryDto } from './dto/category.dto';
import { CreateCategoryDto, UpdateCategoryDto } from './dto/category-write.dto';

@ApiTags('products')
@Controller('product-categories')
@TenantScoped()
export class CategoriesController {
  constructor(private readonly service: CategoriesService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Lista categorias de produtos (árvore por parentId; ?root=true para o primeiro nível).' })
  @ApiListQuery(CATEGORY_LIST)
  @ApiOkResponse({ type: CategoryPageDto })
  @ApiErrorResponses()
  async list(@Query() query: Record<string, unknown>): Promise<CategoryPageDto> {
    const page = await this.service.list(query);
    return { ...page, items: page.items.map(toCategoryDto) };
  }

  @Post()
  @Roles(...CATALOG_ROLES)
  @ApiOperation({ summary: 'Cria uma categoria.' })
  @ApiCreatedResponse({ type: CategoryDto })
  @ApiErrorResponses({ 400: 'VALIDATION_FAILED ou INVALID_REFERENCE (parentId).' })
  async create(@Body() body: CreateCategoryDto): Promise<CategoryDto> {
    return toCategoryDto(await this.service.create(body));
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Uma categoria.' })
  @ApiOkResponse({ type: CategoryDto })
  @ApiErrorResponses({ 404: 'CATEGORY_NOT_FOUND' })
  async get(@Param('id', UuidParam) id: string): Promise<CategoryDto> {
    return toCategoryDto(await this.service.get(id));
  }

  @Patch(':id')
  @Roles(...CATALOG_ROLES)
  @ApiOperation({ summary: 'Altera uma categoria (sem controle de versão: a última gravação vale).' })
  @ApiOkResponse({ type: CategoryDto })
  @ApiErrorResponses({ 400: 'VALIDATION_FAILED (parentId: ciclo) ou INVALID_REFERENCE.', 404: 'CATEGORY_NOT_FOUND' })
  async update(@Param('id', UuidParam) id: string, @Body() body: UpdateCategoryDto): Promise<CategoryDto> {
    return toCategoryDto(await this.service.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...CATALOG_ROLES)
  @ApiOperation({ summary: 'Exclui (lógico) uma categoria sem produtos nem subcategorias.' })
  @ApiNoContentResponse()
  @ApiErrorResponses({ 404: 'CATEGORY_NOT_FOUND', 409: 'CATEGORY_IN_USE (details.products, details.subcategories).' })
  remove(@Param('id', UuidParam) id: string): Promise<void> {
    return this.service.remove(id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles(...CATALOG_ROLES)
  @ApiOperation({ summary: 'Restaura uma categoria excluída.' })
  @ApiOkResponse({ type: CategoryDto })
  @ApiErrorResponses({ 404: 'CATEGORY_NOT_FOUND', 409: 'NOT_DELETED ou PARENT_DELETED.' })
  async restore(@Param('id', UuidParam) id: string): Promise<CategoryDto> {
    return toCategoryDto(await this.service.restore(id));
  }
}
