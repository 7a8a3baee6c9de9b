import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDb, TestDb } from './support/test-db';

// The operator CLI as operators run it: the built `backend/dist/cli.js` (npm test builds before running jest).
const CLI = join(__dirname, '..', 'dist', 'cli.js');

describe('operator CLI (built, real PostgreSQL)', () => {
  let db: TestDb;
  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
    db = await createTestDb();
  });
  afterAll(async () => db?.drop());

  const cli = (...args: string[]) => {
    const env = { ...process.env, DATABASE_URL: db.urls.admin, DB_ROLE_PREFIX: db.env.DB_ROLE_PREFIX, NODE_ENV: 'test', LOG_LEVEL: 'silent' };
    const r = spawnSync('node', [CLI, ...args], { env, encoding: 'utf8', timeout: 60_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('creates, lists, migrates and archives tenants with clear messages and exit codes', () => {
    const created = cli('tenant', 'create', 'loja_cli', '--name', 'Loja CLI');
    expect(created).toMatchObject({ code: 0 });
    expect(created.out).toMatch(/Tenant "loja_cli" criado \(schema tenant_loja_cli, versão \d+\)/);

    const again = cli('tenant', 'create', 'loja_cli', '--name', 'Loja CLI');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/Já existe um tenant com o identificador "loja_cli"\. \(TENANT_EXISTS\)/);

    const bad = cli('tenant', 'create', 'Loja-Ruim');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/TENANT_SLUG_INVALID/);

    const list = cli('tenant', 'list');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/loja_cli\s+ativo\s+\d+\s+Loja CLI/);
    expect(list.out).toMatch(/1 tenant\(s\)\./);

    const migrate = cli('tenant', 'migrate');
    expect(migrate.code).toBe(0);
    expect(migrate.out).toMatch(/0 tenant\(s\) migrados para a versão \d+; 0 falha\(s\)\./);

    expect(cli('tenant', 'archive', 'loja_cli')).toMatchObject({ code: 0, out: expect.stringMatching(/arquivado/) });
    expect(cli('tenant', 'list', '--status', 'arquivado').out).toMatch(/loja_cli\s+arquivado/);

    const missing = cli('tenant', 'archive', 'nao_existe');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/TENANT_NOT_FOUND/);
  });

  it('refuses an unknown command and a bad option with a non-zero exit', () => {
    expect(cli('tenant', 'explode').code).not.toBe(0);
    const bad = cli('tenant', 'migrate', '--concurrency', '0');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--concurrency deve ser um inteiro entre 1 e 64/);
  });

  it('stops on a malformed variable, naming it', () => {
    const r = spawnSync('node', [CLI, 'tenant', 'list'], { env: { ...process.env, DATABASE_URL: 'mysql://nope', PORT: 'x' }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(r.stderr).toMatch(/PORT/);
  });
});
