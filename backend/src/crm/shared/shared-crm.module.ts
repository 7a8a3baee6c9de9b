import { Module } from '@nestjs/common';
import { TenancyModule } from '../../tenancy/tenancy.module';
import { ListRepository } from './list/list.repository';
import { RecordTagsRepository } from './record-tags.repository';
import { ReferencesRepository } from './references.repository';

/** What every CRM resource module uses: the list engine's runner, record tags, reference checks. */
@Module({
  imports: [TenancyModule],
  providers: [ListRepository, RecordTagsRepository, ReferencesRepository],
  exports: [ListRepository, RecordTagsRepository, ReferencesRepository],
})
export class SharedCrmModule {}
