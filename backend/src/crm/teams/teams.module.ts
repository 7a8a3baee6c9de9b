import { Module } from '@nestjs/common';
import { TenancyModule } from '../../tenancy/tenancy.module';
import { AuditModule } from '../audit/audit.module';
import { MoreReferencesRepository } from '../shared/more-references.repository';
import { SharedCrmModule } from '../shared/shared-crm.module';
import { UsersModule } from '../users/users.module';
import { TeamsController } from './teams.controller';
import { TeamsRepository } from './teams.repository';
import { TeamsService } from './teams.service';

@Module({
  imports: [TenancyModule, SharedCrmModule, AuditModule, UsersModule],
  controllers: [TeamsController],
  providers: [TeamsService, TeamsRepository, MoreReferencesRepository],
})
export class TeamsModule {}
