import { Module } from '@nestjs/common';
import { TenancyModule } from '../../tenancy/tenancy.module';
import { AuditModule } from '../audit/audit.module';
import { MoreReferencesRepository } from '../shared/more-references.repository';
import { SharedCrmModule } from '../shared/shared-crm.module';
import { ActivitiesController } from './activities.controller';
import { ActivitiesRepository } from './activities.repository';
import { ActivitiesService } from './activities.service';

@Module({
  imports: [TenancyModule, SharedCrmModule, AuditModule],
  controllers: [ActivitiesController],
  providers: [ActivitiesService, ActivitiesRepository, MoreReferencesRepository],
})
export class ActivitiesModule {}
