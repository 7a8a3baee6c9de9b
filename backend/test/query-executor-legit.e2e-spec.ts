import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { ident } from '../src/database/sql';
import { RESULT_TYPES } from '../src/query-executor/result-types';
import { TenantRelations } from '../src/query-executor/tenant-relations';
import { SqlValidator } from '../src/query-executor/sql-validator';
import { CORPUS_RELATIONS, loadLegit } from '../src/query-executor/sql-validator/test-corpora';
import { seedSample } from '../src/query-executor/testing/sample-data';
import { createUser, http, login, provisionTenant, startApp } from './support/auth-helpers';
import { createTestDb, TestDb } from './support/test-db';

/**
 * Equivalents of ../shared/corpora/sql-legit.json written for OUR base model (tenancy/migrations/tenant/0001), covering
 * the same constructs. Each runs through the API (validator + read-only role + cursor + caps) and directly as the
 * tenant on the privileged connection (SET ROLE t_<slug>_rw with the request settings): the answers must be equal.
 */
const LEGIT_EQUIVALENTS: Array<{ name: string; sql: string }> = [
  {
    name: 'recursive CTE: the pipeline as a path of stages',
    sql: `WITH RECURSIVE etapas AS (
            SELECT e.id, e.ordem, 1 AS nivel, e.nome::text AS caminho
              FROM tb_etapa e JOIN tb_funil f ON f.id = e.funil_id AND f.padrao WHERE e.ordem = 1
            UNION ALL
            SELECT e.id, e.ordem, p.nivel + 1, p.caminho || ' > ' || e.nome
              FROM etapas p JOIN tb_etapa e ON e.ordem = p.ordem + 1
              JOIN tb_funil f ON f.id = e.funil_id AND f.padrao
          )
          SELECT nivel, caminho FROM etapas ORDER BY nivel`,
  },
  {
    name: 'recursive calendar + LEFT JOIN: deals created per month, empty months included',
    sql: `WITH RECURSIVE meses(m) AS (
            SELECT timestamptz '2025-01-01 00:00:00+00'
            UNION ALL SELECT m + interval '1 month' FROM meses WHERE m < timestamptz '2025-06-01 00:00:00+00'
          )
          SELECT to_char(m, 'YYYY-MM') AS mes, count(o.id) AS criadas, coalesce(sum(o.valor), 0) AS valor
            FROM meses LEFT JOIN tb_oportunidade o ON o.criado_em >= m AND o.criado_em < m + interval '1 month'
           GROUP BY m ORDER BY m`,
  },
  {
    name: 'window functions: sellers ranked by won value, share and running total',
    sql: `SELECT u.nome, sum(o.valor) AS total,
                 rank() OVER (ORDER BY sum(o.valor) DESC) AS posicao,
                 round(100.0 * sum(o.valor) / sum(sum(o.valor)) OVER (), 2) AS pct,
                 sum(sum(o.valor)) OVER (ORDER BY sum(o.valor) DESC, u.nome ROWS UNBOUNDED PRECEDING) AS acumulado,
                 lag(u.nome) OVER w AS anterior, ntile(2) OVER w AS metade
            FROM tb_oportunidade o JOIN tb_usuario u ON u.id = o.owner_id
           WHERE o.status = 'ganho'
           GROUP BY u.nome
          WINDOW w AS (ORDER BY sum(o.valor) DESC, u.nome)
           ORDER BY posicao, u.nome`,
  },
  {
    name: 'FILTER: deals per stage, split by kind',
    sql: `SELECT e.nome AS etapa, e.tipo,
                 count(o.id) FILTER (WHERE o.tipo_negocio = 'novo_negocio') AS novos,
                 count(o.id) FILTER (WHERE o.tipo_negocio <> 'novo_negocio') AS outros,
                 sum(o.valor) FILTER (WHERE o.valor > 10000) AS grandes,
                 avg(o.probabilidade) FILTER (WHERE o.status = 'aberto')::numeric(5,1) AS prob_media
            FROM tb_etapa e LEFT JOIN tb_oportunidade o ON o.etapa_id = e.id
           GROUP BY e.nome, e.tipo, e.ordem ORDER BY e.ordem`,
  },
  {
    name: 'LATERAL: the two largest deals of each company',
    sql: `SELECT e.razao_social, top.titulo, top.valor
            FROM tb_empresa e
            CROSS JOIN LATERAL (SELECT o.titulo, o.valor FROM tb_oportunidade o
                                 WHERE o.empresa_id = e.id ORDER BY o.valor DESC, o.titulo LIMIT 2) AS top
           ORDER BY e.razao_social, top.valor DESC, top.titulo`,
  },
  {
    name: 'DISTINCT ON: the latest activity of each contact',
    sql: `SELECT DISTINCT ON (c.nome) c.nome, a.tipo, a.assunto, a.criado_em, a.concluida
            FROM tb_atividade a JOIN tb_contato c ON c.id = a.contato_id
           ORDER BY c.nome, a.criado_em DESC, a.assunto`,
  },
  {
    name: 'ROLLUP: companies and revenue by segment and size, with subtotals',
    sql: `SELECT segmento, porte, count(*) AS empresas, sum(receita_anual) AS receita, GROUPING(segmento, porte) AS nivel
            FROM tb_empresa
           GROUP BY ROLLUP (segmento, porte)
           ORDER BY segmento NULLS LAST, porte NULLS LAST`,
  },
  {
    name: 'GROUPING SETS: activities by type, by priority, by done, and overall',
    sql: `SELECT tipo, prioridade, concluida, count(*) AS n
            FROM tb_atividade
           GROUP BY GROUPING SETS ((tipo), (prioridade), (concluida), ())
           ORDER BY tipo NULLS LAST, prioridade NULLS LAST, concluida NULLS LAST`,
  },
  {
    name: 'JSON aggregation: a summary document per company',
    sql: `SELECT e.razao_social,
                 jsonb_build_object('contatos', count(c.id),
                                    'emails', coalesce(jsonb_agg(c.email ORDER BY c.email) FILTER (WHERE c.email IS NOT NULL), '[]'),
                                    'regiao', e.campos_extras ->> 'regiao',
                                    'score', (e.campos_extras -> 'score')::int) AS resumo,
                 json_agg(json_build_object('nome', c.nome, 'ciclo', c.ciclo_vida) ORDER BY c.nome) AS pessoas
            FROM tb_empresa e LEFT JOIN tb_contato c ON c.empresa_id = e.id
           GROUP BY e.id, e.razao_social, e.campos_extras
           ORDER BY e.razao_social`,
  },
  {
    name: 'set operations: (UNION) EXCEPT, INTERSECT',
    sql: `(SELECT email FROM tb_contato WHERE ciclo_vida = 'cliente'
           UNION
           SELECT email FROM tb_contato WHERE ciclo_vida = 'lead')
          EXCEPT
          SELECT email FROM tb_contato WHERE status = 'inativo'
          INTERSECT
          SELECT email FROM tb_contato WHERE owner_id IS NOT NULL
          ORDER BY 1 NULLS FIRST`,
  },
  {
    name: "dollar-quoted and E'' literals, comments",
    sql: `-- contatos 000x, com literais de todos os tipos
          SELECT nome, $$tag: 'x' "y"$$ AS rotulo, $q$50% ou mais$q$ AS texto, E'linha1\\nlinha2' AS multi,
                 /* comentário /* aninhado */ */ position(E'\\t' IN E'a\\tb') AS tab, U&'\\00e7' AS cedilha
            FROM tb_contato WHERE nome LIKE $q$%Contato 000%$q$ ORDER BY nome`,
  },
  {
    name: 'ordered-set aggregates, date_trunc, to_char',
    sql: `SELECT to_char(date_trunc('month', o.criado_em), 'YYYY-MM') AS mes, count(*) AS n,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY o.valor) AS mediana,
                 mode() WITHIN GROUP (ORDER BY o.tipo_negocio) AS tipo_mais_comum,
                 max(o.previsao_fechamento) AS ultima_previsao
            FROM tb_oportunidade o GROUP BY 1 ORDER BY 1`,
  },
  {
    name: 'EXISTS, IN, CASE, COALESCE, intervals',
    sql: `SELECT c.nome,
                 CASE WHEN EXISTS (SELECT 1 FROM tb_oportunidade o WHERE o.contato_id = c.id AND o.status = 'ganho')
                      THEN 'comprador' ELSE 'prospect' END AS perfil,
                 coalesce(c.cargo, '(sem cargo)') AS cargo, age(timestamptz '2026-01-01 00:00:00+00', c.criado_em) AS idade,
                 c.data_nascimento, c.campos_extras
            FROM tb_contato c
           WHERE c.id IN (SELECT contato_id FROM tb_atividade WHERE NOT concluida)
           ORDER BY c.nome LIMIT 25`,
  },
  {
    name: 'VALUES, WITH ORDINALITY, unnest, FETCH FIRST',
    sql: `SELECT v.codigo, v.rotulo, p.ord, count(a.id) AS atividades
            FROM (VALUES ('ligacao', 'Ligações'), ('email', 'E-mails'), ('visita', 'Visitas')) AS v(codigo, rotulo)
            JOIN unnest(ARRAY['email', 'ligacao', 'visita']) WITH ORDINALITY AS p(codigo, ord) ON p.codigo = v.codigo
            LEFT JOIN tb_atividade a ON a.tipo = v.codigo
           GROUP BY v.codigo, v.rotulo, p.ord
           ORDER BY atividades DESC, v.codigo
           FETCH FIRST 2 ROWS ONLY`,
  },
];

describe('legitimate analytics on our model: the executor answers exactly what the tenant gets directly (real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let admin: Client;
  let acme: { id: string; slug: string };
  let token: string;
  let analystId: string;

  beforeAll(async () => {
    db = await createTestDb();
    app = await startApp(db);
    admin = await db.admin();
    acme = await provisionTenant(app, 'acme');
    const globex = await provisionTenant(app, 'globex');
    await seedSample(admin, acme, 'ACME');
    await seedSample(admin, globex, 'GLOBEX');
    analystId = (await createUser(app, { email: 'analyst@legit.test', memberships: [['acme', 'analyst']] })).id;
    token = (await login(app, 'analyst@legit.test', 'acme')).accessToken;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /** The same SQL as the tenant, on the privileged connection: request settings, then SET ROLE t_<slug>_rw. */
  const direct = async (sql: string) => {
    await admin.query('BEGIN');
    try {
      await admin.query(
        `SELECT set_config('search_path', $1, true), set_config('app.tenant_id', $2, true), set_config('app.user_id', $3, true),
                set_config('app.role', 'analyst', true)`,
        [ident(`tenant_${acme.slug}`), acme.id, analystId],
      );
      await admin.query(`SET LOCAL ROLE ${ident(db.roles.tenantReadWrite(acme.slug))}`);
      const res = await admin.query({ text: sql, rowMode: 'array', types: RESULT_TYPES });
      return { columns: res.fields.map((f) => ({ name: f.name, typeOid: f.dataTypeID })), rows: res.rows };
    } finally {
      await admin.query('ROLLBACK');
    }
  };

  it('all 36 queries of sql-legit.json pass the validator', async () => {
    const validator = await SqlValidator.create();
    const refused = loadLegit()
      .map((q, i) => ({ i, r: validator.validate(q.sql, { allowedRelations: CORPUS_RELATIONS }) }))
      .filter((x) => !x.r.ok);
    expect(refused).toEqual([]);
    expect(loadLegit()).toHaveLength(36);
  });

  it.each(LEGIT_EQUIVALENTS.map((q) => [q.name, q.sql]))('%s', async (_name, sql) => {
    const res = await http(app).post('/api/query/execute').set('Authorization', `Bearer ${token}`).send({ sql });
    expect(res.status).toBe(200);
    const want = await direct(sql);
    expect(res.body.columns.map((c: { name: string; typeOid: number }) => ({ name: c.name, typeOid: c.typeOid }))).toEqual(want.columns);
    expect(res.body.rows).toEqual(JSON.parse(JSON.stringify(want.rows)));
    expect(res.body.rowCount).toBeGreaterThan(0);
    expect(res.body.truncated).toBe(false);
    expect(JSON.stringify(res.body.rows)).not.toContain('GLOBEX');
  });

  it('the tenant relations offered to the validator are exactly the tables of its schema', async () => {
    const names = [...(await app.get(TenantRelations).forTenant(acme))].sort();
    const { rows } = await admin.query("SELECT tablename FROM pg_tables WHERE schemaname = 'tenant_acme' ORDER BY 1");
    expect(names).toEqual(rows.map((r) => r.tablename).sort());
    expect(names.length).toBeGreaterThanOrEqual(56);
  });

  it('column types are named as pg_typeof() names them', async () => {
    const sql = `SELECT o.valor, o.probabilidade, o.previsao_fechamento, o.criado_em, o.campos_extras, o.id, o.moeda,
                        ARRAY[o.titulo] AS titulos, count(*) OVER () AS n, o.valor::float8 AS f, interval '1 day' AS i
                   FROM tb_oportunidade o LIMIT 1`;
    const res = await http(app).post('/api/query/execute').set('Authorization', `Bearer ${token}`).send({ sql });
    const typed = await direct(
      `SELECT pg_typeof(o.valor)::text, pg_typeof(o.probabilidade)::text, pg_typeof(o.previsao_fechamento)::text,
              pg_typeof(o.criado_em)::text, pg_typeof(o.campos_extras)::text, pg_typeof(o.id)::text, pg_typeof(o.moeda)::text,
              pg_typeof(ARRAY[o.titulo])::text, pg_typeof(count(*) OVER ())::text, pg_typeof(o.valor::float8)::text,
              pg_typeof(interval '1 day')::text
         FROM tb_oportunidade o LIMIT 1`,
    );
    expect(res.body.columns.map((c: { type: string }) => c.type)).toEqual(typed.rows[0]);
  });
});
