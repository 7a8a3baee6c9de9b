import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOptgroup, MatOption, MatSelect } from '@angular/material/select';

import { I18n } from '../../../core/i18n/i18n';
import { MessageKey } from '../../../core/i18n/messages.pt-br';
import { localLabel } from '../shared/local-label';
import { FilterOp, filterProblem, operatorsFor } from './designer.model';
import { DesignerStore } from './designer.store';

const OP_LABELS: Record<FilterOp, MessageKey> = {
  eq: 'designer.op.eq',
  ne: 'designer.op.ne',
  lt: 'designer.op.lt',
  lte: 'designer.op.lte',
  gt: 'designer.op.gt',
  gte: 'designer.op.gte',
  in: 'designer.op.in',
  like: 'designer.op.like',
  isnull: 'designer.op.isnull',
};

/** Step 3: conditions on the rows (all must hold). */
@Component({
  selector: 'app-designer-filters',
  imports: [
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatOptgroup,
    MatIcon,
    MatIconButton,
  ],
  template: `
    @for (f of rows(); track $index) {
      <fieldset class="filter" [attr.data-testid]="'designer-filter-' + $index">
        <legend>{{ f.label }}</legend>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ i18n.t('designer.operator') }}</mat-label>
          <mat-select
            [value]="f.op"
            (selectionChange)="store.updateFilter($index, { op: $event.value })"
          >
            @for (op of f.ops; track op) {
              <mat-option [value]="op">{{ i18n.t(opLabels[op]) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (f.op === 'isnull') {
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ i18n.t('designer.value') }}</mat-label>
            <mat-select
              [value]="f.value"
              (selectionChange)="store.updateFilter($index, { value: $event.value })"
            >
              <mat-option value="true">{{ i18n.t('designer.isEmpty') }}</mat-option>
              <mat-option value="false">{{ i18n.t('designer.isFilled') }}</mat-option>
            </mat-select>
          </mat-form-field>
        } @else if (f.type === 'boolean') {
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ i18n.t('designer.value') }}</mat-label>
            <mat-select
              [value]="f.value"
              (selectionChange)="store.updateFilter($index, { value: $event.value })"
            >
              <mat-option value="true">{{ i18n.t('designer.yes') }}</mat-option>
              <mat-option value="false">{{ i18n.t('designer.no') }}</mat-option>
            </mat-select>
          </mat-form-field>
        } @else if (f.options && f.op !== 'in') {
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ i18n.t('designer.value') }}</mat-label>
            <mat-select
              [value]="f.value"
              (selectionChange)="store.updateFilter($index, { value: $event.value })"
            >
              @for (o of f.options; track o.value) {
                <mat-option [value]="o.value">{{ o.label ?? o.value }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        } @else {
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ i18n.t('designer.value') }}</mat-label>
            <input
              matInput
              [type]="f.type === 'date' ? 'date' : 'text'"
              [attr.inputmode]="f.numeric ? 'decimal' : null"
              [value]="f.value"
              (input)="store.updateFilter($index, { value: $any($event.target).value })"
              [attr.aria-invalid]="!!f.problem"
            />
            @if (f.op === 'in') {
              <mat-hint>{{ i18n.t('designer.inHint') }}</mat-hint>
            }
          </mat-form-field>
        }
        <button
          matIconButton
          type="button"
          (click)="store.removeFilter($index)"
          [attr.aria-label]="i18n.t('designer.removeFilter', { name: f.label })"
        >
          <mat-icon svgIcon="delete" aria-hidden="true" />
        </button>
        @if (f.problem) {
          <mat-error class="problem" role="alert">{{ i18n.t(f.problem) }}</mat-error>
        }
      </fieldset>
    }
    <mat-form-field appearance="outline">
      <mat-label>{{ i18n.t('designer.addFilter') }}</mat-label>
      <mat-select
        data-testid="designer-add-filter"
        [value]="null"
        (selectionChange)="add($event.value)"
      >
        @for (g of fieldGroups(); track g.ref) {
          <mat-optgroup [label]="g.label">
            @for (f of g.fields; track f.apiName) {
              <mat-option [value]="g.ref + '|' + f.apiName">{{ f.label }}</mat-option>
            }
          </mat-optgroup>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .filter {
      display: grid;
      grid-template-columns: 1fr 1fr auto;
      align-items: start;
      gap: 8px;
      margin: 0;
      padding: 8px 12px 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    legend {
      font: var(--mat-sys-label-large);
    }
    .problem {
      grid-column: 1 / -1;
    }
    @media (max-width: 599.98px) {
      .filter {
        grid-template-columns: 1fr auto;
      }
      .filter mat-form-field {
        grid-column: 1;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DesignerFilters {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(DesignerStore);
  protected readonly opLabels = OP_LABELS;

  protected readonly rows = computed(() =>
    this.store.filters().map((f) => {
      const source = this.store.sources().find((s) => s.ref === f.ref)!;
      const field = this.store.fieldOf(f.ref, f.field)!;
      const problem = filterProblem(f, field.type);
      const several = this.store.sources().length > 1;
      return {
        ...f,
        type: field.type,
        numeric: ['integer', 'decimal', 'currency_brl', 'percent'].includes(field.type),
        label: several
          ? `${localLabel(this.i18n, source.object)} · ${localLabel(this.i18n, field)}`
          : localLabel(this.i18n, field),
        ops: operatorsFor(field.type),
        options: field.type === 'select' ? (field.options ?? null) : null,
        problem: problem
          ? ((problem === 'number'
              ? 'designer.error.number'
              : 'designer.error.value') as MessageKey)
          : null,
      };
    }),
  );

  protected readonly fieldGroups = computed(() =>
    this.store.sources().map((s) => ({
      ref: s.ref,
      label: localLabel(this.i18n, s.object),
      fields: s.object.fields
        .filter((f) => f.apiName !== 'tenant_id')
        .map((f) => ({ apiName: f.apiName, label: localLabel(this.i18n, f) })),
    })),
  );

  protected add(value: string | null): void {
    if (!value) return;
    const [ref, field] = value.split('|');
    this.store.addFilter(ref, field);
  }
}
