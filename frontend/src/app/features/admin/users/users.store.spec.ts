import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { TenantUserDto } from '../../../core/api/generated/models/tenant-user-dto';
import { userErrorKey, UsersStore } from './users.store';

const user = (name: string, extra: Partial<TenantUserDto> = {}): TenantUserDto => ({
  id: `u-${name}`,
  name,
  email: `${name.toLowerCase()}@lima.com.br`,
  role: 'sales',
  teamId: null,
  jobTitle: null,
  phone: null,
  timeZone: null,
  language: 'pt-BR',
  active: true,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...extra,
});
const ANA = user('Ana', { role: 'tenant_admin' });
const BRUNO = user('Bruno', { teamId: 't1' });
const TEAM = {
  id: 't1',
  name: 'Loja Centro',
  active: true,
  description: null,
  managerId: null,
  memberIds: [BRUNO.id],
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  deletedAt: null,
};

describe('UsersStore', () => {
  let http: HttpTestingController;
  let store: UsersStore;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), UsersStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(UsersStore);
    const loaded = firstValueFrom(store.load());
    expect(store.loading()).toBe(true);
    http
      .expectOne(
        (r) =>
          r.url === '/api/users' &&
          r.params.get('limit') === '200' &&
          r.params.get('sort') === 'name',
      )
      .flush({ items: [ANA, BRUNO], nextCursor: null });
    http
      .expectOne((r) => r.url === '/api/teams' && r.params.get('active') === 'true')
      .flush({ items: [TEAM], nextCursor: null });
    await loaded;
  });

  afterEach(() => http.verify());

  it('loads users and teams', () => {
    expect(store.loading()).toBe(false);
    expect(store.users().map((u) => u.name)).toEqual(['Ana', 'Bruno']);
    expect(store.teamName('t1')).toBe('Loja Centro');
    expect(store.teamName(null)).toBe('');
    expect(store.activeAdmins()).toBe(1);
  });

  it('invites a user and keeps the list in name order', async () => {
    const invited = firstValueFrom(
      store.invite({ name: 'Aline', email: 'aline@lima.com.br', role: 'sales' }),
    );
    const request = http.expectOne({ url: '/api/users', method: 'POST' });
    expect(request.request.body).toEqual({
      name: 'Aline',
      email: 'aline@lima.com.br',
      role: 'sales',
    });
    request.flush(
      { user: user('Aline'), existingAccount: false, temporaryPassword: 'tmp-123' },
      { status: 201, statusText: 'Created' },
    );
    expect((await invited).temporaryPassword).toBe('tmp-123');
    expect(store.users().map((u) => u.name)).toEqual(['Aline', 'Ana', 'Bruno']);
  });

  it('changes role and team, and deactivates and reactivates', async () => {
    const updated = firstValueFrom(store.update(BRUNO.id, { role: 'manager', teamId: null }));
    const patch = http.expectOne({ url: `/api/users/${BRUNO.id}`, method: 'PATCH' });
    expect(patch.request.body).toEqual({ role: 'manager', teamId: null });
    patch.flush({ ...BRUNO, role: 'manager', teamId: null });
    await updated;
    expect(store.users()[1].role).toBe('manager');

    const off = firstValueFrom(store.deactivate(BRUNO.id));
    http
      .expectOne({ url: `/api/users/${BRUNO.id}/deactivate`, method: 'POST' })
      .flush({ ...BRUNO, active: false });
    await off;
    expect(store.users()[1].active).toBe(false);

    const on = firstValueFrom(store.reactivate(BRUNO.id));
    http
      .expectOne({ url: `/api/users/${BRUNO.id}/reactivate`, method: 'POST' })
      .flush({ ...BRUNO, active: true });
    await on;
    expect(store.users()[1].active).toBe(true);
  });

  it('keeps the user as is when the API refuses to demote the last administrator', async () => {
    const demote = firstValueFrom(store.update(ANA.id, { role: 'sales' }));
    http.expectOne({ url: `/api/users/${ANA.id}`, method: 'PATCH' }).flush(
      {
        statusCode: 409,
        code: 'LAST_TENANT_ADMIN',
        message: 'Este é o último administrador ativo do tenant: promova outra pessoa antes.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    const error = await demote.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpErrorResponse);
    expect(userErrorKey(error)).toBe('users.error.lastAdmin');
    expect(store.users()[0].role).toBe('tenant_admin');
    expect(userErrorKey(new Error('x'))).toBeNull();
  });

  it('reads the history newest first', async () => {
    const history = firstValueFrom(store.history(BRUNO.id));
    const request = http.expectOne((r) => r.url === `/api/users/${BRUNO.id}/history`);
    expect(request.request.params.get('sort')).toBe('-occurredAt');
    request.flush({
      items: [
        {
          id: 'h1',
          action: 'atualizar',
          field: 'role',
          from: 'sales',
          to: 'manager',
          occurredAt: '2026-01-02T00:00:00Z',
          origin: 'api',
          requestId: null,
          userId: ANA.id,
        },
      ],
      nextCursor: null,
    });
    expect((await history).map((h) => h.field)).toEqual(['role']);
  });
});
