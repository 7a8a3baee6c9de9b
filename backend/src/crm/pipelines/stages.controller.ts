import { Body, Controller, Delete, Headers, HttpCode, Param, Patch, Post, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/decorators/roles.decorator';
import { TenantScoped } from '../../auth/decorators/tenant-scoped.decorator';
import { ApiErrorResponses } from '../shared/api-error-responses.decorator';
import { CATALOG_ROLES } from '../shared/catalog-roles';
import { ApiIfMatch, UuidParam } from '../shared/version';
import { VersionEtagInterceptor } from '../shared/version-etag.interceptor';
import { PipelineDto, toPipelineDto } from './dto/pipeline.dto';
import { CreateStageDto, ReorderStagesDto, UpdateStageDto } from './dto/pipeline-write.dto';
import { StagesService } from './stages.service';

const IF_MATCH = ApiIfMatch('Versão esperada do funil, ex. "3"; conferida quando enviada.');
const TYPE_RULES = 'STAGE_TYPE_TAKEN (já há etapa ganho/perdido: details.existingId), STAGE_IN_USE (details.opportunities), LAST_OPEN_STAGE ou VERSION_CONFLICT.';

/** Stages of a pipeline. Every write answers with the whole pipeline (its new version and stage order). */
@ApiTags('pipelines')
@Controller('pipelines/:id/stages')
@TenantScoped()
@UseInterceptors(VersionEtagInterceptor)
export class StagesController {
  constructor(private readonly service: StagesService) {}

  @Post()
  @Roles(...CATALOG_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Cria uma etapa (no fim, ou na posição order); responde o funil.' })
  @ApiCreatedResponse({ type: PipelineDto })
  @ApiErrorResponses({ 404: 'PIPELINE_NOT_FOUND', 409: TYPE_RULES })
  async create(@Param('id', UuidParam) id: string, @Body() body: CreateStageDto, @Headers('if-match') ifMatch?: string): Promise<PipelineDto> {
    return toPipelineDto(await this.service.create(id, body, ifMatch));
  }

  @Post('reorder')
  @HttpCode(200)
  @Roles(...CATALOG_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Reordena as etapas: stageIds com todas as etapas do funil, na nova ordem.' })
  @ApiOkResponse({ type: PipelineDto })
  @ApiErrorResponses({ 400: 'VALIDATION_FAILED (stageIds).', 404: 'PIPELINE_NOT_FOUND', 409: 'VERSION_CONFLICT' })
  async reorder(@Param('id', UuidParam) id: string, @Body() body: ReorderStagesDto, @Headers('if-match') ifMatch?: string): Promise<PipelineDto> {
    return toPipelineDto(await this.service.reorder(id, body, ifMatch));
  }

  @Patch(':stageId')
  @Roles(...CATALOG_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Altera nome, probabilidade, tipo, cor ou dias de estagnação de uma etapa; responde o funil.' })
  @ApiOkResponse({ type: PipelineDto })
  @ApiErrorResponses({ 404: 'PIPELINE_NOT_FOUND ou STAGE_NOT_FOUND', 409: TYPE_RULES })
  async update(
    @Param('id', UuidParam) id: string,
    @Param('stageId', UuidParam) stageId: string,
    @Body() body: UpdateStageDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<PipelineDto> {
    return toPipelineDto(await this.service.update(id, stageId, body, ifMatch));
  }

  @Delete(':stageId')
  @Roles(...CATALOG_ROLES)
  @IF_MATCH
  @ApiOperation({ summary: 'Exclui (lógico) uma etapa sem oportunidades; as demais fecham a ordem. Responde o funil.' })
  @ApiOkResponse({ type: PipelineDto })
  @ApiErrorResponses({ 404: 'PIPELINE_NOT_FOUND ou STAGE_NOT_FOUND', 409: 'STAGE_IN_USE, LAST_OPEN_STAGE ou VERSION_CONFLICT.' })
  async remove(@Param('id', UuidParam) id: string, @Param('stageId', UuidParam) stageId: string, @Headers('if-match') ifMatch?: string): Promise<PipelineDto> {
    return toPipelineDto(await this.service.remove(id, stageId, ifMatch));
  }
}
