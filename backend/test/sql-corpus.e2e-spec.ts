import { INestApplication } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { withCredentials } from '../src/database/embedded-postgres';
import { runReadOnly, type RunResult } from '../src/query-executor/read-only-runner';
import { SqlAuditWriter } from '../src/query-executor/sql-audit';
import { TenantRelations } from '../src/query-executor/tenant-relations';
import { SqlValidator } from '../src/query-executor/sql-validator';
import { loadAttacks, type AttackEntry } from '../src/query-executor/sql-validator/test-corpora';
import { seedSample } from '../src/query-executor/testing/sample-data';
import { createUser, http, login, provisionTenant, startApp } from './support/auth-helpers';
import { createTestDb, TestDb } from './support/test-db';

// The attack corpus (../shared/corpora/sql-attacks.json) against both locks of the SQL executor, each alone:
//   1. through the HTTP endpoint: every `reject` entry refused by the validator, with the rule's code, and audited;
//   2. the database lock ALONE (validator skipped): each entry's SQL sent straight to the read-only runner as acme's
//      read-only role, with globex holding marker rows — no change in either tenant, no row of globex, and the
//      connection left with no lock, prepared statement, cursor, listener, temp object or changed setting;
//   3. the `accept (… DB limits …)` entries through the API: stopped within a few seconds by the timeout or the caps,
//      while the API keeps answering and its memory stays bounded.
const attacks = loadAttacks();
const rejects = attacks.filter((a) => a.expect.startsWith('reject'));
const dbLimited = attacks.filter((a) => a.expect.includes('DB limits'));

describe('SQL attack corpus against both locks (real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let admin: Client;
  let acme: { id: string; slug: string };
  let globex: { id: string; slug: string };
  let token: string;
  let validator: SqlValidator;
  let allowed: ReadonlySet<string>;

  beforeAll(async () => {
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000' });
    app = await startApp(db);
    admin = await db.admin();
    acme = await provisionTenant(app, 'acme');
    globex = await provisionTenant(app, 'globex');
    // acme large enough for the cartesian products to need the timeout; globex holds the marker rows
    await seedSample(admin, acme, 'ACME', { companies: 20, contacts: 60, deals: 80, activities: 1500 });
    await seedSample(admin, globex, 'GLOBEX');
    await createUser(app, { email: 'analyst@corpus.test', memberships: [['acme', 'analyst']] });
    await createUser(app, { email: 'admin@globex.test', memberships: [['globex', 'tenant_admin']] });
    token = (await login(app, 'analyst@corpus.test', 'acme')).accessToken;
    validator = await SqlValidator.create();
    allowed = await app.get(TenantRelations).forTenant(acme);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('the corpus has the entries this suite relies on', () => {
    expect(attacks.length).toBe(81);
    expect(rejects.length).toBe(75);
    expect(dbLimited.map((a) => a.id)).toEqual([117, 120, 121, 122, 126]);
  });

  describe('1. parser lock, through the API', () => {
    it('refuses every reject entry with 400 and the code of the rule that names its danger, and audits each one', async () => {
      const before = await auditCount(acme.id);
      const seen: Array<{ id: number; code: string }> = [];
      for (const a of rejects) {
        const res = await http(app).post('/api/query/execute').set('Authorization', `Bearer ${token}`).send({ sql: a.sql });
        const verdict = validator.validate(a.sql, { allowedRelations: allowed });
        expect({ id: a.id, status: res.status }).toEqual({ id: a.id, status: 400 });
        expect({ id: a.id, code: res.body.code }).toEqual({ id: a.id, code: verdict.ok ? 'ACCEPTED?' : verdict.code });
        seen.push({ id: a.id, code: res.body.code });
      }
      // a sample, by name (the validator's spec checks all of them against the SQL alone)
      const code = (id: number) => seen.find((s) => s.id === id)?.code;
      expect({
        3: code(3), 9: code(9), 13: code(13), 19: code(19), 23: code(23), 27: code(27), 45: code(45), 48: code(48),
        62: code(62), 66: code(66), 98: code(98), 112: code(112), 131: code(131), 135: code(135),
      }).toEqual({
        3: 'SQL_MULTIPLE_STATEMENTS', 9: 'SQL_MULTIPLE_STATEMENTS', 13: 'SQL_WRITE_IN_CTE', 19: 'SQL_SELECT_INTO',
        23: 'SQL_LOCKING_CLAUSE', 27: 'SQL_NOT_SELECT', 45: 'SQL_FOREIGN_SCHEMA', 48: 'SQL_FOREIGN_SCHEMA',
        62: 'SQL_FORBIDDEN_FUNCTION', 66: 'SQL_FORBIDDEN_FUNCTION', 98: 'SQL_SYSTEM_CATALOG', 112: 'SQL_FORBIDDEN_FUNCTION',
        131: 'SQL_SYSTEM_CATALOG', 135: 'SQL_MULTIPLE_STATEMENTS',
      });
      // one audit row per request, refused, with the code and the SQL's hash
      await app.get(SqlAuditWriter).flush();
      const { rows } = await admin.query(
        `SELECT encode(sql_sha256, 'hex') AS sha, resultado, codigo, linhas FROM tenant_admin.tb_execucao_sql
          WHERE tenant_id = $1 ORDER BY id OFFSET $2`,
        [acme.id, before],
      );
      expect(rows).toEqual(
        rejects.map((a, i) => ({ sha: createHash('sha256').update(a.sql).digest('hex'), resultado: 'recusada', codigo: seen[i].code, linhas: 0 })),
      );
    }, 60_000);
  });

  describe('2. database lock alone (validator skipped)', () => {
    let client: Client;
    let baseline: Record<string, unknown>;
    const globexMarkers = ['GLOBEX', 'globex.test'];

    // The corpus names roles as tenant_<slug>_ro / crm_app; also run each attack with this installation's real names.
    const adapt = (sql: string) =>
      sql
        .replaceAll('tenant_acme_ro', db.roles.tenantReadOnly('acme'))
        .replaceAll('tenant_globex_ro', db.roles.tenantReadOnly('globex'))
        .replaceAll("'crm_app'", `'${db.roles.app}'`);

    const connect = async () => {
      const role = db.roles.tenantReadOnly('acme');
      const c = new Client({ connectionString: withCredentials(db.urls.app, role, db.roles.password(role)), application_name: 'crm-sql-corpus' });
      c.on('error', () => undefined);
      await c.connect();
      return c;
    };

    const run = (c: Client, sql: string) =>
      runReadOnly(c, {
        sql,
        session: { tenantId: acme.id, userId: null, role: 'analyst' },
        limits: { maxRows: 1000, maxBytes: 5 * 1024 * 1024, timeoutMs: 5000 },
      });

    /** What the connection carries, seen from itself (the read-only role) and from the server's views (superuser). */
    const sessionState = async (c: Client) => {
      const { rows: [own] } = await c.query(
        `SELECT current_user AS "user", session_user AS "session", current_setting('role') AS role,
                current_setting('search_path') AS search_path, current_setting('statement_timeout') AS statement_timeout,
                current_setting('lock_timeout') AS lock_timeout, current_setting('work_mem') AS work_mem,
                current_setting('temp_file_limit') AS temp_file_limit,
                current_setting('default_transaction_read_only') AS default_read_only,
                current_setting('transaction_read_only') AS read_only,
                current_setting('standard_conforming_strings') AS scs,
                nullif(current_setting('app.tenant_id', true), '') AS app_tenant,
                nullif(current_setting('app.role', true), '') AS app_role,
                (SELECT count(*)::int FROM pg_prepared_statements) AS prepared,
                (SELECT count(*)::int FROM pg_cursors) AS cursors,
                (SELECT count(*)::int FROM pg_listening_channels()) AS listening,
                pg_backend_pid() AS pid`,
      );
      const { rows: [server] } = await admin.query(
        `SELECT (SELECT count(*)::int FROM pg_locks WHERE pid = $1) AS locks,
                (SELECT count(*)::int FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) AS advisory_locks_anywhere,
                (SELECT state FROM pg_stat_activity WHERE pid = $1) AS state,
                (SELECT backend_xid IS NULL FROM pg_stat_activity WHERE pid = $1) AS no_xid,
                (SELECT count(*)::int FROM pg_class WHERE relpersistence = 't') AS temp_relations,
                (SELECT count(*)::int FROM pg_prepared_xacts WHERE database = current_database()) AS prepared_xacts`,
        [own.pid],
      );
      return { ...own, ...server };
    };

    it('no change in either tenant, no row of globex, nothing left on the connection — for all 81 entries', async () => {
      client = await connect();
      await run(client, 'SELECT 1');
      baseline = await sessionState(client);
      expect(baseline).toMatchObject({
        user: db.roles.tenantReadOnly('acme'), role: 'none', default_read_only: 'on', read_only: 'on', statement_timeout: '5s',
        prepared: 0, cursors: 0, listening: 0, locks: 0, advisory_locks_anywhere: 0, state: 'idle', no_xid: true,
        temp_relations: 0, prepared_xacts: 0, app_tenant: null,
      });
      const before = await fingerprint();

      const outcomes: Array<{ id: number; variant: string; outcome: string; ms: number }> = [];
      for (const a of attacks) {
        const variants = adapt(a.sql) === a.sql ? [['corpus', a.sql]] : [['corpus', a.sql], ['adapted', adapt(a.sql)]];
        for (const [variant, sql] of variants) {
          const started = Date.now();
          let result: RunResult | undefined;
          let error: { code?: string; message?: string } | undefined;
          try {
            result = await run(client, sql);
          } catch (err) {
            error = err as { code?: string; message?: string };
          }
          const ms = Date.now() - started;
          const outcome = result ? `rows ${result.rows.length}${result.truncated ? ` (truncated by ${result.truncatedBy})` : ''}` : `${error?.code} ${error?.message}`;
          outcomes.push({ id: a.id, variant, outcome, ms });

          // no row of the other tenant
          const shown = JSON.stringify(result?.rows ?? []) + JSON.stringify(error?.message ?? '');
          for (const m of [...globexMarkers, globex.id]) expect({ id: a.id, leaked: shown.includes(m) }).toEqual({ id: a.id, leaked: false });
          // several statements never run: the extended protocol refuses them outright
          const verdict = validator.validate(sql, { allowedRelations: allowed });
          if (!verdict.ok && verdict.code === 'SQL_MULTIPLE_STATEMENTS') {
            expect({ id: a.id, error: error?.message }).toEqual({ id: a.id, error: 'cannot insert multiple commands into a prepared statement' });
          }
          expect({ id: a.id, ms: ms < 7000 }).toEqual({ id: a.id, ms: true });

          // a connection whose reset failed (or was cut) would be destroyed; otherwise it must be exactly as before
          // (an error may also have cut it: under load the client-side deadline can fire before the server's timeout)
          const cut = !result && !(await client.query('SELECT 1').then(() => true, () => false));
          if ((result && !result.reusable) || cut) {
            await client.end().catch(() => undefined);
            client = await connect();
            await run(client, 'SELECT 1');
          }
          const state = await sessionState(client);
          expect({ id: a.id, variant, ...state, pid: 0 }).toEqual({ id: a.id, variant, ...baseline, pid: 0 });
          baseline = { ...baseline, pid: state.pid };
        }
      }
      const after = await fingerprint();
      expect(after).toEqual(before);

      // what each entry met at the database (printed for the record; the assertions above are what count)
      const lines = outcomes.map((o) => `#${o.id}${o.variant === 'adapted' ? ' (real role names)' : ''}: ${o.outcome} [${o.ms} ms]`);
      console.log(`database lock alone, ${outcomes.length} runs:\n${lines.join('\n')}`);
      // nothing an attack needs was executable: the dangerous ones failed on privileges or read-only
      const byId = (id: number) => outcomes.find((o) => o.id === id && o.variant === 'corpus')!.outcome;
      expect(byId(26)).toMatch(/^42501 permission denied for function pg_try_advisory_lock/);
      expect(byId(61)).toMatch(/^42501 permission denied for function set_config/);
      expect(byId(66)).toMatch(/^42501 permission denied for function query_to_xml/);
      expect(byId(45)).toMatch(/^42501 permission denied for schema tenant_globex/);
      expect(byId(98)).toMatch(/^42501 permission denied for (table|view) pg_tables/);
      expect(byId(13)).toMatch(/^25006 cannot execute .* in a read-only transaction/); // the DELETE in WITH
      expect(byId(30)).toBe('rows 0'); // PREPARE ran… and DISCARD ALL removed it (state checked above)
      expect(byId(40)).toBe('rows 0'); // LISTEN ran… and the rollback plus DISCARD ALL left no listener
      await client.end();
    }, 300_000);

    it('also refuses what the corpus does not try: COPY to the client, leaving read-only mode, ending the transaction, prepared transactions', async () => {
      const c = await connect();
      const refused = async (sql: string) => run(c, sql).then(() => 'ran', (e) => `${e.code} ${e.message}`);
      expect(await refused('COPY (SELECT nome FROM tb_contato) TO STDOUT')).toMatch(/^42501 COPY is not allowed/);
      expect(await refused('SET transaction_read_only = off')).toMatch(/^25001 /);
      expect(await refused(`ALTER ROLE ${db.roles.tenantReadOnly('acme')} SET statement_timeout = 0`)).toMatch(/^25006 /);
      expect(await refused(`SET ROLE ${db.roles.tenantReadWrite('acme')}`)).toMatch(/^42501 /);
      expect(await refused("PREPARE TRANSACTION 'x'")).not.toBe('ran-and-kept');
      expect(await refused('COMMIT')).toBe('ran'); // ends our (empty, read-only) transaction: nothing to commit
      expect(await refused('SELECT count(*) FROM tenant_globex.tb_contato')).toMatch(/^42501 permission denied for schema/);
      const state = await sessionState(c);
      expect(state).toMatchObject({ prepared: 0, listening: 0, locks: 0, prepared_xacts: 0, read_only: 'on', statement_timeout: '5s' });
      await c.end();
    }, 60_000);
  });

  describe('3. database limits, through the API', () => {
    it('stops each DB-limit entry within 7 s, while the API keeps answering and its memory stays bounded', async () => {
      await createUser(app, { email: 'admin@acme.test', memberships: [['acme', 'tenant_admin']] });
      const adminToken = (await login(app, 'admin@acme.test', 'acme')).accessToken;
      const globexToken = (await login(app, 'admin@globex.test', 'globex')).accessToken;
      const report: Array<Record<string, unknown>> = [];
      global.gc?.();
      const rssStart = process.memoryUsage().rss;
      for (const a of dbLimited) {
        const rssBefore = process.memoryUsage().rss;
        let peak = rssBefore;
        let running = true;
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
        // other requests while the attack runs: health, the other tenant's SQL, a CRM list of the same tenant
        const probes: number[] = [];
        const prober = (async () => {
          while (running) {
            for (const req of [
              () => http(app).get('/api/health'),
              () => http(app).post('/api/query/execute').set('Authorization', `Bearer ${globexToken}`).send({ sql: 'SELECT count(*) FROM tb_contato' }),
              () => http(app).get('/api/contacts?limit=10').set('Authorization', `Bearer ${adminToken}`),
            ]) {
              const t = Date.now();
              const r = await req();
              if (r.status !== 200) throw new Error(`probe failed: ${r.status} ${JSON.stringify(r.body)}`);
              probes.push(Date.now() - t);
            }
            await new Promise((r) => setTimeout(r, 50));
          }
        })();
        const started = Date.now();
        const res = await http(app).post('/api/query/execute').set('Authorization', `Bearer ${token}`).send({ sql: a.sql });
        const ms = Date.now() - started;
        running = false;
        await prober;
        clearInterval(sampler);
        const entry = {
          id: a.id,
          status: res.status,
          outcome: res.status === 200 ? `rows ${res.body.rowCount}, truncated=${res.body.truncated} (${res.body.truncatedBy})` : res.body.code,
          ms,
          probes: probes.length,
          probeMaxMs: Math.max(...probes),
          rssPeakDeltaMB: Math.round((peak - rssBefore) / 2 ** 20),
        };
        report.push(entry);
        expect({ id: a.id, stopped: ms <= 7000 }).toEqual({ id: a.id, stopped: true });
        expect({ id: a.id, ok: res.status === 200 ? res.body.truncated === true || res.body.rowCount <= 1 : ['SQL_TIMEOUT', 'SQL_RESOURCE_LIMIT', 'SQL_EXECUTION_ERROR'].includes(res.body.code) }).toEqual({ id: a.id, ok: true });
        expect({ id: a.id, answering: probes.length > 0 && Math.max(...probes) < 1500 }).toEqual({ id: a.id, answering: true });
        expect({ id: a.id, boundedMB: (peak - rssBefore) / 2 ** 20 < 200 }).toEqual({ id: a.id, boundedMB: true });
      }
      const rssEnd = process.memoryUsage().rss;
      console.log(`DB-limit entries through the API (rss start ${Math.round(rssStart / 2 ** 20)} MB, end ${Math.round(rssEnd / 2 ** 20)} MB):\n` +
        report.map((r) => JSON.stringify(r)).join('\n'));
      expect((rssEnd - rssStart) / 2 ** 20).toBeLessThan(200);
    }, 120_000);
  });

  async function auditCount(tenantId: string): Promise<number> {
    await app.get(SqlAuditWriter).flush();
    return (await admin.query('SELECT count(*)::int AS n FROM tenant_admin.tb_execucao_sql WHERE tenant_id = $1', [tenantId])).rows[0].n;
  }

  /** Row counts and checksums of every table of both tenants and of the platform catalog, plus objects and roles. */
  async function fingerprint(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    const { rows: tables } = await admin.query(
      `SELECT schemaname, tablename FROM pg_tables
        WHERE schemaname IN ('tenant_acme', 'tenant_globex', 'tenant_admin') AND tablename <> 'tb_execucao_sql' ORDER BY 1, 2`,
    );
    for (const t of tables) {
      const { rows } = await admin.query(
        `SELECT count(*) AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t.schemaname}"."${t.tablename}" x`,
      );
      out[`${t.schemaname}.${t.tablename}`] = `${rows[0].n}:${rows[0].h}`;
    }
    const { rows: [objects] } = await admin.query(
      `SELECT (SELECT count(*) FROM pg_class WHERE relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace, 'pg_toast'::regnamespace)) AS relations,
              (SELECT count(*) FROM pg_proc WHERE pronamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)) AS functions,
              (SELECT count(*) FROM pg_largeobject_metadata) AS large_objects,
              (SELECT string_agg(rolname || '=' || coalesce(array_to_string(rolconfig, ','), '') || ':' || rolconnlimit || ':' || rolcanlogin, ';' ORDER BY rolname)
                 FROM pg_roles WHERE starts_with(rolname, $1)) AS roles`,
      [db.roles.rolePrefix],
    );
    for (const [k, v] of Object.entries(objects)) out[k] = String(v);
    return out;
  }
});

export type { AttackEntry };
