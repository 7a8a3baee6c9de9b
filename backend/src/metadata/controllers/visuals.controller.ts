import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../auth/decorators/current-principal.decorator';
import { Roles } from '../../auth/decorators/roles.decorator';
import { Principal } from '../../auth/principal';
import { ApiErrorResponses } from '../../crm/shared/api-error-responses.decorator';
import { CreateVisualDto, UpdateVisualDto, VisualDto } from '../dto/visual.dto';
import { VisualsService } from '../visuals/visuals.service';
import { tenantScope } from './scope';

const ID_PARAM = { name: 'id', description: 'Id (UUID) ou apiName do objeto.', example: 'visita_loja' };

@ApiTags('objects')
@Controller('objects/:id/visuals')
export class VisualsController {
  constructor(private readonly visuals: VisualsService) {}

  @Get()
  @Roles('tenant_admin', 'analyst', 'manager', 'sales')
  @ApiOperation({ summary: 'Visões (grade, kanban, gráfico, formulário) de um objeto que o seu papel vê.' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: [VisualDto] })
  @ApiErrorResponses({ 404: 'OBJECT_NOT_FOUND.' })
  list(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<VisualDto[]> {
    return this.visuals.list(tenantScope(principal), id);
  }

  @Post()
  @Roles('tenant_admin', 'analyst')
  @ApiOperation({ summary: 'Cria uma visão; a configuração é validada por tipo e contra os campos do objeto.' })
  @ApiParam(ID_PARAM)
  @ApiCreatedResponse({ type: VisualDto })
  @ApiErrorResponses({ 400: 'VALIDATION_FAILED (details.fields).', 404: 'OBJECT_NOT_FOUND.' })
  create(@Param('id') id: string, @Body() body: CreateVisualDto, @CurrentPrincipal() principal: Principal): Promise<VisualDto> {
    return this.visuals.create(tenantScope(principal), id, body);
  }

  @Patch(':visualId')
  @Roles('tenant_admin', 'analyst')
  @ApiOperation({ summary: 'Altera uma visão.' })
  @ApiParam(ID_PARAM)
  @ApiParam({ name: 'visualId', format: 'uuid' })
  @ApiOkResponse({ type: VisualDto })
  @ApiErrorResponses({ 404: 'OBJECT_NOT_FOUND, VISUAL_NOT_FOUND.' })
  update(@Param('id') id: string, @Param('visualId') visualId: string, @Body() body: UpdateVisualDto, @CurrentPrincipal() principal: Principal): Promise<VisualDto> {
    return this.visuals.update(tenantScope(principal), id, visualId, body);
  }

  @Delete(':visualId')
  @HttpCode(204)
  @Roles('tenant_admin', 'analyst')
  @ApiOperation({ summary: 'Remove uma visão.' })
  @ApiParam(ID_PARAM)
  @ApiParam({ name: 'visualId', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiErrorResponses({ 404: 'OBJECT_NOT_FOUND, VISUAL_NOT_FOUND.' })
  async remove(@Param('id') id: string, @Param('visualId') visualId: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.visuals.remove(tenantScope(principal), id, visualId);
  }
}
