import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { provideAppIcons } from '../../core/icons/app-icons';
import { SessionStore } from '../../core/auth/session-store';
import { PADARIA, provideMemoryStorage, sessionDto } from '../../../testing/session-fixtures';
import { Login } from './login';

@Component({ template: 'destination' })
class Destination {}

describe('Login', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(url = '/login'): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: Login },
          { path: '**', component: Destination },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideMemoryStorage(),
        provideAppIcons(),
      ],
    });
    localStorage.clear();
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create(url);
  }

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const input = (name: string) => page().querySelector(`input[name="${name}"]`) as HTMLInputElement;
  const type = (name: string, value: string) => {
    input(name).value = value;
    input(name).dispatchEvent(new Event('input'));
  };
  async function submit(): Promise<void> {
    (page().querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await harness.fixture.whenStable();
  }
  const alert = () => page().querySelector('[role="alert"]')?.textContent?.trim();

  it('is in Portuguese: tenant, e-mail and password', async () => {
    await open();
    expect(page().querySelector('h1')?.textContent).toBe('Entrar');
    const labels = Array.from(page().querySelectorAll('mat-label')).map((l) =>
      l.textContent?.trim(),
    );
    expect(labels).toEqual(['Tenant', 'E-mail', 'Senha']);
  });

  it('says what is missing instead of calling the API', async () => {
    await open();
    await submit();
    http.expectNone('/api/auth/login');
    expect(page().textContent).toContain('Informe o e-mail.');
    expect(page().textContent).toContain('Informe a senha.');
  });

  it('refuses a malformed tenant identifier before calling the API', async () => {
    await open();
    type('tenant', 'Supermercado Lima');
    type('email', 'ana@lima.com.br');
    type('password', 'demo1234');
    await submit();
    http.expectNone('/api/auth/login');
    expect(page().textContent).toContain('Use de 3 a 40 caracteres');
  });

  it('logs in and opens the console', async () => {
    await open();
    type('tenant', 'supermercado_lima');
    type('email', ' ana@lima.com.br ');
    type('password', 'demo1234');
    await submit();

    const request = http.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({
      tenant: 'supermercado_lima',
      email: 'ana@lima.com.br',
      password: 'demo1234',
    });
    request.flush(sessionDto());
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/');
    expect(TestBed.inject(SessionStore).signedIn()).toBe(true);
  });

  it('goes back to the page that asked for the login', async () => {
    await open('/login?returnUrl=%2Fadmin%2Ftokens');
    type('email', 'ana@lima.com.br');
    type('password', 'demo1234');
    await submit();
    http.expectOne('/api/auth/login').flush(sessionDto());
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/admin/tokens');
  });

  it('never follows a return address outside the console', async () => {
    await open('/login?returnUrl=%2F%2Fevil.example.com');
    type('email', 'ana@lima.com.br');
    type('password', 'demo1234');
    await submit();
    http.expectOne('/api/auth/login').flush(sessionDto());
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('shows the API message when the credentials are wrong', async () => {
    await open();
    type('email', 'ana@lima.com.br');
    type('password', 'wrong');
    await submit();
    http.expectOne('/api/auth/login').flush(
      {
        statusCode: 401,
        code: 'INVALID_CREDENTIALS',
        message: 'E-mail, senha ou tenant inválidos.',
        requestId: 'r1',
      },
      { status: 401, statusText: 'Unauthorized' },
    );
    await harness.fixture.whenStable();

    expect(alert()).toBe('E-mail, senha ou tenant inválidos.');
    expect(TestBed.inject(Router).url).toBe('/login');
  });

  it('says so when the server cannot be reached', async () => {
    await open();
    type('email', 'ana@lima.com.br');
    type('password', 'demo1234');
    await submit();
    http.expectOne('/api/auth/login').error(new ProgressEvent('error'));
    await harness.fixture.whenStable();

    expect(alert()).toContain('Não foi possível falar com o servidor');
  });

  it('lets a user of several tenants pick one, then logs into it', async () => {
    await open();
    type('email', 'consultor@crm.local');
    type('password', 'demo1234');
    await submit();
    http.expectOne('/api/auth/login').flush(
      {
        statusCode: 409,
        code: 'TENANT_CHOICE_REQUIRED',
        message: 'Você participa de mais de um tenant: escolha um.',
        details: {
          tenants: [
            { slug: 'supermercado_lima', name: 'Supermercado Lima', role: 'tenant_admin' },
            { slug: 'padaria_central', name: 'Padaria Central', role: 'sales' },
          ],
        },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await harness.fixture.whenStable();

    const choices = Array.from(
      page().querySelectorAll('[data-testid="tenant-choices"] button'),
    ) as HTMLButtonElement[];
    expect(choices.map((b) => b.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Supermercado Lima Administrador',
      'Padaria Central Vendedor',
    ]);
    expect(alert()).toBeUndefined();

    choices[1].click();
    await harness.fixture.whenStable();
    const retry = http.expectOne('/api/auth/login');
    expect(retry.request.body).toEqual({
      tenant: 'padaria_central',
      email: 'consultor@crm.local',
      password: 'demo1234',
    });
    retry.flush(sessionDto({ tenant: PADARIA, role: 'sales' }));
    await harness.fixture.whenStable();

    expect(TestBed.inject(SessionStore).tenant()?.name).toBe('Padaria Central');
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('sends the platform administrator to the platform area', async () => {
    await open();
    type('email', 'admin@crm.local');
    type('password', 'demo1234');
    await submit();
    http.expectOne('/api/auth/login').flush(sessionDto({ tenant: null, role: 'platform_admin' }));
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/platform');
  });
});
