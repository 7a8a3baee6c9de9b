import { Module } from '@nestjs/common';
import { TenancyModule } from '../../tenancy/tenancy.module';
import { AuditModule } from '../audit/audit.module';
import { PipelinesModule } from '../pipelines/pipelines.module';
import { ProductsModule } from '../products/products.module';
import { SharedCrmModule } from '../shared/shared-crm.module';
import { LossReasonsController } from './loss-reasons/loss-reasons.controller';
import { LossReasonsRepository } from './loss-reasons/loss-reasons.repository';
import { LossReasonsService } from './loss-reasons/loss-reasons.service';
import { OpportunitiesController } from './opportunities.controller';
import { OpportunitiesRepository } from './opportunities.repository';
import { OpportunitiesService } from './opportunities.service';
import { OpportunityItemsController } from './opportunity-items.controller';
import { OpportunityItemsRepository } from './opportunity-items.repository';
import { OpportunityItemsService } from './opportunity-items.service';

/** Deals (with their stage history and line items) and loss reasons. */
@Module({
  imports: [TenancyModule, SharedCrmModule, AuditModule, PipelinesModule, ProductsModule],
  controllers: [OpportunitiesController, OpportunityItemsController, LossReasonsController],
  providers: [
    OpportunitiesService,
    OpportunitiesRepository,
    OpportunityItemsService,
    OpportunityItemsRepository,
    LossReasonsService,
    LossReasonsRepository,
  ],
})
export class OpportunitiesModule {}
