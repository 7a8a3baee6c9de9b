/**
 * Deterministic CRM sample data for the executor's tests and benchmark (not used by the application): teams, sellers,
 * companies, contacts, deals across the default pipeline's stages, and activities, every name carrying `marker` so a
 * leak between tenants is visible in any result. Runs on a privileged client (superuser: RLS does not apply; the
 * CHECK constraints still pin every row to the tenant).
 */
import type { ClientBase } from 'pg';

export interface SampleSize {
  companies: number;
  contacts: number;
  deals: number;
  activities: number;
}

export const DEFAULT_SAMPLE: SampleSize = { companies: 20, contacts: 60, deals: 80, activities: 300 };

const SEED = `
INSERT INTO tb_equipe (nome) VALUES ($1 || ' Equipe Norte'), ($1 || ' Equipe Sul');

INSERT INTO tb_usuario (nome, email, papel, equipe_id, cargo)
SELECT $1 || ' Vendedor ' || g, 'vendedor' || g || '@' || lower($1) || '.test',
       CASE WHEN g = 1 THEN 'manager' ELSE 'sales' END,
       (SELECT id FROM tb_equipe ORDER BY nome OFFSET (g % 2) LIMIT 1), 'Executivo de contas'
  FROM generate_series(1, 6) g;

CREATE TEMP TABLE _vend ON COMMIT DROP AS
  SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM tb_usuario WHERE email LIKE 'vendedor%';

INSERT INTO tb_empresa (razao_social, nome_fantasia, segmento, porte, ciclo_vida, numero_funcionarios, receita_anual,
                        cliente_desde, owner_id, campos_extras, criado_em)
SELECT $1 || ' Empresa ' || lpad(g::text, 3, '0'), 'Fantasia ' || g,
       (ARRAY['varejo', 'industria', 'servicos', 'agro'])[1 + g % 4],
       (ARRAY['mei', 'me', 'epp', 'medio', 'grande'])[1 + g % 5],
       (ARRAY['lead', 'cliente', 'oportunidade', 'ex_cliente'])[1 + g % 4],
       10 * g, 100000.50 * g, date '2020-01-01' + g * 40,
       (SELECT id FROM _vend WHERE n = g % 6),
       jsonb_build_object('regiao', (ARRAY['SP', 'RJ', 'MG'])[1 + g % 3], 'score', g % 10),
       timestamptz '2025-01-01 00:00:00+00' + g * interval '3 days 7 hours'
  FROM generate_series(1, $2::int) g;

CREATE TEMP TABLE _emp ON COMMIT DROP AS
  SELECT id, row_number() OVER (ORDER BY razao_social) - 1 AS n FROM tb_empresa;

INSERT INTO tb_contato (nome, email, empresa_id, ciclo_vida, status, cargo, owner_id, data_nascimento, criado_em,
                        campos_extras)
SELECT $1 || ' Contato ' || lpad(g::text, 4, '0'), 'contato' || g || '@' || lower($1) || '.test',
       CASE WHEN g % 7 = 0 THEN NULL ELSE (SELECT id FROM _emp WHERE n = g % $2::int) END,
       (ARRAY['lead', 'lead_qualificado', 'oportunidade', 'cliente', 'ex_cliente'])[1 + g % 5],
       (ARRAY['ativo', 'ativo', 'ativo', 'inativo'])[1 + g % 4],
       (ARRAY['Compras', 'Diretoria', 'TI', NULL])[1 + g % 4],
       CASE WHEN g % 9 = 0 THEN NULL ELSE (SELECT id FROM _vend WHERE n = g % 6) END,
       date '1970-01-01' + g * 211,
       timestamptz '2025-01-01 00:00:00+00' + g * interval '29 hours',
       jsonb_build_object('origem', (ARRAY['site', 'evento', 'indicacao'])[1 + g % 3], 'nps', g % 11)
  FROM generate_series(1, $3::int) g;

CREATE TEMP TABLE _cont ON COMMIT DROP AS
  SELECT id, empresa_id, row_number() OVER (ORDER BY nome) - 1 AS n FROM tb_contato;

CREATE TEMP TABLE _etapa ON COMMIT DROP AS
  SELECT e.id, e.funil_id, e.tipo, e.probabilidade, e.ordem - 1 AS n FROM tb_etapa e JOIN tb_funil f ON f.id = e.funil_id AND f.padrao;

INSERT INTO tb_oportunidade (titulo, empresa_id, contato_id, funil_id, etapa_id, valor, probabilidade,
                             previsao_fechamento, status, tipo_negocio, fechada_em, owner_id, criado_em, campos_extras)
SELECT $1 || ' Negócio ' || lpad(g::text, 4, '0'), c.empresa_id, c.id, e.funil_id, e.id,
       round(((g * 1234.57) % 50000)::numeric, 2), e.probabilidade,
       date '2025-03-01' + g * 3, e.tipo,
       (ARRAY['novo_negocio', 'renovacao', 'upsell', 'cross_sell'])[1 + g % 4],
       CASE WHEN e.tipo = 'aberto' THEN NULL ELSE timestamptz '2025-04-01 12:00:00+00' + g * interval '31 hours' END,
       (SELECT id FROM _vend WHERE n = g % 6),
       timestamptz '2025-01-15 09:30:00+00' + g * interval '17 hours',
       jsonb_build_object('canal', (ARRAY['direto', 'parceiro'])[1 + g % 2])
  FROM generate_series(1, $4::int) g
  JOIN _cont c ON c.n = g % $3::int
  JOIN _etapa e ON e.n = g % 6;

CREATE TEMP TABLE _opp ON COMMIT DROP AS
  SELECT id, contato_id, empresa_id, row_number() OVER (ORDER BY titulo) - 1 AS n FROM tb_oportunidade;

INSERT INTO tb_atividade (tipo, assunto, concluida, concluida_em, vencimento, prioridade, contato_id, empresa_id,
                          oportunidade_id, owner_id, criado_em)
SELECT (ARRAY['ligacao', 'email', 'reuniao', 'tarefa', 'visita'])[1 + g % 5],
       $1 || ' Atividade ' || g, g % 3 = 0,
       CASE WHEN g % 3 = 0 THEN timestamptz '2025-02-01 08:00:00+00' + g * interval '5 hours' END,
       timestamptz '2025-02-01 08:00:00+00' + g * interval '5 hours' + interval '2 days',
       (ARRAY['baixa', 'normal', 'alta'])[1 + g % 3],
       o.contato_id, o.empresa_id, o.id,
       (SELECT id FROM _vend WHERE n = g % 6),
       timestamptz '2025-02-01 08:00:00+00' + g * interval '5 hours'
  FROM generate_series(1, $5::int) g
  JOIN _opp o ON o.n = g % $4::int;
`;

/** Seeds one tenant schema inside its own transaction (search_path and app.tenant_id set transaction-locally). */
export async function seedSample(
  admin: ClientBase,
  tenant: { id: string; slug: string },
  marker: string,
  size: SampleSize = DEFAULT_SAMPLE,
): Promise<void> {
  await admin.query('BEGIN');
  try {
    await admin.query("SELECT set_config('search_path', $1, true), set_config('app.tenant_id', $2, true)", [
      `"tenant_${tenant.slug}"`,
      tenant.id,
    ]);
    // Parameters cannot go with a multi-statement text: run the statements one by one, each with the parameters
    // it uses, renumbered ($1, $3 → $1, $2).
    const params = [marker, size.companies, size.contacts, size.deals, size.activities];
    for (const stmt of SEED.split(/;\n\n/).map((s) => s.trim()).filter(Boolean)) {
      const used = [...new Set([...stmt.matchAll(/\$(\d)/g)].map((m) => Number(m[1])))].sort();
      const text = stmt.replace(/\$(\d)/g, (_, n: string) => `$${used.indexOf(Number(n)) + 1}`);
      await admin.query(text, used.map((n) => params[n - 1]));
    }
    await admin.query('ANALYZE tb_equipe, tb_usuario, tb_empresa, tb_contato, tb_oportunidade, tb_atividade');
    await admin.query('COMMIT');
  } catch (err) {
    await admin.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
