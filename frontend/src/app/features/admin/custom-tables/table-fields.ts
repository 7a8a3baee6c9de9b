import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ErrorHandler,
  inject,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { filter, map, switchMap } from 'rxjs';

import { FieldDto } from '../../../core/api/generated/models/field-dto';
import { I18n } from '../../../core/i18n/i18n';
import { Confirm } from '../../../shared/confirm-dialog';
import { localLabel } from '../shared/local-label';
import { CustomTablesStore } from './custom-tables.store';
import { FieldForm } from './field-form';
import { CreatableType, FIELD_TYPE_LABELS } from './field-form.model';

/** The fields of the open table: list, add, change, remove (with a confirmation naming the loss). */
@Component({
  selector: 'app-table-fields',
  imports: [MatButton, MatIcon, FieldForm],
  template: `
    @if (editing() === 'new') {
      <app-field-form (done)="editing.set(null)" />
    } @else if (!editing()) {
      <button
        matButton="outlined"
        type="button"
        (click)="editing.set('new')"
        data-testid="add-field"
      >
        <mat-icon svgIcon="add" aria-hidden="true" />
        {{ i18n.t('tables.field.new') }}
      </button>
    }
    @if (rows().length) {
      <div class="table-scroll">
        <table class="app-table" data-testid="field-list">
          <thead>
            <tr>
              <th scope="col">{{ i18n.t('tables.field.label') }}</th>
              <th scope="col" class="optional">{{ i18n.t('apiName.label') }}</th>
              <th scope="col">{{ i18n.t('tables.field.type') }}</th>
              <th scope="col" class="optional">{{ i18n.t('tables.field.rules') }}</th>
              <th scope="col">
                <span class="sr-only">{{ i18n.t('common.actions') }}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (f of rows(); track f.field.apiName) {
              <tr [attr.data-field]="f.field.apiName">
                <td>{{ f.label }}</td>
                <td class="optional">
                  <code>{{ f.field.apiName }}</code>
                </td>
                <td>{{ f.type }}</td>
                <td class="optional">{{ f.rules }}</td>
                <td class="actions">
                  <button
                    matButton
                    type="button"
                    (click)="editing.set(f.field.apiName)"
                    [attr.aria-label]="i18n.t('tables.field.editNamed', { name: f.label })"
                  >
                    <mat-icon svgIcon="edit" aria-hidden="true" />
                    <span class="action-label">{{ i18n.t('common.edit') }}</span>
                  </button>
                  <button
                    matButton
                    type="button"
                    class="danger"
                    (click)="remove(f.field)"
                    [attr.aria-label]="i18n.t('tables.field.removeNamed', { name: f.label })"
                  >
                    <mat-icon svgIcon="delete" aria-hidden="true" />
                    <span class="action-label">{{ i18n.t('tables.delete') }}</span>
                  </button>
                </td>
              </tr>
              @if (editing() === f.field.apiName) {
                <tr class="editor">
                  <td colspan="5">
                    <app-field-form [field]="f.field" (done)="editing.set(null)" />
                  </td>
                </tr>
              }
            }
          </tbody>
        </table>
      </div>
    } @else {
      <p class="empty">{{ i18n.t('tables.field.empty') }}</p>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: stretch;
      gap: 12px;
    }
    :host > button {
      align-self: flex-start;
    }
    code {
      font:
        12px ui-monospace,
        Menlo,
        Consolas,
        monospace;
    }
    .danger {
      --mat-button-text-label-text-color: var(--mat-sys-error);
    }
    tr.editor td {
      padding: 12px;
      background: var(--mat-sys-surface-container-low);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TableFields {
  protected readonly i18n = inject(I18n);
  private readonly store = inject(CustomTablesStore);
  private readonly confirm = inject(Confirm);
  private readonly errors = inject(ErrorHandler);
  /** 'new', the apiName of the field being changed, or null. */
  protected readonly editing = signal<string | null>(null);

  protected readonly rows = computed(() =>
    this.store.fields().map((field) => {
      const rules = [
        field.required ? this.i18n.t('tables.field.required') : '',
        field.unique ? this.i18n.t('tables.field.unique') : '',
      ].filter(Boolean);
      const typeKey = FIELD_TYPE_LABELS[field.type as CreatableType];
      return {
        field,
        label: localLabel(this.i18n, field),
        type: typeKey ? this.i18n.t(typeKey) : field.type,
        rules: rules.join(', '),
      };
    }),
  );

  protected remove(field: FieldDto): void {
    const table = this.store.open();
    if (!table) return;
    const name = localLabel(this.i18n, field);
    this.store
      .recordCount(table.apiName)
      .pipe(
        switchMap((n) =>
          this.confirm.ask({
            title: this.i18n.t('tables.field.removeTitle', { name }),
            message: this.i18n.t(
              n ? 'tables.field.removeMessage' : 'tables.field.removeMessageEmpty',
              {
                name,
                n: n.toLocaleString(this.i18n.locale()),
                table: localLabel(this.i18n, table),
              },
            ),
            confirm: this.i18n.t('tables.field.remove'),
          }),
        ),
        filter(Boolean),
        switchMap(() => this.store.removeField(field.apiName)),
        map(() => this.editing.set(null)),
      )
      .subscribe({ error: (e: unknown) => this.errors.handleError(e) });
  }
}
