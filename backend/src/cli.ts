import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';
import { CommandFactory } from 'nest-commander';
import { TenantArchiveCommand, TenantCommand, TenantCreateCommand, TenantListCommand, TenantMigrateCommand } from './cli/tenant.command';
import { DEMO_COMMANDS } from './cli/demo.command';
import { DomainError } from './common/domain-error';
import { ConfigModule } from './config/config.module';
import { ConfigError, parseEnv } from './config/env.schema';
import { resolveDatabase } from './database/connection';
import { DatabaseModule } from './database/database.module';
import { DbRoles } from './database/roles';
import { bootstrapPlatform } from './tenancy/platform-bootstrap';
import { TenancyModule } from './tenancy/tenancy.module';

const fail = (message: string): never => {
  process.stderr.write(`erro: ${message}\n`);
  process.exit(1);
};

async function main(): Promise<void> {
  const env = parseEnv();
  const db = await resolveDatabase(env);
  try {
    await bootstrapPlatform(db.urls.admin, DbRoles.fromEnv(env));

    @Module({
      imports: [ConfigModule.forRoot(env), ClsModule.forRoot({ global: true }), DatabaseModule.forRoot(db.urls), TenancyModule],
      providers: [TenantCommand, TenantCreateCommand, TenantListCommand, TenantMigrateCommand, TenantArchiveCommand, ...DEMO_COMMANDS],
    })
    class CliModule {}

    await CommandFactory.run(CliModule, {
      logger: ['error'],
      errorHandler: (err) => fail(err.message),
      serviceErrorHandler: (err) => fail(err instanceof DomainError ? `${err.message} (${err.code})` : err.message),
    });
  } finally {
    await db.stop();
  }
}

main().catch((err) => fail(err instanceof ConfigError ? err.message : err instanceof DomainError ? `${err.message} (${err.code})` : String(err?.message ?? err)));
