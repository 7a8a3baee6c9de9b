import {
  ChangeDetectionStrategy,
  Component,
  ErrorHandler,
  inject,
  input,
  OnInit,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Observable } from 'rxjs';

import { Api } from '../../core/api/generated/api';
import { companiesControllerHistory } from '../../core/api/generated/fn/companies/companies-controller-history';
import { contactsControllerHistory } from '../../core/api/generated/fn/contacts/contacts-controller-history';
import { HistoryItemDto } from '../../core/api/generated/models/history-item-dto';
import { HistoryPageDto } from '../../core/api/generated/models/history-page-dto';
import { I18n } from '../../core/i18n/i18n';
import { LocalDatePipe } from '../../core/i18n/locale-format';
import { MessageKey } from '../../core/i18n/messages.pt-br';
import { UsersDirectory } from '../users-directory';
import { CursorPages } from './cursor-pages';
import { RecordKind } from './record-timeline';

const PAGE = 20;

const ACTIONS: Record<HistoryItemDto['action'], MessageKey> = {
  criar: 'history.criar',
  atualizar: 'history.atualizar',
  excluir: 'history.excluir',
  restaurar: 'history.restaurar',
  mesclar: 'history.mesclar',
};

/** Who changed which field of the record, from what to what, newest first. */
@Component({
  selector: 'app-record-history',
  imports: [MatButton, MatIcon, MatProgressBar, LocalDatePipe],
  template: `
    @if (pages.loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="i18n.t('common.loading')" />
    }
    <ol class="timeline" data-testid="history">
      @for (item of pages.items(); track item.id) {
        <li class="entry">
          <mat-icon svgIcon="history" aria-hidden="true" />
          <div class="entry-body">
            <p class="entry-title">
              {{ i18n.t(actions[item.action]) }}
              @if (item.field) {
                · {{ fieldLabel(item.field) }}
              }
            </p>
            @if (item.action === 'atualizar' && item.field) {
              <p class="change">
                <span class="change-old">{{ show(item.from) }}</span>
                → <span>{{ show(item.to) }}</span>
              </p>
            }
            <p class="entry-meta">
              {{ item.occurredAt | localDate: 'dateTime' }}
              · {{ users.name(item.userId) || i18n.t('history.system') }}
            </p>
          </div>
        </li>
      } @empty {
        @if (!pages.loading()) {
          <li class="empty">{{ i18n.t('history.empty') }}</li>
        }
      }
    </ol>
    @if (pages.nextCursor()) {
      <button matButton type="button" (click)="pages.more()" [disabled]="pages.loading()">
        {{ i18n.t('common.loadMore') }}
      </button>
    }
  `,
  styleUrl: './record-view.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordHistory implements OnInit {
  protected readonly i18n = inject(I18n);
  protected readonly users = inject(UsersDirectory);
  private readonly api = inject(Api);
  private readonly errors = inject(ErrorHandler);

  readonly kind = input.required<RecordKind>();
  readonly recordId = input.required<string>();
  /** Labels of the record's API fields (the API names fields in English camelCase). */
  readonly labels = input<Readonly<Record<string, MessageKey>>>({});

  protected readonly actions = ACTIONS;
  protected readonly pages = new CursorPages<HistoryItemDto>(
    (cursor) => this.page(cursor),
    (e) => this.errors.handleError(e),
  );

  ngOnInit(): void {
    this.pages.reload();
  }

  protected fieldLabel(field: string): string {
    const key = this.labels()[field];
    return key ? this.i18n.t(key) : field;
  }

  protected show(value: unknown): string {
    if (value === null || value === undefined || value === '') return '—';
    if (Array.isArray(value)) return value.join(', ') || '—';
    if (typeof value === 'object') {
      return Object.values(value as Record<string, unknown>)
        .filter((v) => v !== null && v !== '')
        .join(', ');
    }
    return String(value);
  }

  private page(cursor?: string): Observable<HistoryPageDto> {
    const params = { id: this.recordId(), limit: PAGE, ...(cursor ? { cursor } : {}) };
    return this.kind() === 'contact'
      ? this.api.invoke(contactsControllerHistory, params)
      : this.api.invoke(companiesControllerHistory, params);
  }
}
