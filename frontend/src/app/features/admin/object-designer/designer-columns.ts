import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatOption, MatSelect } from '@angular/material/select';

import { I18n } from '../../../core/i18n/i18n';
import { MessageKey } from '../../../core/i18n/messages.pt-br';
import { localLabel } from '../shared/local-label';
import { Aggregate, aggregatesFor } from './designer.model';
import { DesignerStore } from './designer.store';

// Columns nobody wants in a data set.
const HIDDEN_FIELDS = new Set(['tenant_id']);

export const AGGREGATE_LABELS: Record<Aggregate, MessageKey> = {
  count: 'designer.aggregate.count',
  sum: 'designer.aggregate.sum',
  avg: 'designer.aggregate.avg',
  min: 'designer.aggregate.min',
  max: 'designer.aggregate.max',
};

/** Step 2: which fields of each object become columns, and how each is summarised when grouping. */
@Component({
  selector: 'app-designer-columns',
  imports: [MatCheckbox, MatFormField, MatLabel, MatSelect, MatOption, MatIcon, MatIconButton],
  template: `
    @for (source of sources(); track source.ref) {
      <details [open]="$first" class="source">
        <summary>{{ source.label }}</summary>
        <div
          class="fields"
          role="group"
          [attr.aria-label]="i18n.t('designer.fieldsOf', { name: source.label })"
        >
          @for (f of source.fields; track f.apiName) {
            <mat-checkbox
              [checked]="store.isSelected(source.ref, f.apiName)"
              (change)="store.setColumn(source.ref, f.apiName, $event.checked)"
              [attr.data-field]="source.ref + '.' + f.apiName"
            >
              {{ f.label }}
            </mat-checkbox>
          }
        </div>
      </details>
    }
    <mat-checkbox
      [checked]="hasCount()"
      (change)="store.setCount($event.checked)"
      data-testid="designer-count"
    >
      {{ i18n.t('designer.countColumn') }}
    </mat-checkbox>

    <h3>{{ i18n.t('designer.chosen') }}</h3>
    @if (chosen().length) {
      <ol class="chosen" data-testid="designer-chosen">
        @for (c of chosen(); track $index) {
          <li>
            <span class="name">
              <strong>{{ c.label }}</strong>
              <code>{{ c.name }}</code>
            </span>
            @if (c.aggregates.length) {
              <mat-form-field appearance="outline" subscriptSizing="dynamic" class="aggregate">
                <mat-label>{{ i18n.t('designer.summarise') }}</mat-label>
                <mat-select
                  [value]="c.aggregate ?? ''"
                  (selectionChange)="store.setAggregate($index, $event.value || null)"
                >
                  <mat-option value="">{{ i18n.t('designer.aggregate.none') }}</mat-option>
                  @for (a of c.aggregates; track a) {
                    <mat-option [value]="a">{{ i18n.t(aggregateLabels[a]) }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
            }
            <button
              matIconButton
              type="button"
              (click)="remove(c.ref, c.field)"
              [attr.aria-label]="i18n.t('designer.removeColumn', { name: c.label })"
            >
              <mat-icon svgIcon="delete" aria-hidden="true" />
            </button>
          </li>
        }
      </ol>
      @if (grouped()) {
        <p class="hint">{{ i18n.t('designer.groupedHint') }}</p>
      }
    } @else {
      <p class="empty" data-testid="designer-no-columns">{{ i18n.t('designer.noColumns') }}</p>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .source summary {
      cursor: pointer;
      padding: 8px 0;
      font: var(--mat-sys-title-small);
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      max-height: 280px;
      overflow-y: auto;
    }
    h3 {
      margin: 8px 0 0;
      font: var(--mat-sys-title-small);
    }
    .chosen {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .chosen li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .name {
      display: flex;
      flex: 1 1 160px;
      flex-direction: column;
    }
    code {
      font:
        12px ui-monospace,
        Menlo,
        Consolas,
        monospace;
      color: var(--mat-sys-on-surface-variant);
    }
    .aggregate {
      width: 150px;
    }
    .hint {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DesignerColumns {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(DesignerStore);
  protected readonly aggregateLabels = AGGREGATE_LABELS;

  protected readonly sources = computed(() =>
    this.store.sources().map((s) => ({
      ref: s.ref,
      label: localLabel(this.i18n, s.object),
      fields: s.object.fields
        .filter((f) => !HIDDEN_FIELDS.has(f.apiName))
        .map((f) => ({ apiName: f.apiName, label: localLabel(this.i18n, f) })),
    })),
  );

  protected readonly hasCount = computed(() => this.store.columns().some((c) => c.field === '*'));
  protected readonly grouped = computed(() => this.store.columns().some((c) => c.aggregate));

  protected readonly chosen = computed(() => {
    const names = this.store.columnNames();
    const several = this.store.sources().length > 1;
    return this.store.columns().map((c, i) => {
      if (c.field === '*') {
        return { ...c, name: names[i], label: this.i18n.t('designer.countColumn'), aggregates: [] };
      }
      const source = this.store.sources().find((s) => s.ref === c.ref)!;
      const field = this.store.fieldOf(c.ref, c.field)!;
      const label = localLabel(this.i18n, field);
      return {
        ...c,
        name: names[i],
        label: several ? `${localLabel(this.i18n, source.object)} · ${label}` : label,
        aggregates: aggregatesFor(field.type),
      };
    });
  });

  protected remove(ref: string, field: string): void {
    if (field === '*') this.store.setCount(false);
    else this.store.setColumn(ref, field, false);
  }
}
