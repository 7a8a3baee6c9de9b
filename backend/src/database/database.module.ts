import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ENV } from '../config/config.module';
import { Env } from '../config/env.schema';
import { DB_ROLES, DB_URLS, DbUrls } from './database.tokens';
import { PrivilegedDb } from './privileged-db';
import { tenantAffinePg } from './tenant-affine-pool';
import { DbRoles } from './roles';

/**
 * One DataSource (one pg pool, the API's login role) for the whole process, whatever the number of tenants,
 * plus the small privileged pool for DDL.
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(PrivilegedDb) private readonly privileged: PrivilegedDb) {}

  static forRoot(urls: DbUrls): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ENV],
          useFactory: (env: Env) => ({
            type: 'postgres',
            // pg with a pool that runs each tenant on its group of connections (tenant-affine-pool.ts).
            driver: tenantAffinePg,
            url: urls.app,
            applicationName: 'crm-api',
            entities: [],
            synchronize: false,
            migrationsRun: false,
            logging: false,
            // Fail fast at boot when the database is unreachable; the process manager restarts us.
            retryAttempts: 3,
            retryDelay: 1000,
            extra: {
              max: env.DB_POOL_MAX,
              tenantGroups: env.DB_POOL_TENANT_GROUPS,
              connectionTimeoutMillis: env.DB_POOL_ACQUIRE_TIMEOUT_MS,
              statement_timeout: env.DB_STATEMENT_TIMEOUT_MS,
              idle_in_transaction_session_timeout: env.DB_STATEMENT_TIMEOUT_MS * 2,
            },
          }),
        }),
      ],
      providers: [
        { provide: DB_URLS, useValue: urls },
        { provide: DB_ROLES, inject: [ENV], useFactory: (env: Env) => DbRoles.fromEnv(env) },
        { provide: PrivilegedDb, useFactory: () => new PrivilegedDb(urls.admin) },
      ],
      exports: [DB_URLS, DB_ROLES, PrivilegedDb],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.privileged.close();
  }
}
