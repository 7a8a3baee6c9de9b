import { Module } from '@nestjs/common';
import { PasswordHasher } from '../../auth/password-hasher';
import { TenancyModule } from '../../tenancy/tenancy.module';
import { AuditModule } from '../audit/audit.module';
import { MoreReferencesRepository } from '../shared/more-references.repository';
import { SharedCrmModule } from '../shared/shared-crm.module';
import { MembershipsRepository } from './memberships.repository';
import { UserProfilesRepository } from './user-profiles.repository';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TenancyModule, SharedCrmModule, AuditModule],
  controllers: [UsersController],
  providers: [UsersService, UserProfilesRepository, MembershipsRepository, MoreReferencesRepository, PasswordHasher],
  exports: [UserProfilesRepository],
})
export class UsersModule {}
