import { Module } from '@nestjs/common';
import { TenancyModule } from '../../tenancy/tenancy.module';
import { AuditModule } from '../audit/audit.module';
import { SharedCrmModule } from '../shared/shared-crm.module';
import { CategoriesController } from './categories/categories.controller';
import { CategoriesRepository } from './categories/categories.repository';
import { CategoriesService } from './categories/categories.service';
import { PriceListItemsController } from './price-lists/price-list-items.controller';
import { PriceListsController } from './price-lists/price-lists.controller';
import { PriceListsRepository } from './price-lists/price-lists.repository';
import { PriceListsService } from './price-lists/price-lists.service';
import { ProductsController } from './products.controller';
import { ProductsRepository } from './products.repository';
import { ProductsService } from './products.service';

/** The catalog: products, categories, price lists. Exports product and price-list look-ups to the deals' line items. */
@Module({
  imports: [TenancyModule, SharedCrmModule, AuditModule],
  controllers: [ProductsController, CategoriesController, PriceListsController, PriceListItemsController],
  providers: [ProductsService, ProductsRepository, CategoriesService, CategoriesRepository, PriceListsService, PriceListsRepository],
  exports: [ProductsRepository, PriceListsRepository],
})
export class ProductsModule {}
