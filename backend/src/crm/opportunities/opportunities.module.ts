import { Module } from '@nestjs/common';
import { TenancyModule } from '../../tenancy/tenancy.module';
import { AuditModule } from '../audit/audit.module';
import { PipelinesModule } from '../pipelines/pipelines.module';
import { ProductsModule } from '../products/products.module';
import { SharedCrmModule } from '../shared/shared-crm.module';
import { CompetitorsController } from './competitors/competitors.controller';
import { CompetitorsRepository } from './competitors/competitors.repository';
import { CompetitorsService } from './competitors/competitors.service';
import { OpportunityCompetitorsController } from './competitors/opportunity-competitors.controller';
import { OpportunityCompetitorsRepository } from './competitors/opportunity-competitors.repository';
import { OpportunityCompetitorsService } from './competitors/opportunity-competitors.service';
import { LossReasonsController } from './loss-reasons/loss-reasons.controller';
import { LossReasonsRepository } from './loss-reasons/loss-reasons.repository';
import { LossReasonsService } from './loss-reasons/loss-reasons.service';
import { OpportunitiesController } from './opportunities.controller';
import { OpportunitiesRepository } from './opportunities.repository';
import { OpportunitiesService } from './opportunities.service';
import { OpportunityItemsController } from './opportunity-items.controller';
import { OpportunityItemsRepository } from './opportunity-items.repository';
import { OpportunityItemsService } from './opportunity-items.service';

/** Deals (with their stage history, line items and competitors), loss reasons and competitors. */
@Module({
  imports: [TenancyModule, SharedCrmModule, AuditModule, PipelinesModule, ProductsModule],
  controllers: [
    OpportunitiesController,
    OpportunityItemsController,
    OpportunityCompetitorsController,
    LossReasonsController,
    CompetitorsController,
  ],
  providers: [
    OpportunitiesService,
    OpportunitiesRepository,
    OpportunityItemsService,
    OpportunityItemsRepository,
    LossReasonsService,
    LossReasonsRepository,
    CompetitorsService,
    CompetitorsRepository,
    OpportunityCompetitorsService,
    OpportunityCompetitorsRepository,
  ],
})
export class OpportunitiesModule {}
