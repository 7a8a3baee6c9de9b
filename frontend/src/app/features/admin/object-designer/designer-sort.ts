import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';

import { I18n } from '../../../core/i18n/i18n';
import { DesignerStore } from './designer.store';
import { SortDir } from './designer.model';

/** Step 4: the order of the rows (by one output column). */
@Component({
  selector: 'app-designer-sort',
  imports: [MatFormField, MatLabel, MatSelect, MatOption],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ i18n.t('designer.sortBy') }}</mat-label>
      <mat-select
        data-testid="designer-sort"
        [value]="column()"
        (selectionChange)="store.setSort($event.value || null, dir())"
      >
        <mat-option value="">{{ i18n.t('designer.noSort') }}</mat-option>
        @for (name of store.columnNames(); track name) {
          <mat-option [value]="name">{{ name }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ i18n.t('designer.direction') }}</mat-label>
      <mat-select [value]="dir()" [disabled]="!current()" (selectionChange)="setDir($event.value)">
        <mat-option value="asc">{{ i18n.t('designer.asc') }}</mat-option>
        <mat-option value="desc">{{ i18n.t('designer.desc') }}</mat-option>
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DesignerSort {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(DesignerStore);
  protected readonly current = computed(() => this.store.sort().at(0) ?? null);
  protected readonly column = computed(() => this.current()?.column ?? '');
  protected readonly dir = computed<SortDir>(() => this.current()?.dir ?? 'asc');

  protected setDir(dir: SortDir): void {
    const column = this.current()?.column;
    if (column) this.store.setSort(column, dir);
  }
}
