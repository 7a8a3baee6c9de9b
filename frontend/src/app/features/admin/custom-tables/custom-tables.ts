import { ChangeDetectionStrategy, Component, computed, ErrorHandler, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { filter, switchMap } from 'rxjs';

import { ObjectSummaryDto } from '../../../core/api/generated/models/object-summary-dto';
import { I18n } from '../../../core/i18n/i18n';
import { LocalDatePipe } from '../../../core/i18n/locale-format';
import { Confirm } from '../../../shared/confirm-dialog';
import { localLabel } from '../shared/local-label';
import { CustomTablesStore } from './custom-tables.store';
import { TableCreateForm } from './table-create-form';
import { TableFields } from './table-fields';

/** Admin → "Tabelas personalizadas": the tenant's own tables and their fields. */
@Component({
  selector: 'app-custom-tables',
  imports: [MatButton, MatIcon, MatProgressBar, LocalDatePipe, TableCreateForm, TableFields],
  providers: [CustomTablesStore],
  templateUrl: './custom-tables.html',
  styleUrl: './custom-tables.scss',
  host: { class: 'page' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomTables {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(CustomTablesStore);
  private readonly confirm = inject(Confirm);
  private readonly errors = inject(ErrorHandler);

  protected readonly tables = computed(() =>
    this.store
      .tables()
      .map((t) => ({ table: t, label: localLabel(this.i18n, t) }))
      .sort((a, b) => a.label.localeCompare(b.label, this.i18n.locale())),
  );
  protected readonly openLabel = computed(() => {
    const open = this.store.open();
    return open ? localLabel(this.i18n, open) : '';
  });

  constructor() {
    this.store.load().subscribe({ error: (e: unknown) => this.errors.handleError(e) });
  }

  protected openTable(table: ObjectSummaryDto): void {
    this.store
      .select(table.apiName)
      .subscribe({ error: (e: unknown) => this.errors.handleError(e) });
  }

  protected remove(table: ObjectSummaryDto): void {
    const name = localLabel(this.i18n, table);
    this.store
      .removalFacts(table)
      .pipe(
        switchMap(({ records, version }) =>
          this.confirm
            .ask({
              title: this.i18n.t('tables.removeTitle', { name }),
              message: this.i18n.t('tables.removeMessage', {
                name,
                table: table.table ?? table.apiName,
                n: records.toLocaleString(this.i18n.locale()),
              }),
              confirm: this.i18n.t('tables.remove'),
            })
            .pipe(
              filter(Boolean),
              switchMap(() => this.store.deleteTable(table, version)),
            ),
        ),
      )
      .subscribe({ error: (e: unknown) => this.errors.handleError(e) });
  }
}
