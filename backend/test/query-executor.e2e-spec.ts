import { INestApplication } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { QueryExecutorService } from '../src/query-executor/query-executor.service';
import { ReadOnlyPools } from '../src/query-executor/read-only-pools';
import { SqlAuditWriter } from '../src/query-executor/sql-audit';
import { TenantRelations } from '../src/query-executor/tenant-relations';
import { seedSample } from '../src/query-executor/testing/sample-data';
import { createApiToken, createUser, http, login, provisionTenant, startApp } from './support/auth-helpers';
import { createTestDb, TestDb } from './support/test-db';

// The SQL executor through its HTTP endpoint and its service, on real PostgreSQL (docs/api.md, "SQL executor").
describe('SQL executor: POST /api/query/execute (real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let admin: Client;
  let acme: { id: string; slug: string };
  let globex: { id: string; slug: string };
  const tokens: Record<string, string> = {};
  const users: Record<string, string> = {};

  const run = (who: string, body: Record<string, unknown>) =>
    http(app).post('/api/query/execute').set('Authorization', `Bearer ${tokens[who]}`).send(body);

  const auditRows = async (tenantId: string) => {
    await app.get(SqlAuditWriter).flush();
    return (
      await admin.query(
        `SELECT usuario_id, api_token_id, origem, encode(sql_sha256, 'hex') AS sha, resultado, codigo, duracao_ms, linhas, truncado
           FROM tenant_admin.tb_execucao_sql WHERE tenant_id = $1 ORDER BY id`,
        [tenantId],
      )
    ).rows;
  };
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');

  beforeAll(async () => {
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000', SQL_MAX_ROWS: '500', SQL_MAX_BYTES: '1048576' });
    app = await startApp(db);
    admin = await db.admin();
    acme = await provisionTenant(app, 'acme');
    globex = await provisionTenant(app, 'globex');
    await seedSample(admin, acme, 'ACME');
    await seedSample(admin, globex, 'GLOBEX');
    for (const [who, slug, role] of [
      ['admin', 'acme', 'tenant_admin'],
      ['analyst', 'acme', 'analyst'],
      ['manager', 'acme', 'manager'],
      ['sales', 'acme', 'sales'],
      ['gadmin', 'globex', 'tenant_admin'],
    ] as const) {
      const u = await createUser(app, { email: `${who}@exec.test`, memberships: [[slug, role]] });
      users[who] = u.id;
      tokens[who] = (await login(app, `${who}@exec.test`, slug)).accessToken;
    }
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('answers columns with PostgreSQL type names, rows in column order, and the elapsed time', async () => {
    const res = await run('analyst', {
      sql: `SELECT ciclo_vida, count(*) AS total, sum(numero_funcionarios)::int AS func, avg(receita_anual) AS media,
                   bool_or(cliente_desde > date '2021-01-01') AS recente, min(cliente_desde) AS desde,
                   min(criado_em) AS primeiro, jsonb_agg(campos_extras->'regiao' ORDER BY razao_social) AS regioes,
                   array_agg(porte ORDER BY razao_social) AS portes
              FROM tb_empresa GROUP BY ciclo_vida ORDER BY ciclo_vida`,
    });
    expect(res.status).toBe(200);
    expect(res.body.columns).toEqual([
      { name: 'ciclo_vida', type: 'text', typeOid: 25 },
      { name: 'total', type: 'bigint', typeOid: 20 },
      { name: 'func', type: 'integer', typeOid: 23 },
      { name: 'media', type: 'numeric', typeOid: 1700 },
      { name: 'recente', type: 'boolean', typeOid: 16 },
      { name: 'desde', type: 'date', typeOid: 1082 },
      { name: 'primeiro', type: 'timestamp with time zone', typeOid: 1184 },
      { name: 'regioes', type: 'jsonb', typeOid: 3802 },
      { name: 'portes', type: 'text[]', typeOid: 1009 },
    ]);
    expect(res.body.rowCount).toBe(4);
    expect(res.body.truncated).toBe(false);
    expect(res.body.truncatedBy).toBeNull();
    expect(typeof res.body.elapsedMs).toBe('number');
    const [first] = res.body.rows;
    expect(first[0]).toBe('cliente');
    expect(first[1]).toBe('5'); // bigint: text, no precision lost
    expect(typeof first[2]).toBe('number');
    expect(typeof first[3]).toBe('string'); // numeric: text
    expect(typeof first[4]).toBe('boolean');
    expect(first[5]).toMatch(/^\d{4}-\d{2}-\d{2}$/); // date: as PostgreSQL writes it, no time-zone shift
    expect(first[6]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/); // timestamptz: ISO instant
    expect(Array.isArray(first[7])).toBe(true);
    expect(first[8].every((p: unknown) => typeof p === 'string')).toBe(true);
  });

  it('sees only its own tenant: every row of acme, none of globex, and globex sees only its own', async () => {
    const a = await run('admin', { sql: 'SELECT nome FROM tb_contato ORDER BY nome' });
    expect(a.status).toBe(200);
    expect(a.body.rowCount).toBe(60);
    expect(a.body.rows.every(([n]: [string]) => n.startsWith('ACME '))).toBe(true);
    const g = await run('gadmin', { sql: 'SELECT nome FROM tb_contato ORDER BY nome' });
    expect(g.body.rowCount).toBe(60);
    expect(g.body.rows.every(([n]: [string]) => n.startsWith('GLOBEX '))).toBe(true);
    const joined = JSON.stringify((await run('analyst', { sql: 'SELECT * FROM tb_empresa, tb_usuario' })).body);
    expect(joined).not.toContain('GLOBEX');
  });

  it('only tenant_admin and analyst may run free SQL (manager and sales: 403), an API token of an analyst may', async () => {
    for (const who of ['manager', 'sales']) {
      const res = await run(who, { sql: 'SELECT 1' });
      expect({ who, status: res.status, code: res.body.code }).toEqual({ who, status: 403, code: 'FORBIDDEN_ROLE' });
    }
    expect((await http(app).post('/api/query/execute').send({ sql: 'SELECT 1' })).status).toBe(401);
    const { token } = await createApiToken(app, tokens.admin, 'analyst');
    const res = await http(app).post('/api/query/execute').set('Authorization', `Bearer ${token}`).send({ sql: 'SELECT count(*) AS n FROM tb_contato' });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([['60']]);
  });

  it('refusals carry the rule that names the danger, with the position; syntax errors give line and column', async () => {
    const syntax = await run('analyst', { sql: 'SELECT nome\nFROM tb_contato\nWHERE nome = = 1' });
    expect(syntax.status).toBe(400);
    expect(syntax.body.code).toBe('SQL_SYNTAX_ERROR');
    expect(syntax.body.details.position).toMatchObject({ line: 3, column: 14 });
    expect(syntax.body.message).toMatch(/linha 3, coluna 14/);

    const fn = await run('analyst', { sql: 'SELECT pg_sleep(10)' });
    expect(fn.body).toMatchObject({ statusCode: 400, code: 'SQL_FORBIDDEN_FUNCTION', details: { subject: 'pg_sleep' } });
    expect(fn.body.message).toMatch(/pg_sleep/);

    const other = await run('analyst', { sql: 'SELECT * FROM tenant_globex.tb_contato' });
    expect(other.body.code).toBe('SQL_FOREIGN_SCHEMA');
    const notSelect = await run('analyst', { sql: 'DELETE FROM tb_contato' });
    expect(notSelect.body.code).toBe('SQL_NOT_SELECT');
    const unknown = await run('analyst', { sql: 'SELECT * FROM tb_nao_existe' });
    expect(unknown.body.code).toBe('SQL_UNKNOWN_RELATION');
    const long = await run('analyst', { sql: `SELECT ${'1 + '.repeat(6000)}1` });
    expect(long.body.code).toBe('SQL_TOO_LONG');
    for (const r of [syntax, fn, other, notSelect, unknown, long]) {
      expect(JSON.stringify(r.body)).not.toMatch(/at \w+ \(|\.ts:\d+|stack/i);
    }
  });

  it('database errors are mapped with the server message and position, never internal detail', async () => {
    const col = await run('analyst', { sql: 'SELECT nome,\n       coluna_errada FROM tb_contato' });
    expect(col.status).toBe(400);
    expect(col.body.code).toBe('SQL_UNDEFINED_OBJECT');
    expect(col.body.message).toMatch(/column "coluna_errada" does not exist.*linha 2, coluna 8/);
    expect(col.body.details).toMatchObject({ sqlState: '42703', position: { line: 2, column: 8 } });

    const div = await run('analyst', { sql: 'SELECT 1 / (count(*) - count(*)) FROM tb_contato' });
    expect(div.body).toMatchObject({ statusCode: 400, code: 'SQL_EXECUTION_ERROR', details: { sqlState: '22012' } });
    expect(div.body.message).toMatch(/division by zero/);

    const cast = await run('analyst', { sql: "SELECT 'abc'::int" });
    expect(cast.body).toMatchObject({ code: 'SQL_EXECUTION_ERROR', details: { sqlState: '22P02' } });

    const fn = await run('analyst', { sql: 'SELECT unaccent(nome) FROM tb_contato' });
    expect(fn.body.code).toBe('SQL_UNDEFINED_OBJECT'); // allowed by the validator, not on the role's search_path
  });

  it('stops a query at the timeout and says the limit', async () => {
    const started = Date.now();
    const res = await run('analyst', { sql: 'SELECT count(*) FROM tb_atividade a, tb_atividade b, tb_atividade c, tb_atividade d' });
    const ms = Date.now() - started;
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'SQL_TIMEOUT', details: { limitMs: 5000 } });
    expect(res.body.message).toMatch(/5 s/);
    expect(ms).toBeLessThan(7000);
  }, 20_000);

  it('caps rows (server cap, or a smaller limit) and says truncated', async () => {
    const all = await run('analyst', { sql: 'SELECT g FROM generate_series(1, 100000) g' });
    expect(all.body).toMatchObject({ rowCount: 500, truncated: true, truncatedBy: 'rows' });
    expect(all.body.rows.at(-1)).toEqual([500]);
    const some = await run('analyst', { sql: 'SELECT g FROM generate_series(1, 100000) g', limit: 7 });
    expect(some.body).toMatchObject({ rowCount: 7, truncated: true, truncatedBy: 'rows' });
    const exact = await run('analyst', { sql: 'SELECT g FROM generate_series(1, 7) g', limit: 7 });
    expect(exact.body).toMatchObject({ rowCount: 7, truncated: false, truncatedBy: null });
    const over = await run('analyst', { sql: 'SELECT 1', limit: 0 });
    expect(over.body.code).toBe('VALIDATION_FAILED');
  });

  it('caps bytes: stops reading past SQL_MAX_BYTES, and cuts the connection before buffering a huge row', async () => {
    const many = await run('analyst', { sql: "SELECT g, repeat('x', 5000) AS pad FROM generate_series(1, 100000) g" });
    expect(many.body).toMatchObject({ truncated: true, truncatedBy: 'bytes' });
    expect(many.body.rowCount).toBeGreaterThan(150);
    expect(many.body.rowCount).toBeLessThanOrEqual(210); // 1 MiB of ~5 KB rows
    const rss = process.memoryUsage().rss;
    const huge = await run('analyst', { sql: "SELECT repeat('x', 200000000) AS big" }); // one 200 MB value
    expect({ status: huge.status, code: huge.body.code }).toEqual({ status: 200, code: undefined });
    expect(huge.body).toMatchObject({ rowCount: 0, truncated: true, truncatedBy: 'bytes', columns: [{ name: 'big', type: 'text' }] });
    expect((process.memoryUsage().rss - rss) / 2 ** 20).toBeLessThan(100);
    // the cut connection was destroyed, not pooled: the next query gets a healthy one
    const next = await run('analyst', { sql: 'SELECT 1 AS ok' });
    expect(next.body.rows).toEqual([[1]]);
  }, 20_000);

  it('binds params ($1…) and never splices them into the text', async () => {
    const res = await run('analyst', {
      sql: 'SELECT count(*) AS n FROM tb_contato WHERE ciclo_vida = $1 AND nome <> $2',
      params: ['cliente', "x' OR 1=1 --"],
    });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([['12']]);
    const bad = await run('analyst', { sql: 'SELECT $1', params: [{ a: 1 }] });
    expect(bad.body.code).toBe('SQL_INVALID_PARAMS');
    const none = await run('analyst', { sql: 'SELECT $1' });
    expect(none.body.code).toBe('SQL_PARAMETER_NOT_ALLOWED');
    const extra = await run('analyst', { sql: 'SELECT $1::int + 1 AS n', params: [1, 2] });
    expect(extra.body).toMatchObject({ statusCode: 400, code: 'SQL_INVALID_PARAMS' });
    const typed = await run('analyst', { sql: 'SELECT $1::int + 1 AS n, $2::date AS d, $3::boolean AS b, $4::text IS NULL AS nulo', params: [41, '2026-03-01', true, null] });
    expect(typed.body.rows).toEqual([[42, '2026-03-01', true, true]]);
  });

  it('audits every execution, accepted or refused: user, token, SHA-256 of the SQL, duration, rows, outcome', async () => {
    const before = (await auditRows(acme.id)).length;
    const ok = 'SELECT nome FROM tb_usuario ORDER BY nome';
    const refused = 'SELECT pg_read_file($$/etc/passwd$$)';
    const failed = 'SELECT 1/0';
    await run('admin', { sql: ok, limit: 3 }).expect(200);
    await run('admin', { sql: refused }).expect(400);
    await run('admin', { sql: failed }).expect(400);
    const rows = (await auditRows(acme.id)).slice(before);
    expect(rows).toEqual([
      expect.objectContaining({ usuario_id: users.admin, api_token_id: null, origem: 'execute', sha: sha(ok), resultado: 'ok', codigo: null, linhas: 3, truncado: true }),
      expect.objectContaining({ usuario_id: users.admin, sha: sha(refused), resultado: 'recusada', codigo: 'SQL_FORBIDDEN_FUNCTION', linhas: 0 }),
      expect.objectContaining({ usuario_id: users.admin, sha: sha(failed), resultado: 'erro', codigo: 'SQL_EXECUTION_ERROR' }),
    ]);
    for (const r of rows) expect(r.duracao_ms).toBeGreaterThanOrEqual(0);
    // the API's role may add audit rows, never change or delete them
    const appRole = db.roles.app;
    const { rows: privs } = await admin.query(
      `SELECT has_table_privilege($1, 'tenant_admin.tb_execucao_sql', 'INSERT') AS ins,
              has_table_privilege($1, 'tenant_admin.tb_execucao_sql', 'UPDATE') AS upd,
              has_table_privilege($1, 'tenant_admin.tb_execucao_sql', 'DELETE') AS del`,
      [appRole],
    );
    expect(privs[0]).toEqual({ ins: true, upd: false, del: false });
  });

  it('describe(): columns without running the query, and the relations it depends on', async () => {
    const executor = app.get(QueryExecutorService);
    const allowed = await app.get(TenantRelations).forTenant(acme);
    const d = await executor.describe({
      tenant: acme,
      userId: users.analyst,
      role: 'analyst',
      sql: `WITH c AS (SELECT * FROM tb_contato) SELECT c.nome, e.razao_social AS empresa, count(*) OVER () AS n, now() AS agora
              FROM c JOIN tb_empresa e ON e.id = c.empresa_id`,
      allowedRelations: allowed,
    });
    expect(d).toEqual({
      columns: [
        { name: 'nome', type: 'text', typeOid: 25 },
        { name: 'empresa', type: 'text', typeOid: 25 },
        { name: 'n', type: 'bigint', typeOid: 20 },
        { name: 'agora', type: 'timestamp with time zone', typeOid: 1184 },
      ],
      relations: ['tb_contato', 'tb_empresa'],
    });
    // nothing runs: a query that would time out describes at once
    const started = Date.now();
    const slow = await executor.describe({
      tenant: acme, userId: null, role: 'analyst', allowedRelations: allowed,
      sql: 'SELECT count(*) AS n FROM tb_atividade a, tb_atividade b, tb_atividade c, tb_atividade d',
    });
    expect(slow.columns).toEqual([{ name: 'n', type: 'bigint', typeOid: 20 }]);
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(
      executor.describe({ tenant: acme, userId: null, role: 'analyst', allowedRelations: allowed, sql: 'SELECT x FROM tb_contato' }),
    ).rejects.toMatchObject({ code: 'SQL_UNDEFINED_OBJECT' });
  });

  it('saved objects can be added as names through a registered source', async () => {
    const relations = app.get(TenantRelations);
    relations.register({ relationsFor: async (t) => (t.slug === 'acme' ? ['vw_clientes_ativos'] : []) });
    expect((await relations.forTenant(acme)).has('vw_clientes_ativos')).toBe(true);
    expect((await relations.forTenant(acme)).has('tb_contato')).toBe(true);
    expect((await relations.forTenant(globex)).has('vw_clientes_ativos')).toBe(false);
  });

  it('ownership RLS follows the role it is told: a sales role sees its own, team and unassigned records only', async () => {
    const executor = app.get(QueryExecutorService);
    const allowed = await app.get(TenantRelations).forTenant(acme);
    const sellers = (await executor.execute({ tenant: acme, userId: null, role: 'analyst', allowedRelations: allowed,
      sql: "SELECT id FROM tb_usuario WHERE email LIKE 'vendedor%' ORDER BY email" })).rows.map(([id]) => id as string);
    const asSales = await executor.execute({ tenant: acme, userId: sellers[1], role: 'sales', allowedRelations: allowed,
      sql: 'SELECT count(*) FROM tb_contato' });
    const asAnalyst = await executor.execute({ tenant: acme, userId: sellers[1], role: 'analyst', allowedRelations: allowed,
      sql: 'SELECT count(*) FROM tb_contato' });
    expect(Number(asAnalyst.rows[0][0])).toBe(60);
    expect(Number(asSales.rows[0][0])).toBeGreaterThan(0);
    expect(Number(asSales.rows[0][0])).toBeLessThan(60);
  });

  it('pools: least recently used evicted past SQL_POOL_MAX_TENANTS, idle ones closed', async () => {
    const pools = new ReadOnlyPools({ url: db.urls.app, roles: db.roles, poolSize: 2, maxTenants: 1, idleMs: 1000, acquireTimeoutMs: 2000 });
    try {
      const a = await pools.acquire('acme');
      a.release();
      expect(pools.stats()).toMatchObject({ tenants: 1, connections: 1 });
      const g = await pools.acquire('globex');
      expect((await g.query('SELECT current_user AS u')).rows[0].u).toBe(db.roles.tenantReadOnly('globex'));
      g.release();
      expect(pools.stats()).toMatchObject({ tenants: 1 });
      await new Promise((r) => setTimeout(r, 2600));
      expect(pools.stats()).toEqual({ tenants: 0, connections: 0, idle: 0, waiting: 0 });
      // busy: both connections held, a third caller waits, then gets SQL_TOO_MANY_QUERIES from the service
      const [c1, c2] = [await pools.acquire('acme'), await pools.acquire('acme')];
      await expect(pools.acquire('acme')).rejects.toMatchObject({ name: 'PoolBusyError' });
      c1.release();
      c2.release();
    } finally {
      await pools.close();
    }
  }, 20_000);

  it('one small pool per tenant, on the read-only login role, at most SQL_POOL_SIZE connections', async () => {
    const pools = app.get(ReadOnlyPools);
    await Promise.all(Array.from({ length: 6 }, () => run('analyst', { sql: 'SELECT count(*) FROM tb_contato a, tb_contato b' })));
    const { rows } = await admin.query(
      `SELECT usename, count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'crm-sql' GROUP BY 1 ORDER BY 1`,
    );
    expect(rows.map((r) => r.usename)).toEqual([db.roles.tenantReadOnly('acme'), db.roles.tenantReadOnly('globex')]);
    for (const r of rows) expect(r.n).toBeLessThanOrEqual(db.env.SQL_POOL_SIZE);
    expect(pools.stats().tenants).toBeGreaterThanOrEqual(1);
  });
});
