import { ALLOWED_FUNCTIONS, ALLOWED_BINARY_OPERATORS, FORBIDDEN_TYPES } from './allow-lists';
import {
  SqlValidationError,
  SqlValidator,
  type SqlValidationCode,
  type ValidationFailure,
  type ValidationResult,
} from './sql-validator';
import { CORPUS_RELATIONS, loadAttacks, loadLegit } from './test-corpora';
import { sharedWasmParser } from './wasm-parser';

const attacks = loadAttacks();
const legit = loadLegit();
const ctx = { allowedRelations: CORPUS_RELATIONS };

let v: SqlValidator;
beforeAll(async () => {
  v = await SqlValidator.create();
});

function check(sql: string, c = ctx): ValidationResult {
  return v.validate(sql, c);
}

function refused(sql: string, c = ctx): ValidationFailure {
  const r = check(sql, c);
  if (r.ok) throw new Error(`expected a refusal, got ok for: ${sql.slice(0, 200)}`);
  return r;
}

function codeOf(sql: string): SqlValidationCode | 'OK' {
  const r = check(sql);
  return r.ok ? 'OK' : r.code;
}

/**
 * Each attack's expected outcome: the rule that names its danger (read from `category` and `why`).
 * 'OK' = `accept …`: a correct strict validator lets it through; the database limits stop it.
 */
const EXPECTED: Record<number, SqlValidationCode | 'OK'> = {
  3: 'SQL_MULTIPLE_STATEMENTS', // SELECT; COMMIT; DELETE in the other tenant
  4: 'SQL_MULTIPLE_STATEMENTS', // SELECT; RESET ROLE; SELECT
  5: 'SQL_MULTIPLE_STATEMENTS', // ;/**/DELETE
  6: 'SQL_MULTIPLE_STATEMENTS', // line comment then ; DELETE
  9: 'SQL_MULTIPLE_STATEMENTS', // 'x\' is a complete literal in PostgreSQL: the DELETE is live
  12: 'SQL_FORBIDDEN_FUNCTION', // set_config(standard_conforming_strings)
  13: 'SQL_WRITE_IN_CTE', // DELETE in WITH
  15: 'SQL_WRITE_IN_CTE', // INSERT in WITH
  16: 'SQL_WRITE_IN_CTE', // DELETE CTE after a recursive one
  18: 'SQL_WRITE_IN_CTE', // MERGE … RETURNING in WITH
  19: 'SQL_SELECT_INTO', // SELECT * INTO tb_copia
  21: 'SQL_NOT_SELECT', // CREATE TEMP TABLE … AS SELECT: the statement itself is CREATE TABLE AS
  23: 'SQL_LOCKING_CLAUSE', // FOR SHARE NOWAIT
  24: 'SQL_LOCKING_CLAUSE', // FOR NO KEY UPDATE SKIP LOCKED
  26: 'SQL_FORBIDDEN_FUNCTION', // pg_try_advisory_lock
  27: 'SQL_NOT_SELECT', // LOCK TABLE
  30: 'SQL_NOT_SELECT', // PREPARE
  32: 'SQL_NOT_SELECT', // COPY … TO PROGRAM
  33: 'SQL_NOT_SELECT', // COPY … TO file
  36: 'SQL_NOT_SELECT', // RESET ROLE
  37: 'SQL_NOT_SELECT', // SET search_path
  40: 'SQL_NOT_SELECT', // LISTEN
  41: 'SQL_NOT_SELECT', // NOTIFY
  42: 'SQL_NOT_SELECT', // DISCARD ALL
  43: 'SQL_NOT_SELECT', // CREATE FUNCTION
  44: 'SQL_NOT_SELECT', // ALTER ROLE … SET
  45: 'SQL_FOREIGN_SCHEMA', // tenant_globex.tb_contato
  46: 'SQL_FOREIGN_SCHEMA', // "tenant_globex"."tb_contato"
  47: 'SQL_FOREIGN_SCHEMA', // crm.tenant_globex.tb_contato
  48: 'SQL_FOREIGN_SCHEMA', // U&"tenant\005fglobex".tb_contato
  49: 'SQL_FOREIGN_SCHEMA', // U&"!0074enant!005fglobex" UESCAPE '!'
  51: 'SQL_FOREIGN_SCHEMA', // other tenant in a UNION branch
  55: 'SQL_FOREIGN_SCHEMA', // other tenant inside LATERAL
  56: 'SQL_FOREIGN_SCHEMA', // TABLE tenant_globex.tb_usuario
  57: 'SQL_FOREIGN_SCHEMA', // FROM ONLY tenant_globex…
  59: 'SQL_FORBIDDEN_FUNCTION', // set_config(search_path)
  61: 'SQL_FORBIDDEN_FUNCTION', // set_config(role)
  62: 'SQL_FORBIDDEN_FUNCTION', // set_config + query_to_xml
  65: 'SQL_FORBIDDEN_FUNCTION', // set_config(transaction_read_only)
  66: 'SQL_FORBIDDEN_FUNCTION', // query_to_xml
  68: 'SQL_FORBIDDEN_FUNCTION', // query_to_xml(DELETE …)
  70: 'SQL_FORBIDDEN_FUNCTION', // schema_to_xml
  72: 'SQL_FORBIDDEN_FUNCTION', // cursor_to_xml
  74: 'SQL_FORBIDDEN_FUNCTION', // ts_rewrite(query, text)
  75: 'SQL_FORBIDDEN_FUNCTION', // xpath (XXE)
  76: 'SQL_FORBIDDEN_FUNCTION', // dblink in FROM
  79: 'SQL_FORBIDDEN_FUNCTION', // pg_read_binary_file
  80: 'SQL_FORBIDDEN_FUNCTION', // pg_ls_dir in FROM
  82: 'SQL_FORBIDDEN_FUNCTION', // U&"pg\005fread\005ffile"
  83: 'SQL_FORBIDDEN_FUNCTION', // PG_CATALOG."pg_read_file"
  84: 'SQL_FORBIDDEN_FUNCTION', // lo_import
  85: 'SQL_FORBIDDEN_FUNCTION', // lo_export
  89: 'SQL_FORBIDDEN_FUNCTION', // pg_cancel_backend (… FROM pg_stat_activity)
  91: 'SQL_FORBIDDEN_FUNCTION', // pg_logical_emit_message
  92: 'SQL_FORBIDDEN_FUNCTION', // nextval
  94: 'SQL_FORBIDDEN_FUNCTION', // pg_notify
  96: 'SQL_FOREIGN_SCHEMA', // public.mk_tenant: a function of another schema
  98: 'SQL_SYSTEM_CATALOG', // pg_catalog.pg_tables
  101: 'SQL_SYSTEM_CATALOG', // pg_stat_user_tables
  102: 'SQL_FORBIDDEN_FUNCTION', // pg_total_relation_size (pg_size_pretty itself is pure)
  103: 'SQL_FORBIDDEN_FUNCTION', // to_regclass
  104: 'SQL_SYSTEM_CATALOG', // pg_stats
  105: 'SQL_SYSTEM_CATALOG', // pg_proc (the ::regnamespace cast is refused too, but the read is the danger)
  107: 'SQL_SYSTEM_CATALOG', // pg_shadow
  110: 'SQL_SYSTEM_CATALOG', // pg_stat_statements
  112: 'SQL_FORBIDDEN_FUNCTION', // version(), inet_server_addr()…
  113: 'SQL_SYSTEM_CATALOG', // pg_settings
  114: 'SQL_FORBIDDEN_FUNCTION', // current_setting
  116: 'SQL_FOREIGN_SCHEMA', // error-text oracle on tenant_globex.…
  117: 'OK', // unbounded recursion: DB limits
  120: 'OK', // repeat 1 GB: DB limits
  121: 'OK', // giant array_agg: DB limits
  122: 'OK', // cartesian product: DB limits
  125: 'SQL_FORBIDDEN_FUNCTION', // pg_sleep_for
  126: 'OK', // regex backtracking: DB limits
  127: 'SQL_FORBIDDEN_FUNCTION', // set_config(statement_timeout)
  128: 'SQL_FORBIDDEN_FUNCTION', // pg_sleep inside CASE
  129: 'OK', // 5,000 nested parentheses: harmless, the real grammar copes
  131: 'SQL_SYSTEM_CATALOG', // CTE named pg_namespace out of scope: the outer reference is the real catalog
  134: 'SQL_NOT_SELECT', // LOCK TABLE … ACCESS SHARE
  135: 'SQL_MULTIPLE_STATEMENTS', // the headline node-sql-parser differential
};

/** What each expected code must say about the entry (the named danger appears in the message). */
const NAMED: Record<number, string> = {
  26: 'pg_try_advisory_lock',
  82: 'pg_read_file',
  83: 'pg_read_file',
  89: 'pg_cancel_backend',
  102: 'pg_total_relation_size',
  105: 'pg_proc',
  112: 'version',
  125: 'pg_sleep_for',
  128: 'pg_sleep',
  131: 'pg_namespace',
  13: 'DELETE',
  18: 'MERGE',
  21: 'CREATE TABLE AS',
  27: 'LOCK',
  33: 'COPY',
  36: 'RESET',
  37: 'SET',
  48: 'tenant_globex.tb_contato',
  96: 'public.mk_tenant',
};

describe('sql-attacks.json', () => {
  it('the expectation table covers every corpus entry, and only them', () => {
    expect(attacks.map((a) => a.id).sort((a, b) => a - b)).toEqual(
      Object.keys(EXPECTED).map(Number).sort((a, b) => a - b),
    );
    for (const a of attacks) {
      expect({ id: a.id, accept: EXPECTED[a.id] === 'OK' }).toEqual({ id: a.id, accept: a.expect.startsWith('accept') });
    }
  });

  test.each(attacks.map((a) => [a.id, a.category, a] as const))('attack %i (%s)', (id, _category, a) => {
    const r = check(a.sql);
    const want = EXPECTED[id];
    if (want === 'OK') {
      expect(r.ok).toBe(true);
      return;
    }
    expect(r.ok ? 'OK' : r.code).toBe(want);
    if (!r.ok) {
      expect(r.message.length).toBeGreaterThan(10);
      if (NAMED[id]) expect(r.message).toContain(NAMED[id]);
    }
  });
});

describe('sql-legit.json', () => {
  test.each(legit.map((l, i) => [i, l.purpose, l.sql] as const))('legit %i: %s', (_i, _purpose, sql) => {
    const r = check(sql);
    expect(r.ok ? 'OK' : `${r.code}: ${r.message}`).toBe('OK');
    if (r.ok) {
      expect(r.relations.length).toBeGreaterThan(0);
      for (const rel of r.relations) expect(CORPUS_RELATIONS.has(rel)).toBe(true);
    }
  });
});

describe('result shape', () => {
  it('returns the parsed SELECT and the sorted, de-duplicated tenant relations (CTEs excluded)', () => {
    const r = check(
      'WITH x AS (SELECT * FROM tb_oportunidade) SELECT * FROM tb_contato c JOIN x ON true JOIN tb_contato d ON true',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.relations).toEqual(['tb_contato', 'tb_oportunidade']);
    expect(r.statement.withClause?.ctes).toHaveLength(1);
    expect(v.dependencies('SELECT 1 FROM tb_empresa', ctx)).toEqual(['tb_empresa']);
  });

  it('dependencies() throws a domain error carrying the code', () => {
    expect(() => v.dependencies('SELECT pg_sleep(1)', ctx)).toThrow(SqlValidationError);
    try {
      v.dependencies('SELECT pg_sleep(1)', ctx);
    } catch (e) {
      expect((e as SqlValidationError).code).toBe('SQL_FORBIDDEN_FUNCTION');
      expect((e as SqlValidationError).status).toBe(400);
    }
  });

  it('messages are pt-BR and name the refused thing', () => {
    const r = refused('SELECT pg_sleep(10)');
    expect(r.code).toBe('SQL_FORBIDDEN_FUNCTION');
    expect(r.subject).toBe('pg_sleep');
    expect(r.message).toBe('A função pg_sleep não é permitida (linha 1, coluna 8).');
    expect(r.position).toEqual({ offset: 7, line: 1, column: 8 });
  });
});

describe('length, emptiness and characters', () => {
  it('caps the length before parsing (default 20,000, configurable)', async () => {
    const long = `SELECT 1 ${' '.repeat(20_000)}`;
    expect(refused(long).code).toBe('SQL_TOO_LONG');
    // a broken text over the cap is still refused for its length, not parsed
    expect(refused(`SELECT (((${'x'.repeat(25_000)}`).code).toBe('SQL_TOO_LONG');
    const small = await SqlValidator.create({ maxLength: 10 });
    expect(small.validate('SELECT 1 + 1', ctx)).toMatchObject({ ok: false, code: 'SQL_TOO_LONG' });
    expect(small.validate('SELECT 1', ctx).ok).toBe(true);
  });

  it('refuses empty and comment-only texts', () => {
    expect(refused('').code).toBe('SQL_EMPTY_QUERY');
    expect(refused('   \n ').code).toBe('SQL_EMPTY_QUERY');
    expect(refused('-- nada\n/* nada */').code).toBe('SQL_EMPTY_QUERY');
    expect(refused(';').code).toBe('SQL_EMPTY_QUERY');
  });

  it('refuses NUL and unpaired surrogates (a C-string parser and the server could read the text apart)', () => {
    const r = refused('SELECT 1\u0000; DELETE FROM tb_contato');
    expect(r.code).toBe('SQL_INVALID_CHARACTER');
    expect(r.position).toEqual({ offset: 8, line: 1, column: 9 });
    expect(refused("SELECT '\ud800'").code).toBe('SQL_INVALID_CHARACTER');
    expect(check("SELECT '😀 ok'").ok).toBe(true);
  });
});

describe('syntax errors', () => {
  it('gives the parser message with line and column', () => {
    const r = refused('SELECT id\nFROM tb_contato\nWHER id = 1');
    expect(r.code).toBe('SQL_SYNTAX_ERROR');
    expect(r.position).toEqual({ offset: 31, line: 3, column: 6 });
    expect(r.message).toBe('Erro de sintaxe (linha 3, coluna 6): erro de sintaxe em ou perto de "id".');
  });

  it('points at the end of the input when the query stops short', () => {
    const sql = 'SELECT 1 FROM';
    const r = refused(sql);
    expect(r.code).toBe('SQL_SYNTAX_ERROR');
    expect(r.position).toEqual({ offset: 13, line: 1, column: 14 });
  });

  it('counts columns in JS string units after multi-byte and astral characters', () => {
    const sql = "SELECT 'ação 😀', FROM tb_contato";
    const r = refused(sql);
    expect(r.code).toBe('SQL_SYNTAX_ERROR');
    expect(r.position?.offset).toBe(sql.indexOf('FROM'));
    const sql2 = "SELECT 'é'\n  , 'ü' selec 2";
    const r2 = refused(sql2);
    expect(r2.position).toEqual({ offset: sql2.indexOf('2'), line: 2, column: sql2.length - sql2.indexOf('\n') - 1 });
  });

  it('reports an unterminated string and an unterminated comment', () => {
    expect(refused("SELECT 'abc").code).toBe('SQL_SYNTAX_ERROR');
    expect(refused('SELECT 1 /* sem fim').code).toBe('SQL_SYNTAX_ERROR');
    expect(refused('SELECT $$abc').message).toContain('linha 1');
  });

  it('positions the other refusals too (UTF-8 byte locations converted)', () => {
    const sql = "SELECT 'ação', x\nFROM tb_contato, pg_class";
    const r = refused(sql);
    expect(r.code).toBe('SQL_SYSTEM_CATALOG');
    expect(r.position).toEqual({ offset: sql.indexOf('pg_class'), line: 2, column: 18 });
  });
});

describe('statements', () => {
  it.each([
    ['DELETE FROM tb_contato', 'DELETE'],
    ['UPDATE tb_contato SET nome = 1', 'UPDATE'],
    ['INSERT INTO tb_contato DEFAULT VALUES', 'INSERT'],
    ['SET ROLE tenant_globex_ro', 'SET'],
    ['RESET ALL', 'RESET'],
    ["COPY tb_contato TO STDOUT", 'COPY'],
    ['EXECUTE p', 'EXECUTE'],
    ["DO $$ BEGIN END $$", 'DO'],
    ['EXPLAIN ANALYZE SELECT 1', 'EXPLAIN'],
    ['BEGIN', 'BEGIN'],
    ['COMMIT', 'COMMIT'],
    ['SHOW search_path', 'SHOW'],
    ['DECLARE c CURSOR FOR SELECT 1', 'DECLARE'],
    ['TRUNCATE tb_contato', 'TRUNCATE'],
    ['DROP TABLE tb_contato', 'DROP'],
    ['VACUUM tb_contato', 'VACUUM'],
    ['CREATE MATERIALIZED VIEW mv AS SELECT 1', 'CREATE MATERIALIZED VIEW'],
    ['GRANT SELECT ON tb_contato TO public', 'GRANT'],
  ])('%s → SQL_NOT_SELECT naming %s', (sql, kind) => {
    const r = refused(sql);
    expect(r.code).toBe('SQL_NOT_SELECT');
    expect(r.subject).toBe(kind);
    expect(r.message).toContain(`${kind} não é permitido`);
  });

  it('accepts VALUES, TABLE and parenthesised set operations', () => {
    expect(codeOf('VALUES (1, 2), (3, 4)')).toBe('OK');
    expect(codeOf('TABLE tb_contato')).toBe('OK');
    expect(codeOf('(SELECT 1 UNION SELECT 2) EXCEPT (SELECT 3 INTERSECT ALL SELECT 4) ORDER BY 1 LIMIT 1')).toBe('OK');
    expect(codeOf('SELECT 1;')).toBe('OK');
  });

  it('counts statements after empty ones and comments', () => {
    expect(codeOf('SELECT 1;;')).toBe('OK');
    expect(codeOf('SELECT 1; SELECT 2')).toBe('SQL_MULTIPLE_STATEMENTS');
    expect(codeOf('SELECT 1; -- fim\n SELECT 2')).toBe('SQL_MULTIPLE_STATEMENTS');
  });

  it('refuses INTO and locking clauses wherever the SELECT is', () => {
    expect(codeOf('SELECT 1 INTO TEMP t')).toBe('SQL_SELECT_INTO');
    expect(codeOf('SELECT * FROM tb_contato FOR UPDATE')).toBe('SQL_LOCKING_CLAUSE');
    expect(codeOf('SELECT * FROM tb_contato FOR KEY SHARE OF tb_contato')).toBe('SQL_LOCKING_CLAUSE');
    expect(codeOf('SELECT * FROM (SELECT * FROM tb_contato FOR UPDATE) s')).toBe('SQL_LOCKING_CLAUSE');
    expect(codeOf('WITH c AS (SELECT * FROM tb_contato FOR UPDATE) SELECT * FROM c')).toBe('SQL_LOCKING_CLAUSE');
    expect(codeOf('SELECT 1 WHERE EXISTS (SELECT 1 FROM tb_contato FOR SHARE)')).toBe('SQL_LOCKING_CLAUSE');
  });

  it('refuses writes in nested WITH clauses too', () => {
    expect(codeOf('SELECT * FROM (WITH d AS (UPDATE tb_contato SET nome = 1 RETURNING id) SELECT * FROM d) s')).toBe(
      'SQL_WRITE_IN_CTE',
    );
    expect(codeOf('SELECT (WITH d AS (DELETE FROM tb_contato RETURNING 1) SELECT 1)')).toBe('SQL_WRITE_IN_CTE');
  });
});

describe('CTE scoping', () => {
  it('resolves a CTE in its WITH body, in later siblings, and shadows a table of the same name', () => {
    expect(codeOf('WITH a AS (SELECT 1 AS x), b AS (SELECT * FROM a) SELECT * FROM a, b')).toBe('OK');
    const r = check('WITH tb_contato AS (SELECT 1 AS id) SELECT * FROM tb_contato');
    expect(r.ok && r.relations).toEqual([]);
  });

  it('does not resolve a CTE outside the subquery that defines it', () => {
    const r = refused('SELECT * FROM (WITH a AS (SELECT 1) SELECT * FROM a) s, a');
    expect(r.code).toBe('SQL_UNKNOWN_RELATION');
    expect(r.subject).toBe('a');
    expect(codeOf('SELECT (WITH a AS (SELECT 1) SELECT * FROM a), (SELECT * FROM a)')).toBe('SQL_UNKNOWN_RELATION');
    expect(codeOf('(WITH a AS (SELECT 1) SELECT * FROM a) UNION ALL SELECT * FROM a')).toBe('SQL_UNKNOWN_RELATION');
    expect(codeOf('SELECT * FROM tb_contato WHERE EXISTS (WITH a AS (SELECT 1) SELECT 1) AND id IN (TABLE a)')).toBe(
      'SQL_UNKNOWN_RELATION',
    );
  });

  it('lets a WITH on a set operation reach every branch', () => {
    expect(codeOf('WITH a AS (SELECT 1 AS x) SELECT x FROM a UNION SELECT x FROM a ORDER BY 1')).toBe('OK');
  });

  it('does not let a non-recursive CTE see itself or a later sibling', () => {
    // the inner tb_contato is the real table: a dependency
    const r = check('WITH tb_contato AS (SELECT * FROM tb_contato WHERE ativo) SELECT * FROM tb_contato');
    expect(r.ok && r.relations).toEqual(['tb_contato']);
    expect(codeOf('WITH x AS (SELECT * FROM x) SELECT * FROM x')).toBe('SQL_UNKNOWN_RELATION');
    expect(codeOf('WITH a AS (SELECT * FROM b), b AS (SELECT 1) SELECT * FROM a')).toBe('SQL_UNKNOWN_RELATION');
    // the catalog, not a CTE: a self-named non-recursive CTE reads the real pg_class
    expect(codeOf('WITH pg_class AS (SELECT * FROM pg_class) SELECT * FROM pg_class')).toBe('SQL_SYSTEM_CATALOG');
  });

  it('lets RECURSIVE CTEs see themselves and every sibling', () => {
    expect(codeOf('WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r')).toBe(
      'OK',
    );
    expect(codeOf('WITH RECURSIVE a AS (SELECT * FROM b), b AS (SELECT 1) SELECT * FROM a')).toBe('OK');
    expect(
      codeOf(
        'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) ' +
          'SEARCH DEPTH FIRST BY n SET ordem CYCLE n SET ciclo USING caminho SELECT * FROM t',
      ),
    ).toBe('OK');
  });

  it('lets an inner WITH shadow an outer one and still see the outer one in its own body', () => {
    expect(
      codeOf('WITH c AS (SELECT 1 AS x) SELECT * FROM (WITH c AS (SELECT x + 1 AS x FROM c) SELECT * FROM c) s, c'),
    ).toBe('OK');
  });

  it('shadows a catalog name only inside the CTE scope (corpus 131)', () => {
    expect(codeOf('WITH pg_namespace AS (SELECT 1 AS x) SELECT x FROM pg_namespace')).toBe('OK');
    expect(codeOf('SELECT * FROM (WITH pg_namespace AS (SELECT 1 AS x) SELECT x FROM pg_namespace) s')).toBe('OK');
  });
});

describe('relations and identifiers', () => {
  it('treats quoted identifiers as case-sensitive, exactly like PostgreSQL', () => {
    const r = refused('SELECT * FROM "TB_CONTATO"');
    expect(r.code).toBe('SQL_UNKNOWN_RELATION');
    expect(r.message).toContain('"TB_CONTATO"');
    expect(codeOf('SELECT * FROM "tb_contato"')).toBe('OK');
    expect(codeOf('SELECT * FROM TB_CONTATO')).toBe('OK'); // unquoted folds to lower case
  });

  it('decodes U& identifiers before deciding', () => {
    const r = check('SELECT * FROM U&"tb\\005fcontato"');
    expect(r.ok && r.relations).toEqual(['tb_contato']);
    expect(codeOf('SELECT * FROM U&"!0070g!005fclass" UESCAPE \'!\'')).toBe('SQL_SYSTEM_CATALOG');
    expect(codeOf('SELECT U&"pg\\005fsleep"(1)')).toBe('SQL_FORBIDDEN_FUNCTION');
  });

  it('refuses unknown tables, other tenants and catalogs', () => {
    expect(codeOf('SELECT * FROM tb_x_of_other_tenant')).toBe('SQL_UNKNOWN_RELATION');
    expect(codeOf('SELECT * FROM pg_roles')).toBe('SQL_SYSTEM_CATALOG');
    expect(codeOf('SELECT * FROM information_schema.tables')).toBe('SQL_SYSTEM_CATALOG');
    expect(codeOf('SELECT * FROM tables')).toBe('SQL_UNKNOWN_RELATION');
    expect(codeOf('SELECT * FROM pg_temp.x')).toBe('SQL_SYSTEM_CATALOG');
    expect(codeOf('SELECT * FROM public.tb_contato')).toBe('SQL_FOREIGN_SCHEMA');
    expect(codeOf('SELECT * FROM tenant_acme.tb_contato')).toBe('SQL_FOREIGN_SCHEMA'); // even its own schema
    // a tenant relation named like a catalog never passes: pg_catalog is searched first
    expect(v.validate('SELECT * FROM pg_x', { allowedRelations: new Set(['pg_x']) })).toMatchObject({
      code: 'SQL_SYSTEM_CATALOG',
    });
  });

  it('refuses column references with a schema part', () => {
    expect(codeOf('SELECT tenant_globex.tb_contato.email FROM tb_contato')).toBe('SQL_FOREIGN_SCHEMA');
    expect(codeOf('SELECT pg_catalog.pg_class.relname FROM tb_contato')).toBe('SQL_SYSTEM_CATALOG');
    expect(codeOf('SELECT crm.tenant_acme.tb_contato.email FROM tb_contato')).toBe('SQL_FOREIGN_SCHEMA');
    expect(codeOf('SELECT c.email, c.*, (c.dados).x, ctid, xmin FROM tb_contato c')).toBe('OK');
  });

  it('checks relations in every FROM position', () => {
    for (const sql of [
      'SELECT * FROM tb_contato JOIN pg_authid ON true',
      'SELECT * FROM tb_contato WHERE id IN (SELECT oid FROM pg_authid)',
      'SELECT (SELECT count(*) FROM pg_authid)',
      'SELECT * FROM tb_contato c, LATERAL (SELECT * FROM pg_authid) x',
      'SELECT * FROM pg_authid TABLESAMPLE SYSTEM (1)',
      'SELECT ARRAY(SELECT rolname FROM pg_authid)',
      'SELECT 1 ORDER BY (SELECT 1 FROM pg_authid)',
      'SELECT json_array(SELECT 1 FROM pg_authid)',
    ]) {
      expect([sql, codeOf(sql)]).toEqual([sql, 'SQL_SYSTEM_CATALOG']);
    }
  });
});

describe('literals and comments are read as PostgreSQL reads them', () => {
  it('dollar-quoted strings hide nothing', () => {
    expect(codeOf('SELECT $$; DELETE FROM tb_contato; $$ AS t')).toBe('OK');
    expect(codeOf('SELECT $tag$ $$ ; DROP TABLE x $tag$')).toBe('OK');
    expect(codeOf('SELECT $a$x$a$; DELETE FROM tb_contato')).toBe('SQL_MULTIPLE_STATEMENTS');
  });

  it("E'' strings honour backslash escapes, standard strings do not", () => {
    expect(codeOf("SELECT E'x\\'; DELETE FROM tb_contato; --'")).toBe('OK'); // one literal
    expect(codeOf("SELECT 'x\\'; DELETE FROM tb_contato; --'")).toBe('SQL_MULTIPLE_STATEMENTS');
    expect(codeOf("SELECT E'\\\\'; DELETE FROM tb_contato")).toBe('SQL_MULTIPLE_STATEMENTS');
    expect(codeOf("SELECT 'it''s', U&'d\\0061t\\+000061', B'101', X'ff'")).toBe('OK');
  });

  it('nested comments are tracked', () => {
    expect(codeOf('SELECT 1 /* a /* b */ ; DELETE FROM tb_contato */')).toBe('OK');
    expect(codeOf('SELECT 1 /* a /* b */ */ ; DELETE FROM tb_contato')).toBe('SQL_MULTIPLE_STATEMENTS');
  });
});

describe('functions', () => {
  it.each([
    ['ORDER BY', 'SELECT id FROM tb_contato ORDER BY pg_sleep(1)'],
    ['GROUP BY', 'SELECT 1 FROM tb_contato GROUP BY pg_backend_pid()'],
    ['HAVING', 'SELECT 1 FROM tb_contato HAVING count(*) > pg_backend_pid()'],
    ['window PARTITION BY', "SELECT sum(id) OVER (PARTITION BY current_setting('role')) FROM tb_contato"],
    ['named WINDOW', 'SELECT sum(id) OVER w FROM tb_contato WINDOW w AS (ORDER BY txid_current())'],
    ['window frame offset', 'SELECT sum(id) OVER (ORDER BY id ROWS pg_backend_pid() PRECEDING) FROM tb_contato'],
    ['FILTER', 'SELECT count(*) FILTER (WHERE pg_sleep(1) IS NULL) FROM tb_contato'],
    ['aggregate ORDER BY', "SELECT string_agg(nome, ',' ORDER BY pg_backend_pid()) FROM tb_contato"],
    ['WITHIN GROUP', 'SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY random() + pg_backend_pid()) FROM tb_contato'],
    ['LIMIT', 'SELECT 1 LIMIT (SELECT pg_backend_pid())'],
    ['OFFSET', 'SELECT 1 OFFSET pg_backend_pid()'],
    ['DISTINCT ON', 'SELECT DISTINCT ON (pg_backend_pid()) 1'],
    ['JOIN ON', 'SELECT 1 FROM tb_contato a JOIN tb_contato b ON pg_sleep(1) IS NULL'],
    ['VALUES', 'VALUES (pg_sleep(1))'],
    ['CASE', 'SELECT CASE WHEN true THEN 1 ELSE pg_sleep(1)::int END'],
    ['COALESCE', 'SELECT coalesce(null, pg_sleep(1))'],
    ['GREATEST', 'SELECT greatest(1, pg_backend_pid())'],
    ['ARRAY[]', 'SELECT ARRAY[pg_backend_pid()]'],
    ['ROW()', 'SELECT ROW(1, pg_backend_pid())'],
    ['IN list', 'SELECT 1 WHERE 1 IN (2, pg_backend_pid())'],
    ['BETWEEN', 'SELECT 1 WHERE 1 BETWEEN 0 AND pg_backend_pid()'],
    ['subscript', 'SELECT (ARRAY[1])[pg_backend_pid()]'],
    ['cast argument', 'SELECT pg_backend_pid()::text'],
    ['COLLATE', 'SELECT version() COLLATE "C"'],
    ['named argument', 'SELECT make_interval(days => pg_backend_pid())'],
    ['FROM function argument', 'SELECT * FROM generate_series(1, pg_backend_pid())'],
    ['ROWS FROM', 'SELECT * FROM ROWS FROM (generate_series(1, 2), pg_ls_waldir())'],
    ['TABLESAMPLE argument', 'SELECT * FROM tb_contato TABLESAMPLE BERNOULLI (pg_backend_pid())'],
    ['GROUPING SETS', 'SELECT 1 FROM tb_contato GROUP BY GROUPING SETS ((pg_backend_pid()), ())'],
    ['SQL/JSON', "SELECT json_value('{}', '$.a' DEFAULT pg_backend_pid() ON EMPTY)"],
    [
      'nested sublinks',
      'SELECT * FROM tb_contato WHERE id IN (SELECT contato_id FROM tb_oportunidade WHERE EXISTS ' +
        '(SELECT 1 FROM tb_atividade WHERE valor > ALL (SELECT lo_import(\'/etc/passwd\')::int)))',
    ],
  ])('finds a forbidden function in %s', (_where, sql) => {
    expect(codeOf(sql)).toBe('SQL_FORBIDDEN_FUNCTION');
  });

  it.each([
    'current_user', 'session_user', 'current_role', 'user', 'current_schema', 'current_catalog', 'system_user',
  ])('refuses the identity value function %s', (fn) => {
    expect(codeOf(`SELECT ${fn}`)).toBe('SQL_FORBIDDEN_FUNCTION');
  });

  it('accepts the clock value functions', () => {
    expect(
      codeOf('SELECT current_date, current_time, current_time(3), current_timestamp(0), localtime, localtimestamp'),
    ).toBe('OK');
  });

  it('accepts grammar-built pg_catalog functions and refuses hand-qualified ones', () => {
    expect(
      codeOf(
        "SELECT extract(epoch FROM now()), substring('abc' FROM 2 FOR 1), trim(both ' ' FROM ' x '), " +
          "position('b' IN 'abc'), overlay('abc' PLACING 'x' FROM 2), now() AT TIME ZONE 'UTC', " +
          "'a' LIKE 'a' ESCAPE '!', 'a' SIMILAR TO 'a', normalize('a'), 'a' IS NORMALIZED, " +
          '(now(), now()) OVERLAPS (now(), now())',
      ),
    ).toBe('OK');
    expect(codeOf("SELECT pg_catalog.lower('A')")).toBe('SQL_SYSTEM_CATALOG');
    expect(codeOf('SELECT pg_catalog.pg_sleep(1)')).toBe('SQL_FORBIDDEN_FUNCTION');
    expect(codeOf("SELECT public.lower('A')")).toBe('SQL_FOREIGN_SCHEMA');
    expect(codeOf("SELECT tenant_globex.fn('A')")).toBe('SQL_FOREIGN_SCHEMA');
    expect(codeOf("SELECT information_schema._pg_truetypid(1, 2)")).toBe('SQL_SYSTEM_CATALOG');
    expect(codeOf('SELECT collation for (1)')).toBe('SQL_FORBIDDEN_FUNCTION');
  });

  it('refuses XML constructs', () => {
    for (const sql of [
      "SELECT xmlparse(document '<x/>')",
      'SELECT xmlelement(name a)',
      "SELECT xmlserialize(content 'x' AS text)",
      "SELECT * FROM xmltable('/a' PASSING '<a/>' COLUMNS a int)",
      "SELECT xmlagg('x')",
      "SELECT table_to_xml('tb_contato', true, false, '')",
    ]) {
      expect([sql, codeOf(sql)]).toEqual([sql, 'SQL_FORBIDDEN_FUNCTION']);
    }
  });

  it('accepts SQL/JSON constructors and query functions', () => {
    expect(
      codeOf(
        "SELECT json_object('a': 1), json_array(1, 2), json_objectagg(k: v), json_arrayagg(v ORDER BY v), " +
          "x IS JSON OBJECT, json_value(x, '$.a' RETURNING int DEFAULT 0 ON EMPTY), " +
          "json_query(x, '$.a' WITH WRAPPER), json_exists(x, '$.a' PASSING 1 AS y), json('{}'), json_scalar(1), " +
          "json_serialize(x RETURNING text) FROM (VALUES ('{}'::jsonb, 'k', 1)) t(x, k, v)",
      ),
    ).toBe('OK');
  });

  it('accepts functions in FROM with ordinality and column definition lists', () => {
    expect(
      codeOf(
        "SELECT * FROM unnest(ARRAY[1, 2]) WITH ORDINALITY AS t(a, n), jsonb_to_recordset('[]') AS r(a int, b text), " +
          "ROWS FROM (generate_series(1, 2), unnest(ARRAY['a'])) AS z(x, y), LATERAL jsonb_each('{}') e",
      ),
    ).toBe('OK');
    expect(codeOf("SELECT * FROM jsonb_to_record('{}') AS r(a regclass)")).toBe('SQL_FORBIDDEN_CAST');
  });
});

describe('casts, operators, parameters and other constructs', () => {
  it.each([
    "'pg_class'::regclass",
    "'now'::regproc",
    "'public'::regnamespace",
    "'postgres'::regrole",
    "'int'::regtype",
    "'simple'::regconfig",
    "'simple'::regdictionary",
    "CAST('x' AS regprocedure)",
    "'x'::pg_catalog.regclass",
    "'{pg_class}'::regclass[]",
    "'{pg_class}'::_regclass",
    "'<x/>'::xml",
    "'=r/x'::aclitem",
    "'x'::cstring",
  ])('refuses the cast %s', (expr) => {
    expect(codeOf(`SELECT ${expr}`)).toBe('SQL_FORBIDDEN_CAST');
  });

  it('accepts ordinary casts, typed literals and oid', () => {
    expect(
      codeOf(
        "SELECT 1::int, '1'::numeric(14,2), CAST('2024-01-01' AS date), DATE '2024-01-01', interval '1' day, " +
          "'a'::varchar(10), '{1}'::int[], '{}'::jsonb, 1::double precision, now()::timestamp with time zone, " +
          "'00000000-0000-0000-0000-000000000000'::uuid, 12::oid, 'a b'::tsvector",
      ),
    ).toBe('OK');
    expect(codeOf('SELECT 1::tenant_globex.meu_tipo')).toBe('SQL_FOREIGN_SCHEMA');
  });

  it('allows operators from the list only, never schema-qualified', () => {
    expect(
      codeOf(
        "SELECT 1 + 2 * 3 / 4 % 5 ^ 2, 'a' || 'b', 'a' ~* 'A', '{\"a\":1}'::jsonb ->> 'a', '{}'::jsonb @> '{}', " +
          "ARRAY[1] && ARRAY[1], -1, @ -2, |/ 4, 'a' ^@ 'a', 'x'::tsvector @@ 'x'::tsquery, 1 <> ALL (ARRAY[2])",
      ),
    ).toBe('OK');
    expect(codeOf('SELECT 1 OPERATOR(pg_catalog.+) 2')).toBe('SQL_SYSTEM_CATALOG');
    expect(codeOf('SELECT 1 OPERATOR(public.+) 2')).toBe('SQL_FOREIGN_SCHEMA');
    const r = refused('SELECT 1 <=> 2');
    expect(r.code).toBe('SQL_FORBIDDEN_OPERATOR');
    expect(r.subject).toBe('<=>');
    expect(codeOf('SELECT 1 ORDER BY 1 USING ~<~')).toBe('SQL_FORBIDDEN_OPERATOR');
    expect(codeOf('SELECT 1 WHERE 1 ===> ANY (ARRAY[1])')).toBe('SQL_FORBIDDEN_OPERATOR');
  });

  it('refuses parameters unless the option allows them', async () => {
    const r = refused('SELECT * FROM tb_contato WHERE id = $1');
    expect(r.code).toBe('SQL_PARAMETER_NOT_ALLOWED');
    expect(r.subject).toBe('$1');
    const withParams = await SqlValidator.create({ allowParameters: true });
    expect(withParams.validate('SELECT * FROM tb_contato WHERE id = $1 AND nome = $2', ctx).ok).toBe(true);
  });

  it('handles TABLESAMPLE, collations and set-returning functions deliberately', () => {
    expect(codeOf('SELECT * FROM tb_contato TABLESAMPLE BERNOULLI (10) REPEATABLE (1)')).toBe('OK');
    expect(codeOf('SELECT * FROM tb_contato TABLESAMPLE system_rows (10)')).toBe('SQL_UNSUPPORTED_CONSTRUCT');
    expect(codeOf('SELECT nome COLLATE "C" FROM tb_contato ORDER BY nome COLLATE "pt-BR-x-icu"')).toBe('OK');
    expect(codeOf('SELECT nome COLLATE pg_catalog."C" FROM tb_contato')).toBe('SQL_SYSTEM_CATALOG');
    expect(codeOf("SELECT * FROM regexp_matches('a', 'a') m, generate_series(1, 3) g")).toBe('OK');
  });

  it('accepts the usual query shapes', () => {
    for (const sql of [
      'SELECT DISTINCT etapa FROM tb_oportunidade',
      'SELECT * FROM tb_contato NATURAL LEFT JOIN tb_empresa',
      'SELECT * FROM tb_contato c FULL JOIN tb_empresa e USING (id) AS j',
      'SELECT * FROM tb_contato ORDER BY nome NULLS FIRST OFFSET 5 ROWS FETCH FIRST 10 ROWS WITH TIES',
      'SELECT etapa FROM tb_oportunidade GROUP BY DISTINCT CUBE (etapa, status), ROLLUP (valor)',
      'SELECT 1 WHERE NOT (true IS NOT FALSE) AND null IS UNKNOWN AND 1 IS DISTINCT FROM 2',
      "SELECT 'a' NOT ILIKE 'b', 'a' NOT SIMILAR TO 'b', 1 NOT BETWEEN SYMMETRIC 2 AND 0",
      'SELECT (1, 2) = (SELECT 1, 2), (1, 2) < (3, 4), nullif(1, 2), least(1, 2)',
      "SELECT count(*) FROM tb_contato WHERE tags @> ARRAY['x'] AND dados ? 'k' AND dados ?| ARRAY['a']",
      'SELECT grouping(etapa) FROM tb_oportunidade GROUP BY etapa',
      'SELECT sum(valor) OVER (ORDER BY criado_em RANGE BETWEEN INTERVAL \'1 day\' PRECEDING AND CURRENT ROW ' +
        'EXCLUDE TIES) FROM tb_oportunidade',
      'SELECT id FROM tb_contato UNION SELECT id FROM tb_empresa EXCEPT ALL SELECT 1',
      "SELECT concat(VARIADIC ARRAY['a', 'b']), format('%s-%I', 1, 'x'), row_to_json(c) FROM tb_contato c",
    ]) {
      expect([sql, codeOf(sql)]).toEqual([sql, 'OK']);
    }
  });

  it('refuses what it does not model (fail closed)', () => {
    expect(codeOf("SELECT * FROM json_table('{}', '$' COLUMNS (a int))")).toBe('SQL_UNSUPPORTED_CONSTRUCT');
    const r = refused("SELECT * FROM json_table('{}', '$' COLUMNS (a int))");
    expect(r.message).toContain('JsonTable');
  });

  it('refuses trees deeper than the limit without exhausting the stack', async () => {
    const deep = `SELECT ${Array.from({ length: 3000 }, () => '1').join(' + ')}`;
    expect(codeOf(deep)).toBe('SQL_TOO_COMPLEX');
    const shallow = await SqlValidator.create({ maxDepth: 20 });
    const nested = 'SELECT ' + '(SELECT '.repeat(30) + '1' + ')'.repeat(30);
    expect(shallow.validate(nested, ctx)).toMatchObject({ ok: false, code: 'SQL_TOO_COMPLEX' });
    // the grammar's own stack limit (unreachable under the default 20,000-character cap)
    expect(codeOf(`SELECT ${'('.repeat(9000)}1${')'.repeat(9000)}`)).toBe('OK');
    const roomy = await SqlValidator.create({ maxLength: 100_000 });
    const parens = `SELECT ${'('.repeat(20_000)}1${')'.repeat(20_000)}`;
    expect(roomy.validate(parens, ctx)).toMatchObject({ ok: false, code: 'SQL_TOO_COMPLEX' });
  });
});

describe('parser resilience', () => {
  // ~10,000 chained terms fit under the length cap and overflow the native stack while libpg-query serialises the
  // tree: with the package's single instance, a few dozen of these corrupt it for every later query.
  const overflow = `SELECT ${Array.from({ length: 9_990 }, () => '1').join('+')}`;

  it('survives repeated stack-overflowing inputs: each refused, the instance replaced, legit queries unaffected', async () => {
    const parser = await sharedWasmParser();
    const before = parser.retired;
    for (let i = 0; i < 60; i++) {
      expect(codeOf(overflow)).toBe('SQL_TOO_COMPLEX');
      await parser.ready();
      expect(codeOf(legit[4].sql)).toBe('OK');
    }
    expect(parser.retired).toBeGreaterThan(before);
    for (const l of legit) expect(codeOf(l.sql)).toBe('OK');
  }, 120_000);

  it('fails closed while no instance is ready, then recovers', async () => {
    const parser = await sharedWasmParser();
    await parser.ready();
    const codes = [codeOf(overflow), codeOf(overflow), codeOf('SELECT 1')];
    expect(codes[0]).toBe('SQL_TOO_COMPLEX');
    expect(['SQL_TOO_COMPLEX', 'SQL_PARSER_UNAVAILABLE']).toContain(codes[1]);
    expect(['OK', 'SQL_PARSER_UNAVAILABLE']).toContain(codes[2]);
    await parser.ready();
    expect(codeOf('SELECT 1')).toBe('OK');
    expect(refused('SELECT pg_sleep(1)').code).toBe('SQL_FORBIDDEN_FUNCTION');
  }, 60_000);
});

describe('allow-list hygiene', () => {
  const DANGEROUS = [
    /^set_config$/, /^current_setting$/, /_to_xml/, /^xml/, /^xpath/, /^ts_stat$/, /^ts_rewrite$/, /^pg_sleep/,
    /^pg_notify$/, /^lo_/, /^pg_advisory/, /^pg_try_advisory/, /^pg_logical_emit_message$/, /^txid_current/,
    /^pg_current_xact_id/, /^pg_read_.*file$/, /^pg_ls_/, /^pg_terminate_backend$/, /^pg_cancel_backend$/,
    /^dblink/, /^version$/, /^inet_/, /^pg_reload_conf$/, /^pg_stat_/, /^has_.*_privilege$/, /^to_reg/,
    /^pg_get_.*def$/, /^nextval$/, /^setval$/, /^currval$/, /^lastval$/, /^setseed$/, /^current_database$/,
    /^current_schemas?$/, /^current_user$/, /^session_user$/, /^pg_backend_pid$/, /^pg_postmaster_start_time$/,
    /^pg_.*relation_size$/, /^pg_column_size$/, /^query_to/, /^cursor_to/, /^pg_export_snapshot$/,
    /^pg_switch_wal$/, /^pg_create_/, /^pg_drop_/, /^pg_file_/, /^system_user$/, /^pg_collation_for$/,
    /^format_type$/, /^obj_description$/, /^col_description$/, /^pg_describe_object$/,
  ];

  it('contains none of the dangerous functions', () => {
    const bad = [...ALLOWED_FUNCTIONS].filter((f) => DANGEROUS.some((re) => re.test(f)));
    expect(bad).toEqual([]);
  });

  it('keeps generate_series, format, row_to_json and the reg* types where the brief puts them', () => {
    for (const f of ['generate_series', 'format', 'row_to_json', 'unnest', 'jsonb_array_elements']) {
      expect(ALLOWED_FUNCTIONS.has(f)).toBe(true);
    }
    for (const t of ['regclass', 'regproc', 'regnamespace', 'regrole', 'regtype', 'regconfig', 'regdictionary']) {
      expect(FORBIDDEN_TYPES.has(t)).toBe(true);
    }
    expect(ALLOWED_BINARY_OPERATORS.has('->>')).toBe(true);
  });
});
