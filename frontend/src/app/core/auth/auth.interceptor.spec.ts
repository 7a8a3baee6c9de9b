import {
  HttpClient,
  HttpErrorResponse,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  TestRequest,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

import { provideMemoryStorage, sessionDto, signIn } from '../../../testing/session-fixtures';
import { authInterceptor } from './auth.interceptor';
import { SessionStore } from './session-store';

const expired = {
  statusCode: 401,
  code: 'TOKEN_EXPIRED',
  message: 'Token expirado. Renove a sessão.',
};
const unauthorized = { status: 401, statusText: 'Unauthorized' };

describe('authInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let session: SessionStore;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([{ path: '**', children: [] }]),
        provideMemoryStorage(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    session = TestBed.inject(SessionStore);
    router = TestBed.inject(Router);
  });

  afterEach(() => http.verify());

  const bearer = (request: TestRequest) => request.request.headers.get('Authorization');

  it('adds the access token to API requests', () => {
    const dto = signIn('sales');
    client.get('/api/contacts').subscribe();
    expect(bearer(http.expectOne('/api/contacts'))).toBe(`Bearer ${dto.accessToken}`);
  });

  it('never sends the token outside the API, nor on the credential endpoints', () => {
    signIn('sales');
    client.get('https://example.com/api/contacts').subscribe();
    client.post('/api/auth/refresh', {}).subscribe();
    expect(bearer(http.expectOne('https://example.com/api/contacts'))).toBeNull();
    expect(bearer(http.expectOne('/api/auth/refresh'))).toBeNull();
  });

  it('renews once on 401 TOKEN_EXPIRED and replays the request with the new token', () => {
    signIn('sales');
    let body: unknown;
    client.get('/api/contacts').subscribe((b) => (body = b));

    http.expectOne('/api/contacts').flush(expired, unauthorized);
    const renewed = sessionDto();
    http.expectOne('/api/auth/refresh').flush(renewed);
    const replay = http.expectOne('/api/contacts');
    expect(bearer(replay)).toBe(`Bearer ${renewed.accessToken}`);
    replay.flush({ items: [] });

    expect(body).toEqual({ items: [] });
  });

  it('queues concurrent requests behind one renewal', () => {
    signIn('sales');
    const answers: unknown[] = [];
    client.get('/api/contacts').subscribe((b) => answers.push(b));
    client.get('/api/tokens').subscribe((b) => answers.push(b));
    http.expectOne('/api/contacts').flush(expired, unauthorized);
    http.expectOne('/api/tokens').flush(expired, unauthorized);

    // A request that starts while the renewal is in flight waits for it instead of failing first.
    client.get('/api/auth/me').subscribe((b) => answers.push(b));
    http.expectNone('/api/auth/me');

    const refreshes = http.match('/api/auth/refresh');
    expect(refreshes.length).toBe(1);
    const renewed = sessionDto();
    refreshes[0].flush(renewed);

    for (const url of ['/api/contacts', '/api/tokens', '/api/auth/me']) {
      const replay = http.expectOne(url);
      expect(bearer(replay)).toBe(`Bearer ${renewed.accessToken}`);
      replay.flush(url);
    }
    expect(answers).toEqual(['/api/contacts', '/api/tokens', '/api/auth/me']);
  });

  it('does not renew a second time when the replayed request is refused again', () => {
    signIn('sales');
    let error: HttpErrorResponse | undefined;
    client.get('/api/contacts').subscribe({ error: (e: HttpErrorResponse) => (error = e) });

    http.expectOne('/api/contacts').flush(expired, unauthorized);
    http.expectOne('/api/auth/refresh').flush(sessionDto());
    http.expectOne('/api/contacts').flush(expired, unauthorized);

    http.expectNone('/api/auth/refresh');
    expect(error?.status).toBe(401);
  });

  it('ends the session and opens the login page when the renewal is refused', async () => {
    signIn('sales');
    await router.navigateByUrl('/somewhere');
    const navigate = vi.spyOn(router, 'navigate').mockResolvedValue(true);
    let error: HttpErrorResponse | undefined;
    client.get('/api/contacts').subscribe({ error: (e: HttpErrorResponse) => (error = e) });

    http.expectOne('/api/contacts').flush(expired, unauthorized);
    http.expectOne('/api/auth/refresh').flush(
      {
        statusCode: 401,
        code: 'REFRESH_TOKEN_REUSED',
        message: 'Sessão encerrada por segurança. Entre novamente.',
      },
      unauthorized,
    );

    expect(session.signedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { returnUrl: '/somewhere' } });
    expect(error?.error.code).toBe('REFRESH_TOKEN_REUSED');
  });

  it('keeps the session when the renewal fails for lack of network', () => {
    signIn('sales');
    const navigate = vi.spyOn(router, 'navigate').mockResolvedValue(true);
    let error: HttpErrorResponse | undefined;
    client.get('/api/contacts').subscribe({ error: (e: HttpErrorResponse) => (error = e) });

    http.expectOne('/api/contacts').flush(expired, unauthorized);
    http.expectOne('/api/auth/refresh').error(new ProgressEvent('error'));

    expect(error?.status).toBe(0);
    expect(navigate).not.toHaveBeenCalled();
    // The stored refresh token is still there for the next attempt.
    client.get('/api/contacts').subscribe({ error: () => undefined });
    http.expectOne('/api/contacts').flush(expired, unauthorized);
    http.expectOne('/api/auth/refresh').flush(sessionDto());
    http.expectOne('/api/contacts').flush([]);
  });

  it('ends the session on any other 401 without trying to renew', () => {
    signIn('sales');
    vi.spyOn(router, 'navigate').mockResolvedValue(true);
    client.get('/api/contacts').subscribe({ error: () => undefined });

    http
      .expectOne('/api/contacts')
      .flush({ statusCode: 401, code: 'INVALID_TOKEN', message: 'Token inválido.' }, unauthorized);

    http.expectNone('/api/auth/refresh');
    expect(session.signedIn()).toBe(false);
  });

  it('lets other errors through untouched', () => {
    signIn('sales');
    let status = 0;
    client.get('/api/tokens').subscribe({ error: (e: HttpErrorResponse) => (status = e.status) });
    http.expectOne('/api/tokens').flush(
      {
        statusCode: 403,
        code: 'FORBIDDEN_ROLE',
        message: 'Seu papel não permite esta operação.',
      },
      { status: 403, statusText: 'Forbidden' },
    );

    expect(status).toBe(403);
    expect(session.signedIn()).toBe(true);
    http.expectNone('/api/auth/refresh');
  });
});
