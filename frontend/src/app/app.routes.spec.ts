import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { provideMemoryStorage, signIn } from '../testing/session-fixtures';
import { routes } from './app.routes';
import { Role } from './core/auth/roles';
import { provideI18n } from './core/i18n/provide-i18n';
import { provideAppIcons } from './core/icons/app-icons';
import { NAV_ITEMS } from './core/layout/nav-items';
import { DataGrid } from './shared/data-grid/data-grid';

/** Fits every list and the pipeline board: nothing in them. */
const EMPTY_ANSWER = {
  status: 'ok',
  items: [],
  nextCursor: null,
  tenants: [],
  stages: [],
  totals: { count: 0, sum: 0, weightedSum: 0 },
};

describe('app routes', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideMemoryStorage(),
        provideI18n(),
        provideAppIcons(),
      ],
    });
    // Routing is what is checked here: the grid (AG Grid is slow to start in jsdom) stays empty.
    TestBed.overrideComponent(DataGrid, { set: { template: '', imports: [] } });
    http = TestBed.inject(HttpTestingController);
  });

  const url = () => TestBed.inject(Router).url;
  const heading = (harness: RouterTestingHarness) =>
    harness.routeNativeElement?.querySelector('h1')?.textContent;

  it('sends a visitor who is not signed in to the login page', async () => {
    const harness = await RouterTestingHarness.create('/');
    expect(url()).toBe('/login');
    expect(heading(harness)).toBe('Entrar');
    expect(TestBed.inject(Title).getTitle()).toBe('Entrar · CRM Platform');
  });

  it('remembers the page asked for, to return after the login', async () => {
    await RouterTestingHarness.create('/admin/tokens');
    expect(url()).toBe('/login?returnUrl=%2Fadmin%2Ftokens');
  });

  it('opens the lazy home page inside the shell at / once signed in', async () => {
    signIn('tenant_admin');
    const harness = await RouterTestingHarness.create('/');
    http.expectOne('/api/health/ready').flush({ status: 'ok' });
    await harness.fixture.whenStable();

    expect(harness.routeNativeElement?.querySelector('mat-toolbar')).toBeTruthy();
    expect(heading(harness)).toBe('Início');
    expect(TestBed.inject(Title).getTitle()).toBe('Início · CRM Platform');
  });

  it('keeps a signed-in user away from the login page', async () => {
    signIn('sales');
    await RouterTestingHarness.create('/login');
    expect(url()).toBe('/');
  });

  for (const role of ['tenant_admin', 'analyst', 'manager', 'sales', 'platform_admin'] as Role[]) {
    it(`gives every navigation entry that ${role} sees a route of its own`, async () => {
      signIn(role, role === 'platform_admin' ? null : undefined);
      // The pages load their data; an empty answer to everything lets each one settle.
      const answer = setInterval(() => {
        for (const request of http.match(() => true))
          request.flush(request.request.url === '/api/objects' ? [] : EMPTY_ANSWER);
      }, 5);
      try {
        const harness = await RouterTestingHarness.create();
        for (const item of NAV_ITEMS.filter((i) => i.path !== '/' && i.roles.includes(role))) {
          await harness.navigateByUrl(item.path);
          expect(url()).toBe(item.path);
        }
      } finally {
        clearInterval(answer);
      }
    }, 15_000);
  }

  it('turns a salesperson away from Admin and the platform area', async () => {
    signIn('sales');
    const harness = await RouterTestingHarness.create('/admin');
    expect(url()).toBe('/');
    await harness.navigateByUrl('/platform');
    expect(url()).toBe('/');
  });

  it('opens Admin → Tokens de API for a tenant administrator only', async () => {
    signIn('analyst');
    const harness = await RouterTestingHarness.create('/admin');
    expect(heading(harness)).toBe('Admin');
    await harness.navigateByUrl('/admin/tokens');
    expect(url()).toBe('/');
  });

  it('opens Dados: the objects the user may see, each leading to its grid', async () => {
    signIn('sales');
    const harness = await RouterTestingHarness.create('/data');
    http.expectOne('/api/objects').flush([
      {
        id: 'o1',
        apiName: 'tb_contato',
        kind: 'base',
        table: 'tb_contato',
        labelPt: 'Contatos',
        labelEn: 'Contacts',
        createdAt: '2025-01-01T00:00:00Z',
        updatedAt: '2025-01-01T00:00:00Z',
        version: 1,
      },
    ]);
    await harness.fixture.whenStable();

    expect(heading(harness)).toBe('Dados');
    const link = harness.routeNativeElement?.querySelector('[data-testid="object-link"]');
    expect(link?.getAttribute('href')).toBe('/data/tb_contato');
    expect(link?.textContent).toContain('Contatos');
    expect(TestBed.inject(Title).getTitle()).toBe('Dados · CRM Platform');
  });

  it('sends unknown addresses to the home page', async () => {
    signIn('sales');
    const harness = await RouterTestingHarness.create('/nowhere');
    http.expectOne('/api/health/ready').flush({ status: 'ok' });

    expect(url()).toBe('/');
    expect(heading(harness)).toBe('Início');
  });
});
