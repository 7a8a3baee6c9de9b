import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

import { AREA_ROLES, Role } from '../../core/auth/roles';
import { SessionStore } from '../../core/auth/session-store';
import { I18n } from '../../core/i18n/i18n';
import { MessageKey } from '../../core/i18n/messages.pt-br';
import { AppIcon } from '../../core/icons/app-icons';

interface AdminSection {
  readonly title: MessageKey;
  readonly text: MessageKey;
  readonly icon: AppIcon;
  readonly roles: readonly Role[];
  /** Absent while the section is still being built. */
  readonly path?: string;
}

const SECTIONS: readonly AdminSection[] = [
  {
    title: 'admin.tokens.title',
    text: 'admin.tokens.summary',
    icon: 'key',
    roles: AREA_ROLES.tenantAdmin,
    path: 'tokens',
  },
  {
    title: 'admin.playground.title',
    text: 'admin.playground.summary',
    icon: 'code',
    roles: AREA_ROLES.admin,
    path: 'playground',
  },
  {
    title: 'admin.designer.title',
    text: 'admin.designer.summary',
    icon: 'designer',
    roles: AREA_ROLES.tenantAdmin,
    path: 'designer',
  },
  {
    title: 'admin.tables.title',
    text: 'admin.tables.summary',
    icon: 'table',
    roles: AREA_ROLES.tenantAdmin,
    path: 'tables',
  },
  {
    title: 'admin.users.title',
    text: 'admin.users.summary',
    icon: 'users',
    roles: AREA_ROLES.tenantAdmin,
    path: 'users',
  },
];

/** "Admin": the tenant's configuration pages that the user's role opens. */
@Component({
  selector: 'app-admin-home',
  imports: [RouterLink, MatIcon],
  template: `
    <h1>{{ i18n.t('nav.admin') }}</h1>
    <p class="lead">{{ i18n.t('admin.summary') }}</p>
    <ul class="sections">
      @for (section of sections(); track section.title) {
        <li>
          @if (section.path) {
            <a class="section" [routerLink]="section.path">
              <mat-icon [svgIcon]="section.icon" aria-hidden="true" />
              <span class="text">
                <strong>{{ i18n.t(section.title) }}</strong>
                <span>{{ i18n.t(section.text) }}</span>
              </span>
              <mat-icon svgIcon="chevron-right" aria-hidden="true" />
            </a>
          } @else {
            <div class="section section--soon">
              <mat-icon [svgIcon]="section.icon" aria-hidden="true" />
              <span class="text">
                <strong>{{ i18n.t(section.title) }}</strong>
                <span>{{ i18n.t(section.text) }}</span>
              </span>
              <span class="badge">{{ i18n.t('comingSoon.title') }}</span>
            </div>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0 0 8px;
    }
    .lead {
      margin: 0 0 24px;
      color: var(--mat-sys-on-surface-variant);
    }
    .sections {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(280px, 1fr));
      gap: 12px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .section {
      display: flex;
      align-items: center;
      gap: 16px;
      height: 100%;
      box-sizing: border-box;
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      color: inherit;
      text-decoration: none;
    }
    a.section:hover {
      background: var(--mat-sys-surface-container-low);
    }
    a.section:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
    }
    .section--soon {
      color: var(--mat-sys-on-surface-variant);
    }
    .text {
      display: flex;
      flex: 1;
      flex-direction: column;
      gap: 4px;
    }
    strong {
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface);
    }
    .badge {
      padding: 2px 8px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
      font: var(--mat-sys-label-small);
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminHome {
  protected readonly i18n = inject(I18n);
  private readonly session = inject(SessionStore);
  protected readonly sections = computed(() =>
    SECTIONS.filter((s) => this.session.hasRole(s.roles)),
  );
}
