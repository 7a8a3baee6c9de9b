import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ENV } from '../config/config.module';
import type { Env } from '../config/env.schema';
import { DB_ROLES, DB_URLS, type DbUrls } from '../database/database.tokens';
import type { DbRoles } from '../database/roles';
import { QueryExecutorController } from './query-executor.controller';
import { QueryExecutorService } from './query-executor.service';
import { ReadOnlyPools } from './read-only-pools';
import { TypeNames } from './result-types';
import { SqlAuditWriter } from './sql-audit';
import { TenantRelations } from './tenant-relations';

/**
 * The secure SQL executor: POST /api/query/execute, and QueryExecutorService / TenantRelations for the metadata
 * engine (saved query objects, object data, column inference).
 */
@Module({
  controllers: [QueryExecutorController],
  providers: [
    QueryExecutorService,
    SqlAuditWriter,
    TenantRelations,
    {
      provide: ReadOnlyPools,
      inject: [ENV, DB_URLS, DB_ROLES],
      useFactory: (env: Env, urls: DbUrls, roles: DbRoles) =>
        new ReadOnlyPools({
          url: urls.app,
          roles,
          poolSize: env.SQL_POOL_SIZE,
          maxTenants: env.SQL_POOL_MAX_TENANTS,
          idleMs: env.SQL_POOL_IDLE_MS,
          acquireTimeoutMs: env.SQL_POOL_ACQUIRE_TIMEOUT_MS,
        }),
    },
    {
      provide: TypeNames,
      inject: [DataSource],
      // Trusted path (the API's login role), never the tenant's read-only role.
      useFactory: (ds: DataSource) =>
        new TypeNames(async (oids) =>
          ds.query('SELECT oid::int AS oid, format_type(oid, NULL) AS name FROM pg_catalog.pg_type WHERE oid = ANY ($1::oid[])', [oids]),
        ),
    },
  ],
  exports: [QueryExecutorService, TenantRelations],
})
export class QueryExecutorModule {}
