import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { routes } from './app.routes';
import { provideI18n } from './core/i18n/provide-i18n';
import { provideAppIcons } from './core/icons/app-icons';
import { NAV_ITEMS } from './core/layout/nav-items';

describe('app routes', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
        provideAppIcons(),
      ],
    });
  });

  it('opens the lazy home page inside the shell at /', async () => {
    const harness = await RouterTestingHarness.create('/');
    TestBed.inject(HttpTestingController).expectOne('/api/health/ready').flush({ status: 'ok' });
    await harness.fixture.whenStable();

    expect(harness.routeNativeElement?.querySelector('mat-toolbar')).toBeTruthy();
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('Início');
    expect(TestBed.inject(Title).getTitle()).toBe('Início · CRM Platform');
  });

  it('gives every navigation entry a route of its own', async () => {
    const harness = await RouterTestingHarness.create();
    for (const item of NAV_ITEMS.filter((i) => i.path !== '/')) {
      await harness.navigateByUrl(item.path);
      expect(TestBed.inject(Router).url).toBe(item.path);
    }
  });

  it('shows areas not built yet as "Em breve" under their own name', async () => {
    const harness = await RouterTestingHarness.create('/sales');

    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('Vendas');
    expect(harness.routeNativeElement?.textContent).toContain('Em breve');
    expect(TestBed.inject(Title).getTitle()).toBe('Vendas · CRM Platform');
  });

  it('sends unknown addresses to the home page', async () => {
    const harness = await RouterTestingHarness.create('/nowhere');
    TestBed.inject(HttpTestingController).expectOne('/api/health/ready').flush({ status: 'ok' });

    expect(TestBed.inject(Router).url).toBe('/');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('Início');
  });
});
