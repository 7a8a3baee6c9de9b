import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { Presets, SingleBar } from 'cli-progress';
import { TenantMigratorService } from '../tenancy/tenant-migrator.service';
import { TenantProvisioningService } from '../tenancy/tenant-provisioning.service';
import { Inject } from '@nestjs/common';
import { ENV } from '../config/config.module';
import { Env } from '../config/env.schema';

const out = (line: string) => process.stdout.write(`${line}\n`);

@SubCommand({ name: 'create', arguments: '<slug>', description: 'Cria um tenant (schema, papéis e migrações)' })
export class TenantCreateCommand extends CommandRunner {
  constructor(private readonly tenants: TenantProvisioningService) {
    super();
  }

  async run([slug]: string[], opts: { name?: string; vertical?: string }): Promise<void> {
    const started = performance.now();
    const t = await this.tenants.provision({ slug, name: opts.name ?? slug, vertical: opts.vertical ?? null });
    out(`Tenant "${t.slug}" criado (schema ${t.schema}, versão ${t.schemaVersion}) em ${Math.round(performance.now() - started)} ms.`);
  }

  @Option({ flags: '-n, --name <name>', description: 'Nome de exibição' })
  parseName(v: string) {
    return v;
  }

  @Option({ flags: '-v, --vertical <vertical>', description: 'Pacote vertical (ex.: trade_marketing)' })
  parseVertical(v: string) {
    return v;
  }
}

@SubCommand({ name: 'list', description: 'Lista os tenants com status e versão do schema' })
export class TenantListCommand extends CommandRunner {
  constructor(private readonly tenants: TenantProvisioningService) {
    super();
  }

  async run(_: string[], opts: { status?: string }): Promise<void> {
    let after: string | undefined;
    let count = 0;
    out(['slug'.padEnd(40), 'status'.padEnd(10), 'versão', 'nome'].join(' '));
    for (;;) {
      const page = await this.tenants.list({ status: opts.status, limit: 500, afterSlug: after });
      for (const t of page) out([t.slug.padEnd(40), t.status.padEnd(10), String(t.schemaVersion).padEnd(6), t.name].join(' '));
      count += page.length;
      if (page.length < 500) break;
      after = page[page.length - 1].slug;
    }
    out(`${count} tenant(s).`);
  }

  @Option({ flags: '-s, --status <status>', description: 'ativo | arquivado' })
  parseStatus(v: string) {
    return v;
  }
}

@SubCommand({ name: 'migrate', description: 'Aplica as migrações pendentes a todos os tenants' })
export class TenantMigrateCommand extends CommandRunner {
  constructor(
    private readonly migrator: TenantMigratorService,
    @Inject(ENV) private readonly env: Env,
  ) {
    super();
  }

  async run(_: string[], opts: { concurrency?: number }): Promise<void> {
    const bar = new SingleBar({ format: 'migrando {bar} {value}/{total} tenants | falhas: {failed} | {eta_formatted}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 }, Presets.shades_classic);
    let started = false;
    const result = await this.migrator.migrateAll({
      concurrency: opts.concurrency ?? this.env.MIGRATION_CONCURRENCY,
      onProgress: (p) => {
        if (!started) {
          bar.start(p.total, 0, { failed: 0 });
          started = true;
        }
        bar.update(p.done + p.failed, { failed: p.failed });
      },
    });
    bar.stop();
    out(`${result.done} tenant(s) migrados para a versão ${result.latest}; ${result.failed} falha(s).`);
    for (const f of result.failures) out(`  falhou ${f.tenantId}: ${f.message}`);
    if (result.failed) {
      out('Rode o comando de novo para retomar: só os tenants ainda atrasados são migrados.');
      process.exitCode = 1;
    }
  }

  @Option({ flags: '-c, --concurrency <n>', description: 'Tenants migrados ao mesmo tempo' })
  parseConcurrency(v: string) {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error('--concurrency deve ser um inteiro entre 1 e 64');
    return n;
  }
}

@SubCommand({ name: 'archive', arguments: '<slug>', description: 'Arquiva um tenant (os dados são mantidos)' })
export class TenantArchiveCommand extends CommandRunner {
  constructor(private readonly tenants: TenantProvisioningService) {
    super();
  }

  async run([slug]: string[]): Promise<void> {
    const t = await this.tenants.archive(slug);
    out(`Tenant "${t.slug}" arquivado.`);
  }
}

@Command({
  name: 'tenant',
  description: 'Operações de tenants',
  subCommands: [TenantCreateCommand, TenantListCommand, TenantMigrateCommand, TenantArchiveCommand],
})
export class TenantCommand extends CommandRunner {
  async run(): Promise<void> {
    out('Uso: tenant create|list|migrate|archive … (--help para detalhes)');
    process.exitCode = 1;
  }
}
