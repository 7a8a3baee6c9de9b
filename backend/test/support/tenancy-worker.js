// A separate process that provisions tenants or runs the migration fan-out with the built code, so a test can
// SIGKILL it mid-way. Usage: node tenancy-worker.js provision <adminUrl> <rolePrefix> <count> <slugPrefix>
//                            node tenancy-worker.js migrate <adminUrl> <rolePrefix> <extraSql>
const dist = (p) => require(`../../dist/${p}`);
const { PrivilegedDb } = dist('database/privileged-db.js');
const { DbRoles } = dist('database/roles.js');
const { parseEnv } = dist('config/env.schema.js');
const { TenantMigrations } = dist('tenancy/migration-files.js');
const { TenantCatalogRepository } = dist('tenancy/tenant-catalog.repository.js');
const { TenantProvisioningService } = dist('tenancy/tenant-provisioning.service.js');
const { TenantMigratorService } = dist('tenancy/tenant-migrator.service.js');

(async () => {
  const [mode, adminUrl, prefix, arg1, arg2] = process.argv.slice(2);
  const env = parseEnv({ NODE_ENV: 'test', DATABASE_URL: adminUrl, DB_ROLE_PREFIX: prefix });
  const roles = DbRoles.fromEnv(env);
  const db = new PrivilegedDb(adminUrl);
  const disk = TenantMigrations.fromDisk();
  if (mode === 'provision') {
    const service = new TenantProvisioningService(db, roles, disk, new TenantCatalogRepository());
    // Resumable: tenants that already exist are skipped, so a rerun completes what a killed run left.
    for (let i = 0; i < Number(arg1); i++) {
      const slug = `${arg2}_${String(i).padStart(3, '0')}`;
      try {
        await service.provision({ slug, name: `Kill ${i}` });
        process.stdout.write(`provisioned ${i}\n`);
      } catch (err) {
        if (err.code !== 'TENANT_EXISTS') throw err;
        process.stdout.write(`exists ${i}\n`);
      }
    }
  } else if (mode === 'migrate') {
    const extra = { version: disk.latest + 1, name: 'kill_test', sql: arg1, checksum: 'killtest' };
    const migrations = new TenantMigrations([...disk.list, extra]);
    const migrator = new TenantMigratorService(db, roles, migrations, new TenantCatalogRepository());
    const result = await migrator.migrateAll({ concurrency: 2, onProgress: (p) => process.stdout.write(`progress ${p.done}\n`) });
    process.stdout.write(`done ${JSON.stringify(result)}\n`);
  }
  await db.close();
})().catch((err) => {
  process.stderr.write(String(err?.stack ?? err));
  process.exit(1);
});
