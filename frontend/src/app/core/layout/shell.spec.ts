import { BreakpointObserver, BreakpointState } from '@angular/cdk/layout';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSidenav } from '@angular/material/sidenav';
import { By } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { BehaviorSubject, map } from 'rxjs';

import { I18n } from '../i18n/i18n';
import { provideAppIcons } from '../icons/app-icons';
import { Shell } from './shell';

@Component({ template: '' })
class EmptyPage {}

describe('Shell', () => {
  let compact: BehaviorSubject<boolean>;
  let fixture: ComponentFixture<Shell>;

  async function render(startCompact: boolean): Promise<void> {
    compact = new BehaviorSubject(startCompact);
    const breakpoints: Partial<BreakpointObserver> = {
      observe: () =>
        compact.pipe(map((matches): BreakpointState => ({ matches, breakpoints: {} }))),
    };
    TestBed.configureTestingModule({
      imports: [Shell],
      providers: [
        provideRouter([{ path: '**', component: EmptyPage }]),
        provideAppIcons(),
        { provide: BreakpointObserver, useValue: breakpoints },
      ],
    });
    fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
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

  it('shows the product name and the navigation in Portuguese', async () => {
    await render(false);
    expect(fixture.nativeElement.querySelector('mat-toolbar').textContent).toContain(
      'CRM Platform',
    );
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
