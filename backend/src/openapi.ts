import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { parseEnv } from './config/env.schema';
import { createOpenApiDocument } from './http-app';

// Generates docs/openapi.json from the controllers and DTOs (built with the Swagger CLI plugin), without a
// database: the app is created in preview mode. `--check` fails when the committed spec differs.
const SPEC = join(__dirname, '..', '..', 'docs', 'openapi.json');

async function main(): Promise<void> {
  const env = parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SERVE_CONSOLE: 'false' } as NodeJS.ProcessEnv);
  const urls = { admin: 'postgres://unused@127.0.0.1/unused', app: 'postgres://unused@127.0.0.1/unused' };
  const app = await NestFactory.create(AppModule.forRoot(urls, env), { preview: true, logger: false, abortOnError: false });
  app.setGlobalPrefix('api');
  const spec = `${JSON.stringify(createOpenApiDocument(app), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    const committed = readFileSync(SPEC, 'utf8');
    if (committed !== spec) {
      process.stderr.write('docs/openapi.json is stale: run `npm run openapi` and commit the result.\n');
      process.exit(1);
    }
    process.stdout.write('docs/openapi.json is up to date.\n');
    return;
  }
  writeFileSync(SPEC, spec);
  process.stdout.write(`wrote ${SPEC}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err?.stack ?? err}\n`);
  process.exit(1);
});
