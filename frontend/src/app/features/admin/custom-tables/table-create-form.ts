import {
  ChangeDetectionStrategy,
  Component,
  ErrorHandler,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import {
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { I18n } from '../../../core/i18n/i18n';
import { apiNameFollowsLabel, apiNameValidator } from '../shared/api-name';
import { ApiNameField } from '../shared/api-name-field';
import { nameErrorOnControl } from '../shared/server-errors';
import { CustomTablesStore } from './custom-tables.store';

/** "Nova tabela": a label, the API name it suggests (checked while typing), a description. */
@Component({
  selector: 'app-table-create-form',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatButton,
    ApiNameField,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="form-grid">
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('tables.label') }}</mat-label>
        <input matInput formControlName="labelPt" name="tableLabel" maxlength="120" required />
        <mat-error>{{ i18n.t('form.error.required') }}</mat-error>
      </mat-form-field>
      <app-api-name-field [control]="form.controls.apiName" />
      <mat-form-field appearance="outline" class="wide">
        <mat-label>{{ i18n.t('designer.description') }}</mat-label>
        <input matInput formControlName="description" name="tableDescription" maxlength="2000" />
      </mat-form-field>
      <div class="wide">
        <button matButton="filled" type="submit" [disabled]="busy()">
          {{ i18n.t('tables.create') }}
        </button>
      </div>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TableCreateForm {
  protected readonly i18n = inject(I18n);
  private readonly store = inject(CustomTablesStore);
  private readonly errors = inject(ErrorHandler);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly busy = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    labelPt: ['', [Validators.required, Validators.maxLength(120)]],
    apiName: ['', [Validators.required, apiNameValidator('object')]],
    description: [''],
  });

  private readonly followLabel = apiNameFollowsLabel(
    this.form.controls.labelPt,
    this.form.controls.apiName,
  );

  protected submit(): void {
    const { labelPt, apiName, description } = this.form.getRawValue();
    if (this.form.invalid || !labelPt.trim()) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.store
      .createTable({
        labelPt: labelPt.trim(),
        apiName,
        description: description.trim() || undefined,
      })
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.followLabel(true);
          this.formDirective().resetForm();
        },
        error: (e: unknown) => {
          this.busy.set(false);
          if (!nameErrorOnControl(e, this.form.controls.apiName)) this.errors.handleError(e);
        },
      });
  }
}
