import { Test, TestingModule } from '@nestjs/testing';
import { ClsModule } from 'nestjs-cls';
import { ConfigModule } from '../../src/config/config.module';
import { DatabaseModule } from '../../src/database/database.module';
import { Migration, TenantMigrations } from '../../src/tenancy/migration-files';
import { TenancyModule } from '../../src/tenancy/tenancy.module';
import { TestDb } from './test-db';

/** The tenancy engine wired as in production, on a test database; optionally with another migration list. */
export async function tenancyContext(db: TestDb, migrations?: Migration[]): Promise<TestingModule> {
  let builder = Test.createTestingModule({
    imports: [ConfigModule.forRoot(db.env), ClsModule.forRoot({ global: true }), DatabaseModule.forRoot(db.urls), TenancyModule],
  });
  if (migrations) builder = builder.overrideProvider(TenantMigrations).useValue(new TenantMigrations(migrations));
  const moduleRef = await builder.compile();
  await moduleRef.init();
  return moduleRef;
}

export function migration(version: number, name: string, sql: string): Migration {
  return { version, name, sql, checksum: `test${version}` };
}
