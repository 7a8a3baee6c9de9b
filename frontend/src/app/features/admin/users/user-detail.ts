import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ErrorHandler,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatOption, MatSelect } from '@angular/material/select';
import { filter, Observable, switchMap } from 'rxjs';

import { TenantUserDto } from '../../../core/api/generated/models/tenant-user-dto';
import { UpdateUserDto } from '../../../core/api/generated/models/update-user-dto';
import { ROLE_LABELS, TENANT_ROLES, TenantRole } from '../../../core/auth/roles';
import { I18n } from '../../../core/i18n/i18n';
import { Confirm } from '../../../shared/confirm-dialog';
import { UserHistory } from './user-history';
import { userErrorKey, UsersStore } from './users.store';

/** One user: change role and team, deactivate or reactivate (confirmed), and the history. */
@Component({
  selector: 'app-user-detail',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatButton,
    MatIcon,
    UserHistory,
  ],
  template: `
    <p class="who">
      {{ user().email }} ·
      <span
        class="status-badge"
        [class.status-badge--active]="user().active"
        [class.status-badge--revoked]="!user().active"
      >
        {{ i18n.t(user().active ? 'users.active' : 'users.inactive') }}
      </span>
    </p>
    @if (problem(); as problem) {
      <p class="problem" role="alert" data-testid="user-problem">{{ problem }}</p>
    }
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="user-edit-form">
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('users.role') }}</mat-label>
        <mat-select formControlName="role" data-testid="user-role-select">
          @for (role of roles; track role) {
            <mat-option [value]="role">{{ i18n.t(roleLabels[role]) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ i18n.t('users.team') }}</mat-label>
        <mat-select formControlName="teamId" data-testid="user-team-select">
          <mat-option value="">{{ i18n.t('users.noTeam') }}</mat-option>
          @for (team of store.teams(); track team.id) {
            <mat-option [value]="team.id">{{ team.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <p class="hint">{{ i18n.t('users.roleHint') }}</p>
      <div class="actions">
        @if (user().active) {
          <button
            matButton="outlined"
            type="button"
            class="danger"
            (click)="setActive(false)"
            data-testid="deactivate"
          >
            <mat-icon svgIcon="block" aria-hidden="true" />
            {{ i18n.t('users.deactivate') }}
          </button>
        } @else {
          <button
            matButton="outlined"
            type="button"
            (click)="setActive(true)"
            data-testid="reactivate"
          >
            <mat-icon svgIcon="refresh" aria-hidden="true" />
            {{ i18n.t('users.reactivate') }}
          </button>
        }
        <button matButton="filled" type="submit" [disabled]="busy() || !changed()">
          {{ i18n.t('users.save') }}
        </button>
      </div>
    </form>
    <h3>{{ i18n.t('users.historyTitle') }}</h3>
    <app-user-history [userId]="user().id" [revision]="user().updatedAt" />
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .who,
    .hint {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    form {
      display: grid;
      grid-template-columns: 1fr;
      gap: 8px 16px;
    }
    .hint,
    .actions {
      grid-column: 1 / -1;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 8px;
    }
    .danger {
      --mat-button-outlined-label-text-color: var(--mat-sys-error);
    }
    .problem {
      margin: 0;
      padding: 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    h3 {
      margin: 8px 0 0;
      font: var(--mat-sys-title-small);
    }
    @media (min-width: 720px) {
      form {
        grid-template-columns: 1fr 1fr;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserDetail {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(UsersStore);
  private readonly confirm = inject(Confirm);
  private readonly errors = inject(ErrorHandler);

  readonly user = input.required<TenantUserDto>();
  readonly changedUser = output<TenantUserDto>();

  protected readonly roles = TENANT_ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly busy = signal(false);
  /** An API refusal explained here (the last administrator…). */
  protected readonly problem = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    role: ['sales' as TenantRole],
    teamId: [''],
  });
  private readonly formValue = signal(this.form.getRawValue());
  protected readonly changed = computed(() => {
    const v = this.formValue();
    const u = this.user();
    return v.role !== u.role || v.teamId !== (u.teamId ?? '');
  });

  constructor() {
    effect(() => {
      const u = this.user();
      this.form.setValue({ role: u.role as TenantRole, teamId: u.teamId ?? '' });
      this.problem.set(null);
    });
    this.form.valueChanges.subscribe(() => this.formValue.set(this.form.getRawValue()));
  }

  protected save(): void {
    const { role, teamId } = this.form.getRawValue();
    const u = this.user();
    const body: UpdateUserDto = {};
    if (role !== u.role) body.role = role;
    if (teamId !== (u.teamId ?? '')) body.teamId = teamId || null;
    this.run(this.store.update(u.id, body));
  }

  protected setActive(active: boolean): void {
    const u = this.user();
    this.confirm
      .ask({
        title: this.i18n.t(active ? 'users.reactivateTitle' : 'users.deactivateTitle', {
          name: u.name,
        }),
        message: this.i18n.t(active ? 'users.reactivateMessage' : 'users.deactivateMessage', {
          name: u.name,
        }),
        confirm: this.i18n.t(active ? 'users.reactivate' : 'users.deactivate'),
        tone: active ? 'primary' : 'danger',
      })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busy.set(true);
          return active ? this.store.reactivate(u.id) : this.store.deactivate(u.id);
        }),
      )
      .subscribe(this.observer());
  }

  private run(request: Observable<TenantUserDto>): void {
    this.busy.set(true);
    request.subscribe(this.observer());
  }

  private observer() {
    return {
      next: (user: TenantUserDto) => {
        this.busy.set(false);
        this.problem.set(null);
        this.changedUser.emit(user);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        const key = userErrorKey(e);
        if (key) this.problem.set(this.i18n.t(key));
        else this.errors.handleError(e);
      },
    };
  }
}
