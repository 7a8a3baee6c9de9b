import { BreakpointObserver, BreakpointState } from '@angular/cdk/layout';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSidenav } from '@angular/material/sidenav';
import { By } from '@angular/platform-browser';
import { provideRouter, Router } from '@angular/router';
import { BehaviorSubject, map } from 'rxjs';

import { LIMA, PADARIA, provideMemoryStorage, signIn } from '../../../testing/session-fixtures';
import { Role } from '../auth/roles';
import { SessionStore } from '../auth/session-store';
import { I18n } from '../i18n/i18n';
import { provideAppIcons } from '../icons/app-icons';
import { Shell } from './shell';

@Component({ template: '' })
class EmptyPage {}

describe('Shell', () => {
  let compact: BehaviorSubject<boolean>;
  let fixture: ComponentFixture<Shell>;

  async function render(startCompact: boolean, role: Role = 'tenant_admin'): Promise<void> {
    compact = new BehaviorSubject(startCompact);
    const breakpoints: Partial<BreakpointObserver> = {
      observe: () =>
        compact.pipe(map((matches): BreakpointState => ({ matches, breakpoints: {} }))),
    };
    TestBed.configureTestingModule({
      imports: [Shell],
      providers: [
        provideRouter([{ path: '**', component: EmptyPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideMemoryStorage(),
        provideAppIcons(),
        { provide: BreakpointObserver, useValue: breakpoints },
      ],
    });
    signIn(role, role === 'platform_admin' ? null : LIMA);
    fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
  }

  /** Answers the shell's membership request (made for tenant sessions). */
  async function memberships(tenants = [{ ...LIMA, role: 'tenant_admin' }]): Promise<void> {
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/me')
      .flush({ user: null, apiTokenId: null, tenant: LIMA, role: 'tenant_admin', tenants });
    await fixture.whenStable();
  }

  const text = (selector: string) =>
    (fixture.nativeElement.querySelector(selector) as HTMLElement | null)?.textContent?.trim();

  async function openUserMenu(): Promise<HTMLElement> {
    await click(fixture.nativeElement.querySelector('[data-testid="user-menu"]'));
    return document.querySelector('.mat-mdc-menu-panel') as HTMLElement;
  }

  const sidenav = () =>
    fixture.debugElement.query(By.directive(MatSidenav)).injector.get(MatSidenav);
  const menuButton = () =>
    fixture.nativeElement.querySelector('button[aria-controls="app-nav"]') as HTMLButtonElement;
  const navLinks = () =>
    Array.from(fixture.nativeElement.querySelectorAll('nav a') as NodeListOf<HTMLAnchorElement>);

  async function click(element: HTMLElement): Promise<void> {
    element.click();
    await fixture.whenStable();
  }

  it('shows the product, the tenant and the navigation in Portuguese', async () => {
    await render(false);
    expect(text('mat-toolbar .product')).toBe('CRM Platform');
    expect(text('[data-testid="tenant-name"]')).toBe('Supermercado Lima');
    expect(navLinks().map((a) => a.textContent?.trim())).toEqual([
      'Início',
      'Vendas',
      'Contatos',
      'Empresas',
      'Atividades',
      'Dados',
      'Admin',
    ]);
  });

  it('hides Admin from a salesperson', async () => {
    await render(false, 'sales');
    const labels = navLinks().map((a) => a.textContent?.trim());
    expect(labels).toContain('Vendas');
    expect(labels).not.toContain('Admin');
  });

  it('shows Admin to an analyst (SQL playground)', async () => {
    await render(false, 'analyst');
    expect(navLinks().map((a) => a.textContent?.trim())).toContain('Admin');
  });

  it('gives a platform session the platform area only', async () => {
    await render(false, 'platform_admin');
    expect(text('[data-testid="tenant-name"]')).toBe('Plataforma');
    expect(navLinks().map((a) => a.textContent?.trim())).toEqual(['Início', 'Plataforma']);
    TestBed.inject(HttpTestingController).expectNone('/api/auth/me');
  });

  it('keeps the tenant as the only title on a phone', async () => {
    await render(true);
    expect(fixture.nativeElement.querySelector('mat-toolbar .product')).toBeNull();
    expect(text('[data-testid="tenant-name"]')).toBe('Supermercado Lima');
  });

  it('shows who is signed in, and logs out to the login page', async () => {
    await render(false, 'manager');
    await memberships();
    const menu = await openUserMenu();
    expect(menu.textContent).toContain('Ana Lima');
    expect(menu.textContent).toContain('Gerente · Supermercado Lima');
    expect(menu.textContent).not.toContain('Trocar de tenant');

    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    (menu.querySelector('[data-testid="logout"]') as HTMLButtonElement).click();

    expect(TestBed.inject(SessionStore).signedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith('/login');
    TestBed.inject(HttpTestingController).expectOne('/api/auth/logout').flush(null);
  });

  it('offers the other tenants of the user and switches to the chosen one', async () => {
    await render(false);
    await memberships([
      { ...LIMA, role: 'tenant_admin' },
      { ...PADARIA, role: 'sales' },
    ]);
    const menu = await openUserMenu();
    expect(menu.textContent).toContain('Trocar de tenant');
    const item = Array.from(menu.querySelectorAll('button')).find((b) =>
      b.textContent?.includes('Padaria Central'),
    )!;

    item.click();
    const request = TestBed.inject(HttpTestingController).expectOne('/api/auth/switch-tenant');
    expect(request.request.body).toEqual({ tenant: 'padaria_central' });
  });

  it('keeps the navigation as an open side panel on desktop, collapsible with the menu button', async () => {
    await render(false);
    expect(sidenav().mode).toBe('side');
    expect(sidenav().opened).toBe(true);
    expect(menuButton().getAttribute('aria-expanded')).toBe('true');

    await click(menuButton());
    expect(sidenav().opened).toBe(false);

    // Following a link does not hide the desktop panel.
    await click(menuButton());
    await click(navLinks()[1]);
    expect(sidenav().opened).toBe(true);
  });

  it('turns the navigation into a closed drawer on a phone, opened by the menu button', async () => {
    await render(true);
    expect(sidenav().mode).toBe('over');
    expect(sidenav().opened).toBe(false);
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');

    await click(menuButton());
    expect(sidenav().opened).toBe(true);
    expect(menuButton().getAttribute('aria-expanded')).toBe('true');
  });

  it('closes the phone drawer after choosing a destination', async () => {
    await render(true);
    await click(menuButton());

    await click(navLinks()[1]);
    expect(sidenav().opened).toBe(false);
  });

  it('stays in step when the phone drawer closes itself (backdrop click)', async () => {
    await render(true);
    await click(menuButton());

    await click(fixture.nativeElement.querySelector('.mat-drawer-backdrop'));
    await new Promise((resolve) => setTimeout(resolve)); // the drawer reports closing on a timer
    await fixture.whenStable();
    expect(sidenav().opened).toBe(false);
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');

    await click(menuButton());
    expect(sidenav().opened).toBe(true);
  });

  it('follows the breakpoint when the window changes size', async () => {
    await render(false);

    compact.next(true);
    await fixture.whenStable();
    expect(sidenav().mode).toBe('over');
    expect(sidenav().opened).toBe(false);

    compact.next(false);
    await fixture.whenStable();
    expect(sidenav().mode).toBe('side');
    expect(sidenav().opened).toBe(true);
  });

  it('re-renders its texts when the language changes', async () => {
    await render(false);
    await TestBed.inject(I18n).use('en');
    await fixture.whenStable();
    expect(navLinks()[1].textContent?.trim()).toBe('Sales');
    expect(document.documentElement.lang).toBe('en');
  });
});
