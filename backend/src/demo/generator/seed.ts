/**
 * Inserts generated demo data into one tenant schema, set-based: every table is sent as column arrays and
 * inserted with `INSERT … SELECT $1, * FROM unnest($2::uuid[], $3::text[], …)` in chunks. Values are always
 * bound; only identifiers (table and column names, from this file) are quoted into the SQL text.
 */
import { ClientBase, PoolClient } from 'pg';
import { ConflictError } from '../../common/domain-error';
import { ident } from '../../database/sql';
import { DemoDataset, DemoRefs, DemoSizes, generateDemoData, StageRef } from './generate';
import { TableData } from './table';

export interface SeedDemoOptions extends DemoSizes {
  tenantId: string;
  /** The tenant schema; must be the current search_path (checked). */
  schema: string;
  seed?: number;
  /** tb_usuario ids to spread ownership over (empty: records stay unassigned). */
  ownerIds: string[];
  /** Dates are placed around this day (America/Sao_Paulo); default: now. */
  now?: Date;
  /** Rows per INSERT statement (default 5,000). */
  chunkSize?: number;
  /** ANALYZE the seeded tables at the end, so plans are right straight away (default true). */
  analyze?: boolean;
  /**
   * Bulk-load mode (default true; superuser connections only, otherwise ignored): foreign-key triggers are
   * switched off for the transaction (session_replication_role = replica) and every foreign key of the seeded
   * tables is then verified set-based, one anti-join per constraint, which is much faster than a check per row.
   * Any dangling reference fails the seeding (and the caller's transaction).
   * Also in this mode, a table receiving at least `rebuildIndexesFrom` rows (default 10,000) has its secondary
   * (non-unique) indexes dropped before the load and re-created after it, from their own definitions
   * (pg_get_indexdef), in the same transaction: a sorted build is several times faster than maintaining them row
   * by row. The tables are locked (ACCESS EXCLUSIVE) until the transaction ends; the tenant being seeded is new.
   */
  bulkForeignKeys?: boolean;
  rebuildIndexesFrom?: number;
  onProgress?: (p: SeedProgress) => void;
}

export interface SeedProgress {
  step: string;
  rows: number;
  ms: number;
}

export interface SeedDemoResult {
  counts: Record<string, number>;
  ms: { generate: number; insert: number; indexes: number; verify: number; analyze: number; total: number };
  /** true when foreign keys were verified set-based after a bulk load (false: checked row by row by PostgreSQL) */
  bulkForeignKeys: boolean;
}

export const DEFAULT_DEMO_SEED = 20_240_601;

export class DemoDataExistsError extends ConflictError {
  constructor(schema: string) {
    super(
      'DEMO_TENANT_NOT_EMPTY',
      `O tenant (${schema}) já tem contatos, empresas, oportunidades ou atividades: os dados de demonstração só são gerados num tenant sem eles.`,
      { schema },
    );
  }
}

/**
 * True when the tenant already has CRM records (contacts, companies, deals or activities, deleted ones included):
 * demo data goes only into a tenant without them, so generated ids and documents cannot collide.
 */
export async function hasCrmData(client: ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ has: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM tb_contato) OR EXISTS (SELECT 1 FROM tb_empresa)
         OR EXISTS (SELECT 1 FROM tb_oportunidade) OR EXISTS (SELECT 1 FROM tb_atividade) AS has`,
  );
  return rows[0].has;
}

/** The default pipeline, loss reasons, origins and activity types of the tenant (0002's rows, or the tenant's own). */
export async function readDemoRefs(client: PoolClient): Promise<DemoRefs> {
  const funil = await client.query<{ id: string }>(
    'SELECT id FROM tb_funil WHERE excluido_em IS NULL AND ativo ORDER BY padrao DESC, ordem, criado_em, id LIMIT 1',
  );
  if (!funil.rows.length) throw new Error('o tenant não tem funil de vendas ativo');
  const funilId = funil.rows[0].id;
  // one client: queries run one after the other
  const stages = await client.query<StageRef>(
    'SELECT id, nome, ordem, probabilidade, tipo FROM tb_etapa WHERE funil_id = $1 AND excluido_em IS NULL ORDER BY ordem, nome, id',
    [funilId],
  );
  const motivos = await client.query<{ id: string; nome: string }>('SELECT id, nome FROM tb_motivo_perda WHERE ativo ORDER BY ordem, nome, id');
  const origens = await client.query<{ id: string; nome: string }>('SELECT id, nome FROM tb_origem_lead WHERE ativo ORDER BY ordem, nome, id');
  const tipos = await client.query<{ codigo: string }>('SELECT codigo FROM tb_tipo_atividade WHERE ativo ORDER BY ordem, codigo');
  const tabela = await client.query<{ id: string }>('SELECT id FROM tb_tabela_preco WHERE padrao AND excluido_em IS NULL LIMIT 1');
  return {
    funilId,
    stages: stages.rows,
    motivosPerda: motivos.rows,
    origens: origens.rows,
    tiposAtividade: tipos.rows.map((r) => r.codigo),
    tabelaPrecoPadraoId: tabela.rows[0]?.id ?? null,
  };
}

const CATALOG_TABLES = new Set(['tb_categoria_produto', 'tb_produto', 'tb_tabela_preco', 'tb_tabela_preco_item', 'tb_tag']);

async function insertTable(client: PoolClient, tenantId: string, table: TableData, chunk: number, onConflictDoNothing = false): Promise<number> {
  if (!table.length) return 0;
  const cols = table.columns.map(([c]) => ident(c)).join(', ');
  // timestamps travel as epoch milliseconds (float8) and are converted server-side
  const arrays = table.columns.map(([, type], i) => `$${i + 2}::${type === 'timestamptz' ? 'float8' : type}[]`).join(', ');
  const names = table.columns.map((_, i) => `c${i}`).join(', ');
  const exprs = table.columns.map(([, type], i) => (type === 'timestamptz' ? `to_timestamp(u.c${i} / 1000.0)` : `u.c${i}`)).join(', ');
  const text =
    `INSERT INTO ${ident(table.name)} (tenant_id, ${cols}) SELECT $1::uuid, ${exprs} FROM unnest(${arrays}) AS u(${names})` +
    (onConflictDoNothing ? ' ON CONFLICT DO NOTHING' : '');
  let inserted = 0;
  for (let start = 0; start < table.length; start += chunk) {
    const values = [tenantId, ...table.data.map((col) => col.slice(start, start + chunk))];
    const r = await client.query(text, values);
    inserted += r.rowCount ?? 0;
  }
  return inserted;
}

/** Points references at the rows that already existed when a unique key (tag name, product code) collided. */
async function remapExisting(
  client: PoolClient,
  source: TableData,
  keyColumn: string,
  lookup: string,
  targets: [TableData, string][],
): Promise<void> {
  const keys = source.col<string>(keyColumn);
  const ids = source.col<string>('id');
  const lower = keyColumn === 'nome';
  const { rows } = await client.query<{ id: string; k: string }>(lookup, [keys.map((k) => (lower ? k.toLowerCase() : k))]);
  const actual = new Map(rows.map((r) => [r.k, r.id]));
  const remap = new Map<string, string>();
  keys.forEach((k, i) => {
    const a = actual.get(lower ? k.toLowerCase() : k);
    if (a && a !== ids[i]) remap.set(ids[i], a);
  });
  if (!remap.size) return;
  for (const [table, col] of targets) {
    const c = table.col<string>(col);
    for (let i = 0; i < c.length; i++) {
      const to = remap.get(c[i]);
      if (to) c[i] = to;
    }
  }
}

interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  cols: string[];
  pcols: string[];
}

/** Every foreign key of the given tables (in the current schema) must resolve; one anti-join per constraint. */
export async function verifyForeignKeys(client: ClientBase, tables: string[]): Promise<void> {
  const { rows } = await client.query<ForeignKey>(
    `SELECT c.conname AS name, ch.relname AS child, pa.relname AS parent,
            array_agg(a.attname::text ORDER BY k.ord) AS cols, array_agg(pf.attname::text ORDER BY k.ord) AS pcols
       FROM pg_constraint c
       JOIN pg_class ch ON ch.oid = c.conrelid
       JOIN pg_class pa ON pa.oid = c.confrelid
      CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(ck, pk, ord)
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.ck
       JOIN pg_attribute pf ON pf.attrelid = c.confrelid AND pf.attnum = k.pk
      WHERE c.contype = 'f' AND ch.relnamespace = current_schema()::regnamespace AND ch.relname = ANY($1::text[])
      GROUP BY c.oid, c.conname, ch.relname, pa.relname
      ORDER BY ch.relname, c.conname`,
    [tables],
  );
  const broken: string[] = [];
  for (const fk of rows) {
    const notNull = fk.cols.map((c) => `x.${ident(c)} IS NOT NULL`).join(' AND ');
    const match = fk.cols.map((c, i) => `p.${ident(fk.pcols[i])} = x.${ident(c)}`).join(' AND ');
    const { rows: r } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${ident(fk.child)} x WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${ident(fk.parent)} p WHERE ${match})`,
    );
    if (r[0].n > 0) broken.push(`${fk.name}: ${r[0].n} linha(s) de ${fk.child} sem ${fk.parent}`);
  }
  if (broken.length) throw new Error(`dados de demonstração com referências quebradas: ${broken.join('; ')}`);
}

/** Drops the secondary (non-unique, not constraint-backed) indexes of a table; returns their definitions. */
async function dropSecondaryIndexes(client: PoolClient, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `SELECT ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = $1
        AND NOT i.indisunique AND NOT i.indisprimary AND i.indisvalid
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY ic.relname`,
    [table],
  );
  for (const r of rows) await client.query(`DROP INDEX ${ident(r.name)}`);
  return rows.map((r) => r.def);
}

/**
 * Generates and inserts demo data for one tenant, inside the caller's transaction on the privileged connection
 * (search_path = the tenant schema and app.tenant_id already set transaction-locally). Refuses a tenant that
 * already has CRM records, see hasCrmData (DemoDataExistsError). Deterministic: same seed, sizes, day and owners ⇒ same rows.
 */
export async function seedDemoData(client: PoolClient, opts: SeedDemoOptions): Promise<SeedDemoResult> {
  const started = performance.now();
  const progress = opts.onProgress ?? (() => undefined);
  const chunk = opts.chunkSize ?? 5000;

  const { rows: ctx } = await client.query<{ schema: string; tenant: string | null }>(
    "SELECT current_schema() AS schema, nullif(current_setting('app.tenant_id', true), '') AS tenant",
  );
  if (ctx[0].schema !== opts.schema || ctx[0].tenant !== opts.tenantId) {
    throw new Error(`seedDemoData: a transação não está no tenant pedido (schema ${ctx[0].schema}, tenant ${ctx[0].tenant ?? 'nenhum'})`);
  }
  if (await hasCrmData(client)) throw new DemoDataExistsError(opts.schema);

  const refs = await readDemoRefs(client);
  const t0 = performance.now();
  const data: DemoDataset = generateDemoData(
    {
      seed: opts.seed ?? DEFAULT_DEMO_SEED,
      now: opts.now ?? new Date(),
      ownerIds: opts.ownerIds,
      companies: opts.companies,
      contacts: opts.contacts,
      opportunities: opts.opportunities,
      activities: opts.activities,
    },
    refs,
  );
  const generateMs = performance.now() - t0;
  progress({ step: 'geração (JS)', rows: data.tables.reduce((n, x) => n + x.length, 0), ms: generateMs });

  const t = data.byName;
  const counts: Record<string, number> = {};
  let bulk = false;
  let restore: { role: string; mem: string } | null = null;
  if (opts.bulkForeignKeys ?? true) {
    const { rows: su } = await client.query<{ su: boolean; role: string; mem: string }>(
      "SELECT current_setting('is_superuser') = 'on' AS su, current_setting('session_replication_role') AS role, current_setting('maintenance_work_mem') AS mem",
    );
    bulk = su[0].su;
    if (bulk) {
      restore = { role: su[0].role, mem: su[0].mem };
      await client.query("SELECT set_config('session_replication_role', 'replica', true), set_config('maintenance_work_mem', '256MB', true)");
    }
  }
  const rebuildFrom = opts.rebuildIndexesFrom ?? 10_000;
  let indexesMs = 0;
  const t1 = performance.now();
  for (const table of data.tables) {
    const s = performance.now();
    const dropped = bulk && table.length >= rebuildFrom ? await dropSecondaryIndexes(client, table.name) : [];
    // catalog rows may meet what the tenant already has (same tag name or product code, or the rows of an earlier
    // seeding with the same seed): keep theirs
    const soft = CATALOG_TABLES.has(table.name);
    counts[table.name] = await insertTable(client, opts.tenantId, table, chunk, soft);
    if (table.name === 'tb_produto' && counts[table.name] < table.length) {
      await remapExisting(client, table, 'codigo', 'SELECT id, codigo AS k FROM tb_produto WHERE excluido_em IS NULL AND codigo = ANY($1)', [
        [t.tb_tabela_preco_item, 'produto_id'],
        [t.tb_oportunidade_produto, 'produto_id'],
      ]);
    }
    if (table.name === 'tb_tag' && counts[table.name] < table.length) {
      await remapExisting(client, table, 'nome', 'SELECT id, lower(nome) AS k FROM tb_tag WHERE excluido_em IS NULL AND lower(nome) = ANY($1)', [
        [t.tb_tag_registro, 'tag_id'],
      ]);
    }
    progress({ step: table.name, rows: counts[table.name], ms: performance.now() - s });
    if (dropped.length) {
      const si = performance.now();
      for (const def of dropped) await client.query(def);
      const ms = performance.now() - si;
      indexesMs += ms;
      progress({ step: `  ${dropped.length} índice(s) recriado(s)`, rows: counts[table.name], ms });
    }
  }
  const insertMs = performance.now() - t1 - indexesMs;

  let verifyMs = 0;
  if (bulk && restore) {
    const s = performance.now();
    await client.query("SELECT set_config('session_replication_role', $1, true), set_config('maintenance_work_mem', $2, true)", [
      restore.role === 'replica' ? 'origin' : restore.role,
      restore.mem,
    ]);
    await verifyForeignKeys(client, data.tables.filter((x) => x.length).map((x) => x.name));
    verifyMs = performance.now() - s;
    progress({ step: 'verificação das FKs', rows: 0, ms: verifyMs });
  }

  let analyzeMs = 0;
  if (opts.analyze ?? true) {
    const s = performance.now();
    for (const table of data.tables) if (table.length) await client.query(`ANALYZE ${ident(table.name)}`);
    analyzeMs = performance.now() - s;
    progress({ step: 'ANALYZE', rows: 0, ms: analyzeMs });
  }
  return {
    counts,
    ms: { generate: generateMs, insert: insertMs, indexes: indexesMs, verify: verifyMs, analyze: analyzeMs, total: performance.now() - started },
    bulkForeignKeys: bulk,
  };
}
