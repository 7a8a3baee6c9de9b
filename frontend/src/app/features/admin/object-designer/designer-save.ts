import {
  ChangeDetectionStrategy,
  Component,
  ErrorHandler,
  inject,
  output,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { ObjectDto } from '../../../core/api/generated/models/object-dto';
import { I18n } from '../../../core/i18n/i18n';
import { apiNameFollowsLabel, apiNameValidator } from '../shared/api-name';
import { ApiNameField } from '../shared/api-name-field';
import { nameErrorOnControl } from '../shared/server-errors';
import { DesignerStore } from './designer.store';

/** Step 5: the data set gets a name and is saved as an object (a query of the designer). */
@Component({
  selector: 'app-designer-save',
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
        <mat-label>{{ i18n.t('designer.name') }}</mat-label>
        <input matInput formControlName="labelPt" name="labelPt" maxlength="120" required />
        <mat-error>{{ i18n.t('form.error.required') }}</mat-error>
      </mat-form-field>
      <app-api-name-field [control]="form.controls.apiName" />
      <mat-form-field appearance="outline" class="wide">
        <mat-label>{{ i18n.t('designer.description') }}</mat-label>
        <textarea
          matInput
          formControlName="description"
          name="description"
          rows="2"
          maxlength="2000"
        ></textarea>
      </mat-form-field>
      @if (!store.model()) {
        <p class="empty wide">{{ i18n.t('designer.saveNeedsColumns') }}</p>
      }
      <div class="wide">
        <button matButton="filled" type="submit" [disabled]="busy() || !store.model()">
          {{ i18n.t('designer.save') }}
        </button>
      </div>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DesignerSave {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(DesignerStore);
  private readonly errors = inject(ErrorHandler);
  readonly saved = output<ObjectDto>();
  protected readonly busy = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    labelPt: ['', [Validators.required, Validators.maxLength(120)]],
    apiName: ['', [Validators.required, apiNameValidator('object')]],
    description: [''],
  });

  constructor() {
    apiNameFollowsLabel(this.form.controls.labelPt, this.form.controls.apiName);
  }

  protected submit(): void {
    const { labelPt, apiName, description } = this.form.getRawValue();
    if (this.form.invalid || !labelPt.trim() || !this.store.model()) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.store
      .save({ labelPt: labelPt.trim(), apiName, description: description.trim() || undefined })
      .subscribe({
        next: (object) => {
          this.busy.set(false);
          this.saved.emit(object);
        },
        error: (e: unknown) => {
          this.busy.set(false);
          if (!nameErrorOnControl(e, this.form.controls.apiName)) this.errors.handleError(e);
        },
      });
  }
}
