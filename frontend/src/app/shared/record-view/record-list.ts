import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';

import { AREA_ROLES } from '../../core/auth/roles';
import { SessionStore } from '../../core/auth/session-store';
import { I18n } from '../../core/i18n/i18n';
import { MessageKey } from '../../core/i18n/messages.pt-br';
import { DataGrid } from '../data-grid/data-grid';
import { GridColumn, GridFetch } from '../data-grid/grid-query';

/** A CRM list page: title, "new" button for those who may write, and the records in the grid. */
@Component({
  selector: 'app-record-list',
  imports: [DataGrid, MatAnchor, MatIcon, RouterLink],
  template: `
    <header class="list-header">
      <h1>{{ i18n.t(title()) }}</h1>
      @if (canWrite) {
        <a matButton="filled" [routerLink]="[route(), 'new']" data-testid="new-record">
          <mat-icon svgIcon="add" aria-hidden="true" />
          {{ i18n.t(newLabel()) }}
        </a>
      }
    </header>
    <app-data-grid
      [gridId]="gridId()"
      [label]="i18n.t(title())"
      [columns]="columns()"
      [fetch]="fetch()"
      [searchLabel]="searchLabel()"
      (rowOpen)="open($event)"
    />
  `,
  styles: `
    .list-header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
      margin-bottom: 12px;
    }
    h1 {
      margin: 0;
      font: var(--mat-sys-headline-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordList<T extends { id: string }> {
  protected readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  protected readonly canWrite = inject(SessionStore).hasRole(AREA_ROLES.crmWrite);

  readonly title = input.required<MessageKey>();
  readonly newLabel = input.required<MessageKey>();
  readonly gridId = input.required<string>();
  readonly columns = input.required<readonly GridColumn<T>[]>();
  readonly fetch = input.required<GridFetch<T>>();
  readonly searchLabel = input<MessageKey | null>(null);
  /** Base route of the records: `/contacts` → `/contacts/new`, `/contacts/<id>`. */
  readonly route = input.required<string>();

  protected open(row: T): void {
    void this.router.navigate([this.route(), row.id]);
  }
}
