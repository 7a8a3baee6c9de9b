import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import {
  LIMA,
  MemoryStorage,
  PADARIA,
  provideMemoryStorage,
  sessionDto,
} from '../../../testing/session-fixtures';
import { REFRESH_TOKEN_KEY, SessionStore } from './session-store';

describe('SessionStore', () => {
  let storage: MemoryStorage;
  let http: HttpTestingController;
  let store: SessionStore;

  beforeEach(() => {
    storage = new MemoryStorage();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideMemoryStorage(storage)],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(SessionStore);
  });

  afterEach(() => http.verify());

  it('starts signed out', () => {
    expect(store.signedIn()).toBe(false);
    expect(store.accessToken()).toBeNull();
    expect(store.role()).toBeNull();
  });

  it('logs in: access token in memory, refresh token in storage, user/tenant/role as signals', () => {
    store
      .login({ tenant: 'supermercado_lima', email: 'ana@lima.com.br', password: 'demo1234' })
      .subscribe();
    const request = http.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      tenant: 'supermercado_lima',
      email: 'ana@lima.com.br',
      password: 'demo1234',
    });
    const dto = sessionDto({ role: 'sales' });
    request.flush(dto);

    expect(store.signedIn()).toBe(true);
    expect(store.accessToken()).toBe(dto.accessToken);
    expect(store.tenant()).toEqual(LIMA);
    expect(store.role()).toBe('sales');
    expect(store.hasRole(['sales', 'manager'])).toBe(true);
    expect(store.hasRole(['tenant_admin'])).toBe(false);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe(dto.refreshToken);
    // The access token never goes to storage.
    expect(
      JSON.stringify(
        [...Array(storage.length).keys()].map((i) => storage.getItem(storage.key(i)!)),
      ),
    ).not.toContain(dto.accessToken);
  });

  it('stays signed out when the login fails', () => {
    let failed = false;
    store
      .login({ email: 'ana@lima.com.br', password: 'wrong' })
      .subscribe({ error: () => (failed = true) });
    http.expectOne('/api/auth/login').flush(
      {
        statusCode: 401,
        code: 'INVALID_CREDENTIALS',
        message: 'E-mail, senha ou tenant inválidos.',
      },
      { status: 401, statusText: 'Unauthorized' },
    );

    expect(failed).toBe(true);
    expect(store.signedIn()).toBe(false);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('restores a session after a reload from the stored refresh token, and rotates it', async () => {
    storage.setItem(REFRESH_TOKEN_KEY, 'refresh-from-last-page');
    const restored = store.restore();
    const request = http.expectOne('/api/auth/refresh');
    expect(request.request.body).toEqual({ refreshToken: 'refresh-from-last-page' });
    const dto = sessionDto();
    request.flush(dto);

    expect(await restored).toBe(true);
    expect(store.accessToken()).toBe(dto.accessToken);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe(dto.refreshToken);
  });

  it('restores without a request when there is nothing stored', async () => {
    expect(await store.restore()).toBe(false);
    http.expectNone('/api/auth/refresh');
  });

  it('forgets a refresh token the API refuses', async () => {
    storage.setItem(REFRESH_TOKEN_KEY, 'revoked');
    const restored = store.restore();
    http.expectOne('/api/auth/refresh').flush(
      {
        statusCode: 401,
        code: 'INVALID_REFRESH_TOKEN',
        message: 'Sessão inválida ou expirada. Entre novamente.',
      },
      { status: 401, statusText: 'Unauthorized' },
    );

    expect(await restored).toBe(false);
    expect(store.signedIn()).toBe(false);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('keeps the refresh token when the server cannot be reached, to try again later', async () => {
    storage.setItem(REFRESH_TOKEN_KEY, 'refresh-offline');
    const restored = store.restore();
    http.expectOne('/api/auth/refresh').error(new ProgressEvent('error'));

    expect(await restored).toBe(false);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-offline');
  });

  it('shares one refresh request between concurrent callers (the token rotates)', () => {
    storage.setItem(REFRESH_TOKEN_KEY, 'refresh-1');
    const tokens: string[] = [];
    store.refresh().subscribe((s) => tokens.push(s.accessToken));
    store.refresh().subscribe((s) => tokens.push(s.accessToken));
    expect(store.pendingRefresh()).not.toBeNull();

    const dto = sessionDto();
    http.expectOne('/api/auth/refresh').flush(dto);

    expect(tokens).toEqual([dto.accessToken, dto.accessToken]);
    expect(store.pendingRefresh()).toBeNull();

    // The next renewal is a new request, with the rotated token.
    store.refresh().subscribe();
    expect(http.expectOne('/api/auth/refresh').request.body).toEqual({
      refreshToken: dto.refreshToken,
    });
  });

  it('logs out locally at once and revokes the refresh token on the server', () => {
    store.login({ email: 'a@b.c', password: 'x' }).subscribe();
    const dto = sessionDto();
    http.expectOne('/api/auth/login').flush(dto);

    store.logout();

    expect(store.signedIn()).toBe(false);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    const request = http.expectOne('/api/auth/logout');
    expect(request.request.body).toEqual({ refreshToken: dto.refreshToken });
    request.flush(null, { status: 204, statusText: 'No Content' });
  });

  it('switches tenant: the new session replaces the old one', () => {
    store.login({ email: 'a@b.c', password: 'x' }).subscribe();
    http.expectOne('/api/auth/login').flush(sessionDto());

    store.switchTenant('padaria_central').subscribe();
    const request = http.expectOne('/api/auth/switch-tenant');
    expect(request.request.body).toEqual({ tenant: 'padaria_central' });
    const dto = sessionDto({ tenant: PADARIA });
    request.flush(dto);

    expect(store.tenant()).toEqual(PADARIA);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe(dto.refreshToken);
  });

  it('lists the other tenants of the user for the switch menu', () => {
    store.login({ email: 'a@b.c', password: 'x' }).subscribe();
    http.expectOne('/api/auth/login').flush(sessionDto());

    store.loadMemberships();
    http.expectOne('/api/auth/me').flush({
      user: null,
      apiTokenId: null,
      tenant: LIMA,
      role: 'tenant_admin',
      tenants: [
        { ...LIMA, role: 'tenant_admin' },
        { ...PADARIA, role: 'sales' },
      ],
    });

    expect(store.otherTenants().map((t) => t.slug)).toEqual(['padaria_central']);
  });
});
