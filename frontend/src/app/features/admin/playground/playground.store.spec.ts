import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { SqlResultDto } from '../../../core/api/generated/models/sql-result-dto';
import { PlaygroundStore } from './playground.store';

const RESULT: SqlResultDto = {
  columns: [
    { name: 'ciclo_vida', type: 'text', typeOid: 25 },
    { name: 'total', type: 'bigint', typeOid: 20 },
  ],
  rows: [
    ['lead', '42'],
    ['cliente', '17'],
  ],
  rowCount: 2,
  truncated: false,
  truncatedBy: null,
  elapsedMs: 3.2,
};

const BAD_SQL = 'SELECT nome FROM tb_contato WHER x';

describe('PlaygroundStore', () => {
  let http: HttpTestingController;
  let store: PlaygroundStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), PlaygroundStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(PlaygroundStore);
  });

  afterEach(() => http.verify());

  const execute = () => http.expectOne({ url: '/api/query/execute', method: 'POST' });

  it('runs the statement on the executor and keeps the result', () => {
    store.run('SELECT 1');
    expect(store.running()).toBe(true);
    const call = execute();
    expect(call.request.body).toEqual({ sql: 'SELECT 1' });
    call.flush(RESULT);
    expect(store.running()).toBe(false);
    expect(store.result()).toEqual(RESULT);
    expect(store.problem()).toBeNull();
  });

  it('does not call the API for a blank editor', () => {
    store.run('  \n ');
    http.expectNone('/api/query/execute');
  });

  it('keeps a syntax error with its code, pt-BR message and position', () => {
    store.run('SELECT 1');
    execute().flush(RESULT);
    store.run(BAD_SQL);
    execute().flush(
      {
        statusCode: 400,
        code: 'SQL_SYNTAX_ERROR',
        message: 'Erro de sintaxe perto de "x" (linha 1, coluna 34).',
        details: { position: { offset: 33, line: 1, column: 34 } },
        requestId: 'r1',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(store.result()).toBeNull();
    expect(store.problem()).toEqual({
      code: 'SQL_SYNTAX_ERROR',
      message: 'Erro de sintaxe perto de "x" (linha 1, coluna 34).',
      position: { offset: 33, line: 1, column: 34 },
      sql: BAD_SQL,
    });
  });

  it('keeps errors without a position (timeout), and network failures as NETWORK', () => {
    store.run('SELECT pg_sleep(10)');
    execute().flush(
      {
        statusCode: 400,
        code: 'SQL_TIMEOUT',
        message: 'A consulta excedeu o limite de 5 s.',
        details: { limitMs: 5000 },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(store.problem()).toMatchObject({ code: 'SQL_TIMEOUT', position: null });

    store.run('SELECT 1');
    execute().error(new ProgressEvent('error'));
    expect(store.problem()).toMatchObject({ code: 'NETWORK', message: null, position: null });
    expect(store.running()).toBe(false);
  });

  it('replaces a run still on the way with the new one', () => {
    store.run('SELECT 1');
    const first = execute();
    store.run('SELECT 2');
    expect(first.cancelled).toBe(true);
    execute().flush(RESULT);
    expect(store.result()).toEqual(RESULT);
  });

  it('saves the statement as a query object', () => {
    store.save({ label: 'Contatos por ciclo', apiName: 'contatos_por_ciclo', sql: 'SELECT 1' });
    expect(store.saving()).toBe(true);
    const call = http.expectOne({ url: '/api/objects', method: 'POST' });
    expect(call.request.body).toEqual({
      kind: 'consulta',
      apiName: 'contatos_por_ciclo',
      labelPt: 'Contatos por ciclo',
      labelEn: 'Contatos por ciclo',
      sql: 'SELECT 1',
    });
    call.flush({ id: 'q1', apiName: 'contatos_por_ciclo', labelPt: 'Contatos por ciclo' });
    expect(store.saving()).toBe(false);
    expect(store.saved()).toMatchObject({ apiName: 'contatos_por_ciclo' });
    expect(store.saveProblem()).toBeNull();
  });

  it('keeps the reason a save was refused (name taken)', () => {
    store.save({ label: 'X', apiName: 'xx', sql: 'SELECT 1' });
    http
      .expectOne({ url: '/api/objects', method: 'POST' })
      .flush(
        { statusCode: 409, code: 'OBJECT_EXISTS', message: 'Já existe um objeto xx.' },
        { status: 409, statusText: 'Conflict' },
      );
    expect(store.saved()).toBeNull();
    expect(store.saveProblem()).toMatchObject({
      code: 'OBJECT_EXISTS',
      message: 'Já existe um objeto xx.',
    });
  });
});
