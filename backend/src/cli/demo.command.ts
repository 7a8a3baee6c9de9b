import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { DomainError, NotFoundError } from '../common/domain-error';
import { PrivilegedDb } from '../database/privileged-db';
import { DEFAULT_DEMO_SEED, DemoSizes, proportionalSizes, seedTenantDemo } from '../demo/generator';
import { TenantProvisioningService } from '../tenancy/tenant-provisioning.service';

const out = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (n: number) => n.toLocaleString('pt-BR');

interface DemoSeedOptions extends Partial<DemoSizes> {
  seed?: number;
}

function count(flag: string, max = 10_000_000) {
  return (v: string): number => {
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n > max) throw new Error(`${flag} deve ser um inteiro entre 0 e ${fmt(max)}`);
    return n;
  };
}

@SubCommand({
  name: 'seed',
  arguments: '<slug>',
  description:
    'Gera dados de demonstração pt-BR (empresas, contatos, oportunidades, atividades, produtos) num tenant ainda sem eles. ' +
    'Sem opções: 2.000 contatos; as outras quantidades seguem a proporção de --contacts (15 % empresas, 30 % oportunidades, 2,5 atividades por contato).',
})
export class DemoSeedCommand extends CommandRunner {
  constructor(
    private readonly tenants: TenantProvisioningService,
    private readonly db: PrivilegedDb,
  ) {
    super();
  }

  async run([slug]: string[], opts: DemoSeedOptions): Promise<void> {
    const tenant = await this.tenants.findBySlug(slug);
    if (!tenant) throw new NotFoundError('TENANT_NOT_FOUND', `Tenant "${slug}" não encontrado.`, { slug });
    if (tenant.status !== 'ativo') throw new DomainError('TENANT_NOT_ACTIVE', `Tenant "${slug}" está ${tenant.status}.`, 409, { slug });
    const sizes = { ...proportionalSizes(opts.contacts ?? 2000), ...definedOnly(opts) };
    const seed = opts.seed ?? DEFAULT_DEMO_SEED;
    out(
      `Gerando dados de demonstração em "${tenant.slug}" (semente ${seed}): ${fmt(sizes.companies)} empresas, ${fmt(sizes.contacts)} contatos, ` +
        `${fmt(sizes.opportunities)} oportunidades, ${fmt(sizes.activities)} atividades`,
    );
    const started = performance.now();
    await seedTenantDemo(this.db, tenant, {
      ...sizes,
      seed,
      onProgress: (p) => out(`  ${p.step.padEnd(28)} ${String(p.rows).padStart(9)} ${String(Math.round(p.ms)).padStart(7)} ms`),
    });
    out(`Concluído em ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  }

  @Option({ flags: '--contacts <n>', description: 'Contatos (padrão 2000)' })
  parseContacts(v: string) {
    return count('--contacts')(v);
  }

  @Option({ flags: '--companies <n>', description: 'Empresas (padrão: 15 % dos contatos)' })
  parseCompanies(v: string) {
    return count('--companies')(v);
  }

  @Option({ flags: '--opportunities <n>', description: 'Oportunidades (padrão: 30 % dos contatos)' })
  parseOpportunities(v: string) {
    return count('--opportunities')(v);
  }

  @Option({ flags: '--activities <n>', description: 'Atividades (padrão: 2,5 por contato)' })
  parseActivities(v: string) {
    return count('--activities')(v);
  }

  @Option({ flags: '--seed <s>', description: 'Semente do gerador (mesma semente = mesmos dados)' })
  parseSeed(v: string) {
    return count('--seed', 0xffffffff)(v);
  }
}

function definedOnly(opts: DemoSeedOptions): Partial<DemoSizes> {
  const r: Partial<DemoSizes> = {};
  for (const k of ['companies', 'contacts', 'opportunities', 'activities'] as const) if (opts[k] !== undefined) r[k] = opts[k];
  return r;
}

@Command({ name: 'demo', description: 'Dados de demonstração', subCommands: [DemoSeedCommand] })
export class DemoCommand extends CommandRunner {
  async run(): Promise<void> {
    out('Uso: demo seed <slug> [--contacts N] [--companies N] [--opportunities N] [--activities N] [--seed S]');
    process.exitCode = 1;
  }
}

/** Providers to register in the CLI module. */
export const DEMO_COMMANDS = [DemoCommand, DemoSeedCommand];
