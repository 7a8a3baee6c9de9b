import { BreakpointObserver, Breakpoints } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';

import { I18n } from '../i18n/i18n';
import { NAV_ITEMS } from './nav-items';

/** Below 960px (phones, small tablets) the navigation is an overlay drawer instead of a side panel. */
export const COMPACT_LAYOUT = [Breakpoints.XSmall, Breakpoints.Small];

@Component({
  selector: 'app-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbar,
    MatIconButton,
    MatIcon,
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
  protected readonly navItems = NAV_ITEMS;

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
}
