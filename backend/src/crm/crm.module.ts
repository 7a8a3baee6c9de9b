import { Module } from '@nestjs/common';
import { ActivitiesModule } from './activities/activities.module';
import { CompaniesModule } from './companies/companies.module';
import { ContactsModule } from './contacts/contacts.module';
import { NotesModule } from './notes/notes.module';
import { OpportunitiesModule } from './opportunities/opportunities.module';
import { PipelinesModule } from './pipelines/pipelines.module';
import { ProductsModule } from './products/products.module';
import { TagsModule } from './tags/tags.module';
import { TeamsModule } from './teams/teams.module';
import { UsersModule } from './users/users.module';

/** The CRM business modules, built on the engine (tenancy, auth). */
@Module({
  imports: [ContactsModule, CompaniesModule, ActivitiesModule, NotesModule, PipelinesModule, OpportunitiesModule, ProductsModule, TagsModule, TeamsModule, UsersModule],
})
export class CrmModule {}
