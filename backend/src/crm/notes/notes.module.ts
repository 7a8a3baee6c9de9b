import { Module } from '@nestjs/common';
import { TenancyModule } from '../../tenancy/tenancy.module';
import { AuditModule } from '../audit/audit.module';
import { MoreReferencesRepository } from '../shared/more-references.repository';
import { SharedCrmModule } from '../shared/shared-crm.module';
import { NotesController } from './notes.controller';
import { NotesRepository } from './notes.repository';
import { NotesService } from './notes.service';
import { TimelineController } from './timeline.controller';
import { TimelineRepository } from './timeline.repository';
import { TimelineService } from './timeline.service';

@Module({
  imports: [TenancyModule, SharedCrmModule, AuditModule],
  controllers: [NotesController, TimelineController],
  providers: [NotesService, NotesRepository, MoreReferencesRepository, TimelineService, TimelineRepository],
})
export class NotesModule {}
