import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
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

/**
 * The generated document, tidied: a header declared with @ApiHeader and also read with @Headers() appears twice
 * (once lower-cased and required); keep the declared one.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const doc = SwaggerModule.createDocument(app, buildOpenApiConfig());
  for (const path of Object.values(doc.paths)) {
    for (const op of Object.values(path) as { parameters?: { in: string; name: string }[] }[]) {
      if (!op?.parameters) continue;
      const seen = new Set<string>();
      const declared = new Set(op.parameters.filter((p) => p.in === 'header' && p.name !== p.name.toLowerCase()).map((p) => p.name.toLowerCase()));
      op.parameters = op.parameters.filter((p) => {
        if (p.in !== 'header') return true;
        const key = p.name.toLowerCase();
        if (declared.has(key) && p.name === key) return false;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    }
  }
  return doc;
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
  const document = createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document);
  return app;
}
