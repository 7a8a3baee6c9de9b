import {
  ChangeDetectionStrategy,
  Component,
  effect,
  ErrorHandler,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';

import { HistoryItemDto } from '../../../core/api/generated/models/history-item-dto';
import { ROLE_LABELS, Role } from '../../../core/auth/roles';
import { I18n } from '../../../core/i18n/i18n';
import { LocalDatePipe } from '../../../core/i18n/locale-format';
import { MessageKey } from '../../../core/i18n/messages.pt-br';
import { UsersStore } from './users.store';

const ACTIONS: Record<HistoryItemDto['action'], MessageKey> = {
  criar: 'users.history.criar',
  atualizar: 'history.atualizar',
  excluir: 'history.excluir',
  restaurar: 'history.restaurar',
  mesclar: 'history.mesclar',
};

const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'users.name',
  email: 'users.email',
  role: 'users.role',
  teamId: 'users.team',
  active: 'users.status',
  jobTitle: 'users.jobTitle',
  phone: 'users.phone',
  timeZone: 'users.timeZone',
  language: 'users.language',
};

/** A user's history in the tenant (invitation, role, team, deactivation), newest first. */
@Component({
  selector: 'app-user-history',
  imports: [MatIcon, MatProgressBar, LocalDatePipe],
  template: `
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="i18n.t('common.loading')" />
    }
    <ol class="timeline" data-testid="user-history">
      @for (item of items(); track item.id) {
        <li>
          <mat-icon svgIcon="history" aria-hidden="true" />
          <div>
            <p class="title">
              {{ i18n.t(actions[item.action]) }}
              @if (item.field) {
                · {{ fieldLabel(item.field) }}
              }
            </p>
            @if (item.action === 'atualizar' && item.field) {
              <p class="change">
                <span class="old">{{ show(item.field, item.from) }}</span> →
                <span>{{ show(item.field, item.to) }}</span>
              </p>
            }
            <p class="meta">
              {{ item.occurredAt | localDate: 'dateTime' }} ·
              {{ who(item.userId) || i18n.t('history.system') }}
            </p>
          </div>
        </li>
      } @empty {
        @if (!loading()) {
          <li class="empty">{{ i18n.t('history.empty') }}</li>
        }
      }
    </ol>
  `,
  styles: `
    .timeline {
      display: flex;
      flex-direction: column;
      gap: 12px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: flex;
      gap: 12px;
    }
    mat-icon {
      flex: none;
      color: var(--mat-sys-on-surface-variant);
    }
    p {
      margin: 0;
    }
    .title {
      font: var(--mat-sys-title-small);
    }
    .old {
      text-decoration: line-through;
      color: var(--mat-sys-on-surface-variant);
    }
    .meta {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserHistory {
  protected readonly i18n = inject(I18n);
  private readonly store = inject(UsersStore);
  private readonly errors = inject(ErrorHandler);

  readonly userId = input.required<string>();
  /** Changes since the last load (a version of the user): reloads the history. */
  readonly revision = input<string>('');

  protected readonly actions = ACTIONS;
  protected readonly items = signal<readonly HistoryItemDto[]>([]);
  protected readonly loading = signal(false);

  constructor() {
    effect((onCleanup) => {
      const id = this.userId();
      this.revision();
      this.loading.set(true);
      const sub = this.store.history(id).subscribe({
        next: (items) => {
          this.items.set(items);
          this.loading.set(false);
        },
        error: (e: unknown) => {
          this.loading.set(false);
          this.errors.handleError(e);
        },
      });
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected who(id: string | null): string {
    return id ? (this.store.users().find((u) => u.id === id)?.name ?? '') : '';
  }

  protected fieldLabel(field: string): string {
    const key = FIELD_LABELS[field];
    return key ? this.i18n.t(key) : field;
  }

  protected show(field: string, value: unknown): string {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'role' && typeof value === 'string' && value in ROLE_LABELS) {
      return this.i18n.t(ROLE_LABELS[value as Role]);
    }
    if (field === 'teamId' && typeof value === 'string') return this.store.teamName(value) || value;
    if (field === 'active') return this.i18n.t(value ? 'users.active' : 'users.inactive');
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
