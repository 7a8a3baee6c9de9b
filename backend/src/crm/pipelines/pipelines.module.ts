import { Module } from '@nestjs/common';
import { TenancyModule } from '../../tenancy/tenancy.module';
import { AuditModule } from '../audit/audit.module';
import { SharedCrmModule } from '../shared/shared-crm.module';
import { PipelinesController } from './pipelines.controller';
import { PipelinesRepository } from './pipelines.repository';
import { PipelinesService } from './pipelines.service';
import { StagesController } from './stages.controller';
import { StagesRepository } from './stages.repository';
import { StagesService } from './stages.service';

/** Pipelines and stages; exports their look-ups to the deals (which stage, which pipeline). */
@Module({
  imports: [TenancyModule, SharedCrmModule, AuditModule],
  controllers: [PipelinesController, StagesController],
  providers: [PipelinesService, PipelinesRepository, StagesService, StagesRepository],
  exports: [PipelinesRepository, StagesRepository],
})
export class PipelinesModule {}
