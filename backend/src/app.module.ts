import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth/auth.module';
import { ErrorResponseFilter } from './common/error-response.filter';
import { ConfigModule } from './config/config.module';
import { Env } from './config/env.schema';
import { DatabaseModule } from './database/database.module';
import { DbUrls } from './database/database.tokens';
import { CrmModule } from './crm/crm.module';
import { HealthModule } from './health/health.module';
import { MetadataModule } from './metadata/metadata.module';
import { QueryExecutorModule } from './query-executor/query-executor.module';
import { TenancyModule } from './tenancy/tenancy.module';

export const CONSOLE_DIR = join(__dirname, '..', '..', 'frontend', 'dist', 'browser');
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

@Module({})
export class AppModule {
  static forRoot(urls: DbUrls, env: Env): DynamicModule {
    const serveConsole = env.SERVE_CONSOLE && existsSync(join(CONSOLE_DIR, 'index.html'));
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(env),
        LoggerModule.forRoot({
          pinoHttp: {
            level: env.LOG_LEVEL,
            // A caller's request id is kept when it is sane, so logs can be joined across services.
            genReqId: (req, res) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/health') },
          },
        }),
        ClsModule.forRoot({ global: true, middleware: { mount: true } }),
        DatabaseModule.forRoot(urls),
        TenancyModule,
        AuthModule,
        HealthModule,
        CrmModule,
        QueryExecutorModule,
        MetadataModule,
        ...(serveConsole
          ? [ServeStaticModule.forRoot({ rootPath: CONSOLE_DIR, exclude: ['/api/{*path}'] })]
          : []),
      ],
      providers: [{ provide: APP_FILTER, useClass: ErrorResponseFilter }],
    };
  }
}
