import { TestingModule } from '@nestjs/testing';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { isValidCep, isValidCnpj, isValidCpf, normalizePhoneBR } from '../src/common/br';
import { PrivilegedDb } from '../src/database/privileged-db';
import { DemoDataExistsError, proportionalSizes, seedTenantDemo, verifyForeignKeys } from '../src/demo/generator';
import { TenantProvisioningService } from '../src/tenancy/tenant-provisioning.service';
import { tenancyContext } from './support/tenancy-context';
import { createTestDb, TestDb } from './support/test-db';

const CLI = join(__dirname, '..', 'dist', 'cli.js');
const NOW = new Date('2025-06-10T14:30:00-03:00');
const SIZES = { companies: 150, contacts: 1000, opportunities: 300, activities: 2500 };
const OWNERS = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];

/**
 * Ordered dumps of the seeded tables without tenant_id. References to the tenant's default rows (pipeline,
 * stages, loss reasons, origins, default price list: random ids of each tenant) are replaced by their names.
 */
const DUMPS: Record<string, string> = {
  tb_empresa: `SELECT to_jsonb(x) - 'tenant_id' - 'origem_id' || jsonb_build_object('origem', og.nome) AS j
                 FROM tb_empresa x LEFT JOIN tb_origem_lead og ON og.id = x.origem_id ORDER BY x.id`,
  tb_endereco: `SELECT to_jsonb(x) - 'tenant_id' AS j FROM tb_endereco x ORDER BY x.id`,
  tb_contato: `SELECT to_jsonb(x) - 'tenant_id' - 'origem_id' || jsonb_build_object('origem', og.nome) AS j
                 FROM tb_contato x LEFT JOIN tb_origem_lead og ON og.id = x.origem_id ORDER BY x.id`,
  tb_oportunidade: `SELECT to_jsonb(x) - 'tenant_id' - 'funil_id' - 'etapa_id' - 'motivo_perda_id' - 'origem_id'
                       || jsonb_build_object('funil', f.nome, 'etapa', e.nome, 'motivo', m.nome, 'origem', og.nome) AS j
                      FROM tb_oportunidade x JOIN tb_funil f ON f.id = x.funil_id JOIN tb_etapa e ON e.id = x.etapa_id
                      LEFT JOIN tb_motivo_perda m ON m.id = x.motivo_perda_id LEFT JOIN tb_origem_lead og ON og.id = x.origem_id
                     ORDER BY x.id`,
  tb_oportunidade_historico: `SELECT to_jsonb(x) - 'tenant_id' - 'etapa_anterior_id' - 'etapa_nova_id'
                                   || jsonb_build_object('de', a.nome, 'para', n.nome) AS j
                                FROM tb_oportunidade_historico x LEFT JOIN tb_etapa a ON a.id = x.etapa_anterior_id
                                JOIN tb_etapa n ON n.id = x.etapa_nova_id ORDER BY x.id`,
  tb_oportunidade_produto: `SELECT to_jsonb(x) - 'tenant_id' AS j FROM tb_oportunidade_produto x ORDER BY x.id`,
  tb_atividade: `SELECT to_jsonb(x) - 'tenant_id' AS j FROM tb_atividade x ORDER BY x.id`,
  tb_produto: `SELECT to_jsonb(x) - 'tenant_id' AS j FROM tb_produto x ORDER BY x.id`,
  tb_tabela_preco_item: `SELECT to_jsonb(x) - 'tenant_id' - 'tabela_preco_id' || jsonb_build_object('tabela', tp.nome) AS j
                           FROM tb_tabela_preco_item x JOIN tb_tabela_preco tp ON tp.id = x.tabela_preco_id ORDER BY x.id`,
  tb_tag: `SELECT to_jsonb(x) - 'tenant_id' AS j FROM tb_tag x ORDER BY x.id`,
  tb_tag_registro: `SELECT to_jsonb(x) - 'tenant_id' AS j FROM tb_tag_registro x ORDER BY x.id`,
};

describe('demo data generator (real PostgreSQL)', () => {
  let db: TestDb;
  let ctx: TestingModule;
  let admin: Client;
  let privileged: PrivilegedDb;
  const tenants: Record<string, { id: string; schema: string }> = {};

  /** Runs `work` on the superuser connection, pinned to a tenant's schema. */
  const inTenant = async <T>(slug: string, work: () => Promise<T>): Promise<T> => {
    const t = tenants[slug];
    await admin.query('BEGIN');
    try {
      await admin.query("SELECT set_config('search_path', $1, true), set_config('app.tenant_id', $2, true)", [`"${t.schema}"`, t.id]);
      const r = await work();
      await admin.query('COMMIT');
      return r;
    } catch (e) {
      await admin.query('ROLLBACK');
      throw e;
    }
  };
  const q = async <R extends Record<string, unknown>>(slug: string, sql: string, params: unknown[] = []): Promise<R[]> =>
    inTenant(slug, async () => (await admin.query<R>(sql, params)).rows);

  beforeAll(async () => {
    db = await createTestDb();
    ctx = await tenancyContext(db);
    admin = await db.admin();
    privileged = ctx.get(PrivilegedDb);
    const provisioning = ctx.get(TenantProvisioningService);
    for (const slug of ['demo_a', 'demo_b', 'demo_vazio', 'demo_grande']) {
      const t = await provisioning.provision({ slug, name: `Demo ${slug}` });
      tenants[slug] = { id: t.id, schema: t.schema };
    }
    // the same three members in both tenants (tb_usuario.id is the platform user id)
    for (const slug of ['demo_a', 'demo_b']) {
      await inTenant(slug, () =>
        admin.query(
          `INSERT INTO tb_usuario (id, nome, email, papel)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`,
          [OWNERS, ['Ana Lima', 'Gustavo Gerente', 'Vera Vendedora'], ['ana@x.com.br', 'gustavo@x.com.br', 'vera@x.com.br'], ['tenant_admin', 'manager', 'sales']],
        ),
      );
    }
    for (const slug of ['demo_a', 'demo_b']) {
      const started = performance.now();
      const r = await seedTenantDemo(privileged, tenants[slug], { ...SIZES, seed: 7, now: NOW });
      process.stdout.write(`[demo-data] ${slug}: ${JSON.stringify(r?.counts)} em ${Math.round(performance.now() - started)} ms\n`);
    }
  }, 120_000);

  afterAll(async () => {
    await ctx?.close();
    await db?.drop();
  });

  it('the same seed gives identical data in two tenants (ids included)', async () => {
    for (const [table, sql] of Object.entries(DUMPS)) {
      const a = (await q<{ j: unknown }>('demo_a', sql)).map((r) => r.j);
      const b = (await q<{ j: unknown }>('demo_b', sql)).map((r) => r.j);
      expect({ table, rows: a.length }).toEqual({ table, rows: b.length });
      expect(a.length).toBeGreaterThan(0);
      expect(b).toEqual(a);
    }
  });

  it('stores the requested counts', async () => {
    const [c] = await q<Record<string, number>>(
      'demo_a',
      `SELECT (SELECT count(*) FROM tb_empresa)::int AS companies, (SELECT count(*) FROM tb_contato)::int AS contacts,
              (SELECT count(*) FROM tb_oportunidade)::int AS opportunities, (SELECT count(*) FROM tb_atividade)::int AS activities,
              (SELECT count(*) FROM tb_endereco)::int AS addresses, (SELECT count(*) FROM tb_produto)::int AS products,
              (SELECT count(*) FROM tb_tag_registro)::int AS tagged,
              (SELECT count(*) FROM tb_tabela_preco_item i JOIN tb_tabela_preco t ON t.id = i.tabela_preco_id WHERE t.padrao)::int AS default_prices,
              (SELECT count(*) FROM tb_oportunidade o WHERE NOT EXISTS (SELECT 1 FROM tb_oportunidade_historico h WHERE h.oportunidade_id = o.id))::int AS without_history,
              (SELECT count(*) FROM tb_empresa e WHERE NOT EXISTS (SELECT 1 FROM tb_endereco a WHERE a.empresa_id = e.id AND a.principal))::int AS without_address`,
    );
    expect(c).toMatchObject({ ...SIZES, without_history: 0, without_address: 0 });
    expect(c.addresses).toBeGreaterThanOrEqual(SIZES.companies);
    expect(c.products).toBeGreaterThan(50);
    expect(c.default_prices).toBe(c.products);
    expect(c.tagged).toBeGreaterThan(0);
  });

  it('every stored CNPJ, CPF, CEP and phone validates; e-mails are unique', async () => {
    const companies = await q<{ cnpj: string; telefone: string | null }>('demo_a', 'SELECT cnpj, telefone FROM tb_empresa');
    expect(companies.filter((r) => !isValidCnpj(r.cnpj))).toEqual([]);
    expect(companies.some((r) => /[A-Z]/.test(r.cnpj))).toBe(true); // alphanumeric CNPJs too
    expect(companies.filter((r) => r.telefone !== null && normalizePhoneBR(r.telefone) !== r.telefone)).toEqual([]);
    const contacts = await q<{ cpf: string | null; celular: string | null; telefone: string | null }>('demo_a', 'SELECT cpf, celular, telefone FROM tb_contato');
    const cpfs = contacts.map((r) => r.cpf).filter((c): c is string => c !== null);
    expect(cpfs.length).toBeGreaterThan(200);
    expect(cpfs.filter((c) => !isValidCpf(c))).toEqual([]);
    const phones = contacts.flatMap((r) => [r.celular, r.telefone]).filter((p): p is string => p !== null);
    expect(phones.filter((p) => normalizePhoneBR(p) !== p)).toEqual([]);
    const ceps = await q<{ cep: string }>('demo_a', 'SELECT cep FROM tb_endereco');
    expect(ceps.filter((r) => !isValidCep(r.cep))).toEqual([]);
    const [dup] = await q<{ n: number }>('demo_a', 'SELECT (count(email) - count(DISTINCT email))::int AS n FROM tb_contato');
    expect(dup.n).toBe(0);
  });

  it('status, probability and loss reason follow the stage; history ends at the current stage; value = line items', async () => {
    const [r] = await q<Record<string, number>>(
      'demo_a',
      `SELECT
         (SELECT count(*) FROM tb_oportunidade o JOIN tb_etapa e ON e.id = o.etapa_id
           WHERE o.status <> e.tipo OR o.probabilidade <> e.probabilidade OR (o.status = 'perdido') <> (o.motivo_perda_id IS NOT NULL)
              OR (o.status = 'aberto') <> (o.fechada_em IS NULL))::int AS inconsistent,
         (SELECT count(*) FROM tb_oportunidade o
           WHERE (SELECT h.etapa_nova_id FROM tb_oportunidade_historico h WHERE h.oportunidade_id = o.id
                   ORDER BY h.alterado_em DESC, (h.etapa_anterior_id IS NULL), h.id LIMIT 1) IS DISTINCT FROM o.etapa_id)::int AS wrong_last_step,
         (SELECT count(*) FROM tb_oportunidade_historico h JOIN tb_etapa e ON e.id = h.etapa_nova_id WHERE h.status <> e.tipo)::int AS wrong_history_status,
         (SELECT count(*) FROM tb_oportunidade o
           WHERE o.valor <> (SELECT coalesce(sum(i.valor_total), 0) FROM tb_oportunidade_produto i WHERE i.oportunidade_id = o.id))::int AS wrong_value,
         (SELECT count(DISTINCT status) FROM tb_oportunidade)::int AS statuses,
         (SELECT count(DISTINCT etapa_id) FROM tb_oportunidade)::int AS stages`,
    );
    expect(r).toEqual({ inconsistent: 0, wrong_last_step: 0, wrong_history_status: 0, wrong_value: 0, statuses: 3, stages: 6 });
  });

  it('activities are spread around now: done, overdue, due today, upcoming', async () => {
    const [r] = await q<Record<string, number>>(
      'demo_a',
      `SELECT count(*) FILTER (WHERE concluida)::int AS done,
              count(*) FILTER (WHERE NOT concluida AND vencimento < $1::date::timestamp AT TIME ZONE 'America/Sao_Paulo')::int AS overdue,
              count(*) FILTER (WHERE NOT concluida AND (vencimento AT TIME ZONE 'America/Sao_Paulo')::date = $1::date)::int AS today,
              count(*) FILTER (WHERE NOT concluida AND (vencimento AT TIME ZONE 'America/Sao_Paulo')::date > $1::date)::int AS upcoming,
              count(*) FILTER (WHERE oportunidade_id IS NOT NULL)::int AS on_deals,
              count(*) FILTER (WHERE contato_id IS NOT NULL)::int AS on_contacts,
              count(DISTINCT tipo)::int AS types
         FROM tb_atividade`,
      ['2025-06-10'],
    );
    for (const k of ['done', 'overdue', 'today', 'upcoming', 'on_deals', 'on_contacts']) expect(r[k]).toBeGreaterThan(20);
    expect(r.types).toBe(7);
  });

  it('keeps every row and every foreign key inside the tenant; ownership is spread over its users', async () => {
    const t = tenants.demo_a;
    // the schema's foreign keys only point at tables of the same schema
    const { rows: fk } = await admin.query(
      `SELECT count(*)::int AS n FROM pg_constraint c JOIN pg_class r ON r.oid = c.confrelid
        WHERE c.contype = 'f' AND c.connamespace = $1::regnamespace AND r.relnamespace <> $1::regnamespace`,
      [t.schema],
    );
    expect(fk[0].n).toBe(0);
    for (const table of Object.keys(DUMPS)) {
      const [row] = await q<{ other: number }>('demo_a', `SELECT count(*) FILTER (WHERE tenant_id <> $1)::int AS other FROM ${table}`, [t.id]);
      expect({ table, other: row.other }).toEqual({ table, other: 0 });
    }
    const owners = await q<{ owner_id: string | null; n: number }>(
      'demo_a',
      'SELECT owner_id, count(*)::int AS n FROM tb_contato GROUP BY owner_id ORDER BY owner_id NULLS LAST',
    );
    expect(owners.map((o) => o.owner_id)).toEqual([...OWNERS, null]);
    // references between seeded rows resolve within the schema (the FKs are enforced, this checks nothing dangles)
    const [dangling] = await q<{ n: number }>(
      'demo_a',
      `SELECT ((SELECT count(*) FROM tb_contato c WHERE c.empresa_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM tb_empresa e WHERE e.id = c.empresa_id))
             + (SELECT count(*) FROM tb_atividade a WHERE a.oportunidade_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM tb_oportunidade o WHERE o.id = a.oportunidade_id)))::int AS n`,
    );
    expect(dangling.n).toBe(0);
  });

  it('bulk mode verifies every foreign key after the load: a dangling reference fails the seeding', async () => {
    await expect(
      inTenant('demo_a', async () => {
        await admin.query("SELECT set_config('session_replication_role', 'replica', true)");
        await admin.query("INSERT INTO tb_contato (nome, empresa_id) VALUES ('Órfão', '99999999-9999-4999-8999-999999999999')");
        await admin.query("SELECT set_config('session_replication_role', 'origin', true)");
        await verifyForeignKeys(admin, ['tb_contato', 'tb_atividade']);
      }),
    ).rejects.toThrow(/tb_contato_empresa_id_fkey: 1 linha\(s\) de tb_contato sem tb_empresa/);
    await expect(inTenant('demo_a', () => verifyForeignKeys(admin, Object.keys(DUMPS)))).resolves.toBeUndefined();
  });

  it('refuses a tenant that already has contacts, or skips it when asked', async () => {
    await expect(seedTenantDemo(privileged, tenants.demo_a, { ...SIZES, seed: 7 })).rejects.toBeInstanceOf(DemoDataExistsError);
    await expect(seedTenantDemo(privileged, tenants.demo_a, { ...SIZES, seed: 7, onlyIfEmpty: true })).resolves.toBeNull();
    const [n] = await q<{ n: number }>('demo_a', 'SELECT count(*)::int AS n FROM tb_contato');
    expect(n.n).toBe(SIZES.contacts);
  });

  it('works on a tenant without users (records stay unassigned), with row-by-row foreign-key checks', async () => {
    const r = await seedTenantDemo(privileged, tenants.demo_vazio, {
      companies: 5, contacts: 20, opportunities: 8, activities: 30, seed: 1, bulkForeignKeys: false,
    });
    expect(r?.bulkForeignKeys).toBe(false);
    expect(r?.counts).toMatchObject({ tb_empresa: 5, tb_contato: 20, tb_oportunidade: 8, tb_atividade: 30 });
    const [o] = await q<{ n: number }>('demo_vazio', 'SELECT count(owner_id)::int AS n FROM tb_contato');
    expect(o.n).toBe(0);
  });

  it('timing: 20,000 contacts with proportional companies, deals and activities (printed, not asserted)', async () => {
    const sizes = proportionalSizes(20_000);
    const started = performance.now();
    const r = await seedTenantDemo(privileged, tenants.demo_grande, { ...sizes, seed: 99 });
    const ms = Math.round(performance.now() - started);
    const m = r!.ms;
    process.stdout.write(
      `[demo-data] 20.000 contatos (${JSON.stringify(sizes)}): ${ms} ms total; geração ${Math.round(m.generate)} ms, ` +
        `inserção ${Math.round(m.insert)} ms, índices ${Math.round(m.indexes)} ms, FKs ${Math.round(m.verify)} ms, ANALYZE ${Math.round(m.analyze)} ms\n`,
    );
    expect(r?.counts.tb_contato).toBe(20_000);
  }, 300_000);

  it('CLI: `demo seed` seeds a tenant and fails clearly for an unknown one', () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
    const cli = (...args: string[]) => {
      const env = { ...process.env, DATABASE_URL: db.urls.admin, DB_ROLE_PREFIX: db.env.DB_ROLE_PREFIX, NODE_ENV: 'test', LOG_LEVEL: 'silent' };
      const r = spawnSync('node', [CLI, ...args], { env, encoding: 'utf8', timeout: 120_000 });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    const missing = cli('demo', 'seed', 'nao_existe');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/Tenant "nao_existe" não encontrado/);
    const bad = cli('demo', 'seed', 'demo_vazio', '--contacts', '-3');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--contacts/);

    expect(cli('tenant', 'create', 'demo_cli').code).toBe(0);
    const ok = cli('demo', 'seed', 'demo_cli', '--contacts', '500', '--activities', '100', '--seed', '3');
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/tb_contato\s+500/);
    expect(ok.out).toMatch(/tb_empresa\s+75/);
    expect(ok.out).toMatch(/tb_atividade\s+100/);
    const again = cli('demo', 'seed', 'demo_cli');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/DEMO_TENANT_NOT_EMPTY/);
  }, 180_000);
});
