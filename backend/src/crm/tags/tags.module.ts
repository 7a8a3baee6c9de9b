import { Module } from '@nestjs/common';
import { TenancyModule } from '../../tenancy/tenancy.module';
import { AuditModule } from '../audit/audit.module';
import { SharedCrmModule } from '../shared/shared-crm.module';
import { TagsController } from './tags.controller';
import { TagsRepository } from './tags.repository';
import { TagsService } from './tags.service';

@Module({
  imports: [TenancyModule, SharedCrmModule, AuditModule],
  controllers: [TagsController],
  providers: [TagsService, TagsRepository],
})
export class TagsModule {}
