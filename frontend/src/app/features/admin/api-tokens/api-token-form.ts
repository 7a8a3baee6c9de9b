import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import {
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';

import { CreateApiTokenDto } from '../../../core/api/generated/models/create-api-token-dto';
import { ROLE_LABELS, TENANT_ROLES, TenantRole } from '../../../core/auth/roles';
import { I18n } from '../../../core/i18n/i18n';

const DAY_MS = 86_400_000;
/** Validity choices in days; 0 means no expiry. The API accepts up to two years. */
export const EXPIRY_DAYS = [30, 90, 180, 365, 0] as const;

/** The "new token" form: name, role and validity. Emits the request; the page sends it. */
@Component({
  selector: 'app-api-token-form',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('tokens.name') }}</mat-label>
        <input matInput formControlName="name" name="name" maxlength="100" required />
        <mat-hint>{{ i18n.t('tokens.nameHint') }}</mat-hint>
        <mat-error>{{ i18n.t('tokens.nameRequired') }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('tokens.role') }}</mat-label>
        <mat-select formControlName="role" data-testid="token-role">
          @for (role of roles; track role) {
            <mat-option [value]="role">{{ i18n.t(roleLabels[role]) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('tokens.expiry') }}</mat-label>
        <mat-select formControlName="expiryDays">
          @for (days of expiryDays; track days) {
            <mat-option [value]="days">
              {{ days ? i18n.t('tokens.expiryDays', { n: days }) : i18n.t('tokens.noExpiry') }}
            </mat-option>
          }
        </mat-select>
      </mat-form-field>
      <button matButton="filled" type="submit" [disabled]="busy()">
        {{ i18n.t('tokens.create') }}
      </button>
    </form>
  `,
  styles: `
    form {
      display: grid;
      grid-template-columns: 1fr;
      gap: 12px 16px;
      align-items: start;
    }
    button {
      height: 48px;
      margin-top: 4px;
    }
    @media (min-width: 960px) {
      form {
        grid-template-columns: 2fr 1fr 1fr auto;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiTokenForm {
  protected readonly i18n = inject(I18n);
  readonly busy = input(false);
  readonly create = output<CreateApiTokenDto>();

  protected readonly roles = TENANT_ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly expiryDays = EXPIRY_DAYS;

  // resetForm() also clears the "submitted" state, so a blank form shows no errors.
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    role: ['analyst' as TenantRole, Validators.required],
    expiryDays: [90 as number],
  });

  protected submit(): void {
    const { name, role, expiryDays } = this.form.getRawValue();
    if (this.form.invalid || !name.trim()) {
      this.form.markAllAsTouched();
      return;
    }
    this.create.emit({
      name: name.trim(),
      role,
      ...(expiryDays
        ? { expiresAt: new Date(Date.now() + expiryDays * DAY_MS).toISOString() }
        : {}),
    });
  }

  /** Called by the page once the token exists, so the next one starts blank. */
  reset(): void {
    this.formDirective().resetForm();
  }
}
