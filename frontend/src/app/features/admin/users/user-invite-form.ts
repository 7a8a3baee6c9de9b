import {
  ChangeDetectionStrategy,
  Component,
  ErrorHandler,
  inject,
  output,
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
import { MatOption, MatSelect } from '@angular/material/select';

import { InvitedUserDto } from '../../../core/api/generated/models/invited-user-dto';
import { ROLE_LABELS, TENANT_ROLES, TenantRole } from '../../../core/auth/roles';
import { I18n } from '../../../core/i18n/i18n';
import { userErrorKey, UsersStore } from './users.store';

/** "Convidar usuário": name, e-mail, role and team. */
@Component({
  selector: 'app-user-invite-form',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="invite-form" class="form-grid">
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('users.name') }}</mat-label>
        <input
          matInput
          formControlName="name"
          name="name"
          maxlength="200"
          required
          autocomplete="off"
        />
        <mat-error>{{ i18n.t('form.error.required') }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('users.email') }}</mat-label>
        <input
          matInput
          type="email"
          formControlName="email"
          name="email"
          maxlength="320"
          required
          autocomplete="off"
        />
        <mat-error data-testid="invite-email-error">{{ emailError() }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('users.role') }}</mat-label>
        <mat-select formControlName="role" data-testid="invite-role">
          @for (role of roles; track role) {
            <mat-option [value]="role">{{ i18n.t(roleLabels[role]) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('users.team') }}</mat-label>
        <mat-select formControlName="teamId" data-testid="invite-team">
          <mat-option value="">{{ i18n.t('users.noTeam') }}</mat-option>
          @for (team of store.teams(); track team.id) {
            <mat-option [value]="team.id">{{ team.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <div class="wide">
        <button matButton="filled" type="submit" [disabled]="busy()">
          {{ i18n.t('users.invite') }}
        </button>
      </div>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserInviteForm {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(UsersStore);
  private readonly errors = inject(ErrorHandler);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  readonly invited = output<InvitedUserDto>();

  protected readonly roles = TENANT_ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly busy = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(320)]],
    role: ['sales' as TenantRole, Validators.required],
    teamId: [''],
  });

  protected emailError(): string {
    const e = this.form.controls.email.errors ?? {};
    if (e['required']) return this.i18n.t('form.error.required');
    if (e['email']) return this.i18n.t('form.error.email');
    if (e['server']) return e['server'] as string;
    return '';
  }

  protected submit(): void {
    const { name, email, role, teamId } = this.form.getRawValue();
    if (this.form.invalid || !name.trim()) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.store
      .invite({
        name: name.trim(),
        email: email.trim().toLowerCase(),
        role,
        ...(teamId ? { teamId } : {}),
      })
      .subscribe({
        next: (result) => {
          this.busy.set(false);
          this.invited.emit(result);
          this.formDirective().resetForm({ name: '', email: '', role: 'sales', teamId: '' });
        },
        error: (e: unknown) => {
          this.busy.set(false);
          const key = userErrorKey(e);
          if (key) {
            this.form.controls.email.setErrors({ server: this.i18n.t(key) });
            this.form.controls.email.markAsTouched();
          } else {
            this.errors.handleError(e);
          }
        },
      });
  }
}
