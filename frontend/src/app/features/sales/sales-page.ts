import { ChangeDetectionStrategy, Component, ErrorHandler, inject } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTabLink, MatTabNav, MatTabNavPanel } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

import { I18n } from '../../core/i18n/i18n';
import { UsersDirectory } from '../../shared/users-directory';
import { PipelineSelection } from './pipeline-selection';

/** "Vendas": the pipeline selector and two views of it, the kanban board and the opportunities grid. */
@Component({
  selector: 'app-sales-page',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatTabNav,
    MatTabLink,
    MatTabNavPanel,
  ],
  providers: [PipelineSelection],
  template: `
    <header class="page-header">
      <h1>{{ i18n.t('nav.sales') }}</h1>
      @if (selection.pipelines().length > 1) {
        <mat-form-field class="pipeline" appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ i18n.t('sales.pipeline') }}</mat-label>
          <mat-select
            data-testid="pipeline-select"
            [value]="selection.pipeline()!.id"
            (valueChange)="selection.select($event)"
          >
            @for (pipeline of selection.pipelines(); track pipeline.id) {
              <mat-option [value]="pipeline.id">{{ pipeline.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      } @else if (selection.pipeline(); as pipeline) {
        <span class="pipeline-name" data-testid="pipeline-name">{{ pipeline.name }}</span>
      }
    </header>
    <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="i18n.t('sales.views')">
      <a
        mat-tab-link
        routerLink="."
        routerLinkActive
        #board="routerLinkActive"
        [routerLinkActiveOptions]="{ exact: true }"
        [active]="board.isActive"
      >
        {{ i18n.t('sales.tab.board') }}
      </a>
      <a
        mat-tab-link
        routerLink="list"
        routerLinkActive
        #list="routerLinkActive"
        [active]="list.isActive"
      >
        {{ i18n.t('sales.tab.list') }}
      </a>
    </nav>
    <mat-tab-nav-panel #panel>
      @if (selection.pipeline()) {
        <router-outlet />
      }
    </mat-tab-nav-panel>
  `,
  styles: `
    .page-header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 24px;
      margin-bottom: 8px;
    }
    h1 {
      margin: 0;
      font: var(--mat-sys-headline-medium);
    }
    .pipeline {
      width: min(320px, 100%);
    }
    .pipeline-name {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-title-medium);
    }
    mat-tab-nav-panel {
      display: block;
      padding-top: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SalesPage {
  protected readonly i18n = inject(I18n);
  protected readonly selection = inject(PipelineSelection);

  constructor() {
    inject(UsersDirectory).load();
    const errors = inject(ErrorHandler);
    this.selection.load().subscribe({ error: (e: unknown) => errors.handleError(e) });
  }
}
