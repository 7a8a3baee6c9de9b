import { BreakpointObserver, Breakpoints } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ErrorHandler,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';

import { ROLE_LABELS } from '../auth/roles';
import { SessionStore } from '../auth/session-store';
import { I18n, Language, LANGUAGES } from '../i18n/i18n';
import { NAV_ITEMS } from './nav-items';

/** Below 960px (phones, small tablets) the navigation is an overlay drawer instead of a side panel. */
export const COMPACT_LAYOUT = [Breakpoints.XSmall, Breakpoints.Small];

// Each language is named in itself, so anyone can find their own.
const LANGUAGE_NAMES: Record<Language, string> = { 'pt-BR': 'Português (Brasil)', en: 'English' };

@Component({
  selector: 'app-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbar,
    MatButton,
    MatIconButton,
    MatIcon,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatSidenavContainer,
    MatSidenav,
    MatSidenavContent,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  protected readonly i18n = inject(I18n);
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly errors = inject(ErrorHandler);

  protected readonly languages = LANGUAGES;
  protected readonly languageNames = LANGUAGE_NAMES;

  protected readonly navItems = computed(() =>
    NAV_ITEMS.filter((item) => this.session.hasRole(item.roles)),
  );
  protected readonly tenantName = computed(
    () => this.session.tenant()?.name ?? this.i18n.t('shell.platformSession'),
  );
  protected readonly roleLabel = computed(() => {
    const role = this.session.role();
    return role ? this.i18n.t(ROLE_LABELS[role]) : '';
  });

  // The first value is synchronous, so a phone never renders the desktop layout first.
  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe(COMPACT_LAYOUT)
      .pipe(map((state) => state.matches)),
    { requireSync: true },
  );

  // Remembered separately: closing the drawer on a phone must not hide the panel when the window widens.
  private readonly panelOpen = signal(true);
  private readonly drawerOpen = signal(false);

  protected readonly navMode = computed(() => (this.compact() ? 'over' : 'side'));
  protected readonly navOpened = computed(() =>
    this.compact() ? this.drawerOpen() : this.panelOpen(),
  );

  constructor() {
    if (this.session.tenant()) this.session.loadMemberships();
  }

  protected toggleNav(): void {
    (this.compact() ? this.drawerOpen : this.panelOpen).update((open) => !open);
  }

  /**
   * After a navigation, and when the phone drawer closes itself (backdrop click, Escape).
   * The desktop panel stays as the user left it.
   */
  protected closeDrawer(): void {
    if (this.compact()) {
      this.drawerOpen.set(false);
    }
  }

  protected useLanguage(language: Language): void {
    this.i18n.use(language).catch((error: unknown) => this.errors.handleError(error));
  }

  protected switchTenant(slug: string): void {
    this.session.switchTenant(slug).subscribe({
      // Every page holds data of the tenant it was opened in: start over from the home page.
      next: () => void this.router.navigateByUrl('/'),
      error: (error: unknown) => this.errors.handleError(error),
    });
  }

  protected logout(): void {
    this.session.logout();
    void this.router.navigateByUrl('/login');
  }
}
