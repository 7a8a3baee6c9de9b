import { HttpErrorResponse } from '@angular/common/http';

import { apiErrorOf, hasApiCode } from './api-error';

const BODY = {
  statusCode: 409,
  code: 'VERSION_CONFLICT',
  message: 'O registro foi alterado por outra pessoa; recarregue e tente de novo.',
  details: { currentVersion: 2 },
};
const failure = (error: unknown, status = 409) => new HttpErrorResponse({ error, status });

describe('apiErrorOf', () => {
  it('reads the error shape of a JSON response', () => {
    expect(apiErrorOf(failure(BODY))).toEqual(BODY);
  });

  it('reads it from a text response too (calls that expect 204 read bodies as text)', () => {
    expect(apiErrorOf(failure(JSON.stringify(BODY)))).toEqual(BODY);
    expect(hasApiCode(failure(JSON.stringify(BODY)), 'VERSION_CONFLICT')).toBe(true);
  });

  it('is null for what is not the API speaking: a proxy page, broken JSON, a network error, a plain Error', () => {
    expect(apiErrorOf(failure('<html>502 Bad Gateway</html>', 502))).toBeNull();
    expect(apiErrorOf(failure('{"code": broken', 500))).toBeNull();
    expect(apiErrorOf(failure({ message: 'sem código' }, 500))).toBeNull();
    expect(apiErrorOf(failure(new ProgressEvent('error'), 0))).toBeNull();
    expect(apiErrorOf(new Error('x'))).toBeNull();
  });
});
