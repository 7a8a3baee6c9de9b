import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { Env } from './config/env.schema';
import { DbUrls } from './database/database.tokens';

export function buildOpenApiConfig() {
  return new DocumentBuilder()
    .setTitle('CRM Platform API')
    .setDescription('API pública multi-tenant do CRM. O tenant vem sempre do token verificado.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
}

/** The HTTP application exactly as production runs it (tests use this too). */
export async function createHttpApp(urls: DbUrls, env: Env): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(urls, env), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api', { exclude: [] });
  app.use(helmet({ contentSecurityPolicy: false }));
  const origins = env.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  app.enableCors({ origin: origins, credentials: false });
  app.disable('x-powered-by');
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  const document = SwaggerModule.createDocument(app, buildOpenApiConfig());
  SwaggerModule.setup('api/docs', app, document);
  return app;
}
