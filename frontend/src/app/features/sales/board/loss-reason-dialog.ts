import { ChangeDetectionStrategy, Component, ErrorHandler, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';

import { Api } from '../../../core/api/generated/api';
import { lossReasonsControllerList } from '../../../core/api/generated/fn/opportunities/loss-reasons-controller-list';
import { LossReasonDto } from '../../../core/api/generated/models/loss-reason-dto';
import { I18n } from '../../../core/i18n/i18n';
import { LossInput } from './pipeline-board.store';

export interface LossDialogData {
  title: string;
}

/** Dropping a card on the lost stage asks why (the API requires an active loss reason). */
@Component({
  selector: 'app-loss-reason-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatSelect,
    MatOption,
    MatInput,
  ],
  template: `
    <h2 mat-dialog-title>{{ i18n.t('sales.lose.title', { title: data.title }) }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('sales.lose.reason') }}</mat-label>
          <mat-select formControlName="lossReasonId" data-testid="loss-reason" required>
            @for (reason of reasons(); track reason.id) {
              <mat-option [value]="reason.id">{{ reason.name }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ i18n.t('sales.lose.reasonRequired') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('sales.lose.note') }}</mat-label>
          <textarea matInput formControlName="note" rows="3" maxlength="2000"></textarea>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ i18n.t('common.cancel') }}</button>
        <button matButton="filled" type="submit" data-testid="confirm-loss">
          {{ i18n.t('sales.lose.confirm') }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LossReasonDialog {
  protected readonly i18n = inject(I18n);
  protected readonly data = inject<LossDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<LossReasonDialog, LossInput>>(MatDialogRef);
  protected readonly reasons = signal<readonly LossReasonDto[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    lossReasonId: ['', Validators.required],
    note: [''],
  });

  constructor() {
    const errors = inject(ErrorHandler);
    inject(Api)
      .invoke(lossReasonsControllerList, { active: true, limit: 200 })
      .subscribe({
        next: (page) => this.reasons.set(page.items),
        error: (e: unknown) => errors.handleError(e),
      });
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { lossReasonId, note } = this.form.getRawValue();
    this.ref.close({ lossReasonId, note: note.trim() || null });
  }
}
