import { Module } from '@nestjs/common';
import { ListRepository } from '../crm/shared/list/list.repository';
import { QueryExecutorModule } from '../query-executor';
import { TenancyModule } from '../tenancy/tenancy.module';
import { MetadataBackfillService } from './base-objects/metadata-backfill.service';
import { ObjectsController } from './controllers/objects.controller';
import { RecordsController } from './controllers/records.controller';
import { VisualsController } from './controllers/visuals.controller';
import { CustomObjectsService } from './custom-objects.service';
import { ObjectDataService } from './data/object-data.service';
import { MetadataDdlRunner } from './metadata-ddl.runner';
import { MetadataReader } from './metadata.reader';
import { ObjectsService } from './objects.service';
import { QueryObjectsService } from './queries/query-objects.service';
import { SavedQueryRelations } from './queries/saved-query-relations';
import { RecordsService } from './records/records.service';
import { VisualsService } from './visuals/visuals.service';

/**
 * The metadata engine (docs/adr/0002-metadata-storage.md): objects (base tables, custom tables, saved queries),
 * their fields and views; the generic record API; the object data endpoint; the designer's query model.
 */
@Module({
  imports: [TenancyModule, QueryExecutorModule],
  controllers: [ObjectsController, RecordsController, VisualsController],
  providers: [
    MetadataDdlRunner,
    MetadataReader,
    CustomObjectsService,
    QueryObjectsService,
    ObjectDataService,
    ObjectsService,
    RecordsService,
    VisualsService,
    ListRepository,
    MetadataBackfillService,
    SavedQueryRelations,
  ],
  exports: [MetadataReader, MetadataBackfillService, SavedQueryRelations],
})
export class MetadataModule {}
