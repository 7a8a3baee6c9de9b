import { mapSqlError } from './sql-errors';
import { RESULT_TYPES, TypeNames } from './result-types';
import { beginSql } from './read-only-runner';

describe('mapSqlError', () => {
  const limits = { timeoutMs: 5000 };
  const map = (err: object, sql = 'SELECT 1') => mapSqlError(err, sql, limits);

  it('names the limit on a timeout, and never shows the server text for permissions', () => {
    expect(map({ code: '57014', message: 'canceling statement due to statement timeout' })).toMatchObject({
      code: 'SQL_TIMEOUT', status: 400, message: 'A consulta excedeu o limite de 5 s e foi cancelada.', details: { limitMs: 5000 },
    });
    const denied = map({ code: '42501', message: 'permission denied for function pg_sleep' })!;
    expect(denied).toMatchObject({ code: 'SQL_PERMISSION_DENIED', details: { sqlState: '42501' } });
    expect(denied.message).not.toMatch(/pg_sleep/);
  });

  it('turns the server position (1-based code points) into line and column', () => {
    const sql = 'SELECT ção,\n  xyz FROM t';
    const e = map({ code: '42703', message: 'column "xyz" does not exist', position: String(sql.indexOf('xyz') + 1) }, sql)!;
    expect(e).toMatchObject({ code: 'SQL_UNDEFINED_OBJECT', details: { position: { line: 2, column: 3 } } });
    expect(e.message).toBe('column "xyz" does not exist (linha 2, coluna 3)');
    const astral = '/* 😀 */ SELECT nope';
    const cp = [...astral].indexOf('n') + 1; // the server counts characters, not UTF-16 units
    expect(map({ code: '42703', message: 'x', position: String(cp) }, astral)!.details).toMatchObject({ position: { offset: astral.indexOf('nope') } });
  });

  it('maps resource limits, busy roles and user errors; leaves the rest to the global filter', () => {
    expect(map({ code: '53400', message: 'temporary file size exceeds temp_file_limit (65536kB)' })?.code).toBe('SQL_RESOURCE_LIMIT');
    expect(map({ code: '54000', message: 'array size exceeds the maximum allowed (1073741823)' })?.code).toBe('SQL_RESOURCE_LIMIT');
    expect(map({ code: '53300', message: 'too many connections for role' })).toMatchObject({ code: 'SQL_TOO_MANY_QUERIES', status: 429 });
    expect(map({ code: '22012', message: 'division by zero' })).toMatchObject({ code: 'SQL_EXECUTION_ERROR', message: 'Erro ao executar a consulta: division by zero' });
    expect(map({ code: '42601', message: 'cannot insert multiple commands into a prepared statement' })?.code).toBe('SQL_SYNTAX_ERROR');
    expect(map({ code: '08P01', message: 'bind message supplies 1 parameters, but prepared statement "" requires 0' })?.code).toBe('SQL_INVALID_PARAMS');
    expect(map({ code: '08006', message: 'connection failure' })).toBeNull();
    expect(map({ code: 'XX000', message: 'internal' })).toBeNull();
    expect(map(new Error('boom'))).toBeNull();
  });
});

describe('result values and type names', () => {
  const parse = (oid: number, raw: string) => (RESULT_TYPES.getTypeParser as (o: number, f?: string) => (r: string) => unknown)(oid, 'text')(raw);

  it('JSON for booleans, small integers, floats and json; text for bigint, numeric, date and the rest', () => {
    expect(parse(16, 't')).toBe(true);
    expect(parse(23, '42')).toBe(42);
    expect(parse(701, '1.5')).toBe(1.5);
    expect(parse(701, 'NaN')).toBe('NaN');
    expect(parse(701, '-Infinity')).toBe('-Infinity');
    expect(parse(3802, '{"a":[1,2]}')).toEqual({ a: [1, 2] });
    expect(parse(20, '9007199254740993')).toBe('9007199254740993');
    expect(parse(1700, '12345678901234567890.12')).toBe('12345678901234567890.12');
    expect(parse(1082, '2026-03-01')).toBe('2026-03-01');
    expect(parse(1114, '2026-03-01 10:00:00.123456')).toBe('2026-03-01 10:00:00.123456');
    expect(parse(1184, '2026-03-01 10:00:00+00')).toEqual(new Date('2026-03-01T10:00:00Z'));
    expect(parse(1009, '{a,"b c",NULL}')).toEqual(['a', 'b c', null]);
    expect(parse(1231, '{1.10,2}')).toEqual(['1.10', '2']);
    expect(parse(1022, '{1.5,NaN}')).toEqual([1.5, 'NaN']);
    expect(parse(17, '\\x0102')).toBe('\\x0102');
  });

  it('names built-in types statically and looks the others up once', async () => {
    const lookup = jest.fn(async (oids: number[]) => oids.map((oid) => ({ oid, name: `custom_${oid}` })));
    const names = new TypeNames(lookup);
    expect(await names.names([23, 1184, 1009])).toEqual(new Map([[23, 'integer'], [1184, 'timestamp with time zone'], [1009, 'text[]']]));
    expect(lookup).not.toHaveBeenCalled();
    expect((await names.names([90001, 90001, 25])).get(90001)).toBe('custom_90001');
    await names.names([90001]);
    expect(lookup).toHaveBeenCalledTimes(1);
  });
});

describe('beginSql', () => {
  const session = { tenantId: '0b7c2c1e-1d2e-4f5a-9b8c-7d6e5f4a3b2c', userId: null, role: 'analyst' as const };

  it('pins a read-only transaction with the request settings and takes the first snapshot', () => {
    expect(beginSql(session, 5000)).toBe(
      "BEGIN TRANSACTION READ ONLY; SET LOCAL statement_timeout = 5000; SET LOCAL app.tenant_id = '0b7c2c1e-1d2e-4f5a-9b8c-7d6e5f4a3b2c'; " +
        "SET LOCAL app.user_id = ''; SET LOCAL app.role = 'analyst'; SELECT 1",
    );
  });

  it('refuses values of the wrong shape instead of embedding them', () => {
    expect(() => beginSql({ ...session, tenantId: "x'; DROP" }, 5000)).toThrow(/tenant/);
    expect(() => beginSql({ ...session, userId: "1' OR '1" }, 5000)).toThrow(/user/);
    expect(() => beginSql({ ...session, role: 'superuser' as never }, 5000)).toThrow(/role/);
    expect(() => beginSql(session, 1.5)).toThrow(/timeout/);
  });
});
