import {
  ChangeDetectionStrategy,
  Component,
  ErrorHandler,
  inject,
  OnInit,
  output,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';

import { Api } from '../../core/api/generated/api';
import { activitiesControllerComplete } from '../../core/api/generated/fn/activities/activities-controller-complete';
import { activitiesControllerMyOpen } from '../../core/api/generated/fn/activities/activities-controller-my-open';
import { ActivityDto } from '../../core/api/generated/models/activity-dto';
import { ifMatch } from '../../core/api/if-match';
import { AREA_ROLES } from '../../core/auth/roles';
import { SessionStore } from '../../core/auth/session-store';
import { I18n } from '../../core/i18n/i18n';
import { LocalDatePipe } from '../../core/i18n/locale-format';
import { ACTIVITY_TYPES, labelOf } from '../../shared/crm-labels';

const PAGE = 20;
const FIELDS = 'type,subject,dueAt,priority,version,contactId,companyId';

type Task = Pick<ActivityDto, 'id' | 'type' | 'subject' | 'dueAt' | 'priority' | 'version'>;

/** "Minhas tarefas de hoje": the user's open activities due today (in their time zone), to tick off. */
@Component({
  selector: 'app-my-tasks-today',
  imports: [MatButton, MatIcon, MatProgressBar, LocalDatePipe],
  template: `
    <section class="panel" aria-labelledby="my-tasks-title" data-testid="my-tasks">
      <h2 id="my-tasks-title">
        {{ i18n.t('activities.myTasksToday') }}
        @if (total() !== null) {
          <span class="count">{{ total() }}</span>
        }
      </h2>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="i18n.t('common.loading')" />
      }
      <ul class="tasks">
        @for (task of tasks(); track task.id) {
          <li class="task" data-testid="my-task" [attr.data-id]="task.id">
            <div class="task-body">
              <span class="task-type">{{ typeLabel(task.type) }}</span>
              <span class="task-subject">{{ task.subject }}</span>
              <span class="task-due">{{ task.dueAt | localDate: 'dateTime' }}</span>
            </div>
            @if (canWrite) {
              <button
                matButton="outlined"
                type="button"
                [disabled]="completing().has(task.id)"
                (click)="complete(task)"
                [attr.aria-label]="i18n.t('activities.completeNamed', { subject: task.subject })"
              >
                <mat-icon svgIcon="check" aria-hidden="true" />
                <span class="complete-label">{{ i18n.t('activities.complete') }}</span>
              </button>
            }
          </li>
        } @empty {
          @if (!loading()) {
            <li class="empty">{{ i18n.t('activities.noTasksToday') }}</li>
          }
        }
      </ul>
      @if (nextCursor()) {
        <button matButton type="button" (click)="load(nextCursor()!)">
          {{ i18n.t('common.loadMore') }}
        </button>
      }
    </section>
  `,
  styles: `
    h2 {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .count {
      padding: 0 8px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-large);
    }
    .tasks {
      margin: 0;
      padding: 0;
      list-style: none;
      max-height: 320px;
      overflow-y: auto;
    }
    .task {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .task-body {
      display: flex;
      flex: 1 1 auto;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 2px 12px;
      min-width: 0;
    }
    .task-type {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
      text-transform: uppercase;
    }
    .task-subject {
      font: var(--mat-sys-body-large);
    }
    .task-due {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .empty {
      padding: 8px 0;
      color: var(--mat-sys-on-surface-variant);
    }
    @media (max-width: 599.98px) {
      .complete-label {
        display: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyTasksToday implements OnInit {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(Api);
  private readonly errors = inject(ErrorHandler);
  protected readonly canWrite = inject(SessionStore).hasRole(AREA_ROLES.crmWrite);

  /** A task was completed (the page refreshes its grid). */
  readonly completed = output<string>();

  protected readonly tasks = signal<readonly Task[]>([]);
  protected readonly total = signal<number | null>(null);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly completing = signal<ReadonlySet<string>>(new Set());

  ngOnInit(): void {
    this.load();
  }

  protected typeLabel(type: string): string {
    const key = labelOf(ACTIVITY_TYPES, type);
    return key ? this.i18n.t(key) : type;
  }

  protected load(cursor?: string): void {
    this.loading.set(true);
    this.api
      .invoke(activitiesControllerMyOpen, {
        range: 'today',
        limit: PAGE,
        fields: FIELDS,
        ...(cursor ? { cursor } : { includeTotal: true }),
      })
      .subscribe({
        next: (page) => {
          this.tasks.update((tasks) => (cursor ? [...tasks, ...page.items] : page.items));
          if (page.total !== undefined) this.total.set(page.total);
          this.nextCursor.set(page.nextCursor);
          this.loading.set(false);
        },
        error: (e: unknown) => {
          this.loading.set(false);
          this.errors.handleError(e);
        },
      });
  }

  protected complete(task: Task): void {
    this.completing.update((ids) => new Set([...ids, task.id]));
    this.api
      .invoke(activitiesControllerComplete, { id: task.id, ...ifMatch(task.version), body: {} })
      .subscribe({
        next: () => {
          this.tasks.update((tasks) => tasks.filter((t) => t.id !== task.id));
          this.total.update((n) => (n === null ? n : n - 1));
          this.forget(task.id);
          this.completed.emit(task.id);
        },
        error: (e: unknown) => {
          this.forget(task.id);
          this.errors.handleError(e);
        },
      });
  }

  private forget(id: string): void {
    this.completing.update((ids) => new Set([...ids].filter((x) => x !== id)));
  }
}
