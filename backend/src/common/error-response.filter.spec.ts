import { BadRequestException } from '@nestjs/common';
import { DatabaseError } from 'pg';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { toErrorBody } from './error-response.filter';

const pgError = (code: string, message = 'falhou') => Object.assign(new DatabaseError(message, 0, 'error'), { code });

describe('toErrorBody', () => {
  describe('the database going away is 503 DATABASE_UNAVAILABLE (clients may retry), never 500', () => {
    it.each([
      ['a query runner released after its connection died', new QueryRunnerProviderAlreadyReleasedError()],
      ['COMMIT on a released query runner', new QueryRunnerAlreadyReleasedError()],
      ['terminating connection (admin shutdown)', new QueryFailedError('INSERT', [], pgError('57P01'))],
      ['the database system is starting up', pgError('57P03')],
      ['too many connections', pgError('53300')],
      ['connection exception class 08', pgError('08006')],
      ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
      ['pool acquire timeout', new Error('timeout exceeded when trying to connect')],
      ['connection lost mid-query', new Error('Connection terminated unexpectedly')],
      ['a client that already failed', new Error('Client has encountered a connection error and is not queryable')],
    ])('%s', (_name, err) => {
      expect(toErrorBody(err)).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
    });
  });

  it('maps constraint and concurrency SQLSTATEs to 409 without SQL text', () => {
    const dup = toErrorBody(new QueryFailedError('INSERT INTO tb_contato …', [], pgError('23505', 'duplicate key value violates "uq"')));
    expect(dup).toEqual({ statusCode: 409, code: 'CONFLICT', message: 'O registro já existe.' });
    expect(toErrorBody(pgError('40001')).code).toBe('CONCURRENT_UPDATE');
    expect(toErrorBody(pgError('23503')).code).toBe('REFERENCE_CONFLICT');
  });

  it('hides anything unknown behind INTERNAL_ERROR with no message of its own', () => {
    const body = toErrorBody(new Error('SELECT secret FROM tenant_x.tb_contato failed'));
    expect(body).toMatchObject({ statusCode: 500, code: 'INTERNAL_ERROR' });
    expect(JSON.stringify(body)).not.toMatch(/SELECT|tenant_x/);
  });

  it('turns class-validator messages into field errors', () => {
    const body = toErrorBody(new BadRequestException(['cnpj: CNPJ inválido', 'property tenantId should not exist']));
    expect(body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect((body.details as { fields: unknown[] }).fields).toEqual([
      { field: 'cnpj', message: 'CNPJ inválido' },
      { field: 'tenantId', message: 'campo não permitido' },
    ]);
  });
});
