import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';

import { Api } from '../../core/api/generated/api';
import { activitiesControllerList } from '../../core/api/generated/fn/activities/activities-controller-list';
import { ActivityDto } from '../../core/api/generated/models/activity-dto';
import { AREA_ROLES } from '../../core/auth/roles';
import { SessionStore } from '../../core/auth/session-store';
import { I18n } from '../../core/i18n/i18n';
import { ACTIVITY_PRIORITIES, ACTIVITY_TYPES, DONE_CHOICES } from '../../shared/crm-labels';
import { apiListFetch } from '../../shared/data-grid/api-list';
import { DataGrid } from '../../shared/data-grid/data-grid';
import { GridColumn } from '../../shared/data-grid/grid-query';
import { UsersDirectory } from '../../shared/users-directory';
import { MyTasksToday } from './my-tasks-today';

/** "Atividades": today's tasks to tick off, and every activity the user may see in the grid. */
@Component({
  selector: 'app-activity-list',
  imports: [DataGrid, MatSlideToggle, MyTasksToday, MatAnchor, MatIcon, RouterLink],
  template: `
    <div class="header">
      <h1>{{ i18n.t('nav.activities') }}</h1>
      @if (canWrite) {
        <a matButton="filled" routerLink="new" data-testid="new-activity">
          <mat-icon svgIcon="add" aria-hidden="true" />
          {{ i18n.t('activities.new') }}
        </a>
      }
    </div>
    <app-my-tasks-today (completed)="grid().reload()" />
    <div class="filters">
      <mat-slide-toggle [checked]="mine()" (change)="mine.set($event.checked)">
        {{ i18n.t('activities.onlyMine') }}
      </mat-slide-toggle>
      <mat-slide-toggle [checked]="overdue()" (change)="overdue.set($event.checked)">
        {{ i18n.t('activities.onlyOverdue') }}
      </mat-slide-toggle>
    </div>
    <app-data-grid
      gridId="activities"
      [label]="i18n.t('nav.activities')"
      [columns]="columns()"
      [fetch]="fetch"
      [params]="params()"
    />
  `,
  styles: `
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      margin: 0 0 12px;
    }
    h1 {
      margin: 0;
      font: var(--mat-sys-headline-medium);
    }
    app-my-tasks-today {
      display: block;
      margin-bottom: 16px;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
      margin-bottom: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivityList {
  protected readonly i18n = inject(I18n);
  protected readonly canWrite = inject(SessionStore).hasRole(AREA_ROLES.crmWrite);
  private readonly users = inject(UsersDirectory);
  protected readonly grid = viewChild.required(DataGrid);
  protected readonly fetch = apiListFetch(inject(Api), activitiesControllerList);
  protected readonly mine = signal(false);
  protected readonly overdue = signal(false);

  protected readonly params = computed(() => ({
    ...(this.mine() ? { owner: 'me' } : {}),
    ...(this.overdue() ? { overdue: 'true' } : {}),
  }));

  protected readonly columns = computed<GridColumn<ActivityDto>[]>(() => {
    const users = this.users;
    users.users();
    return [
      { field: 'subject', header: 'activities.field.subject', essential: true, flex: 2 },
      {
        field: 'type',
        header: 'activities.field.type',
        filter: { kind: 'choice', param: 'type', options: ACTIVITY_TYPES },
      },
      {
        field: 'dueAt',
        header: 'activities.field.dueAt',
        sort: true,
        format: 'dateTime',
        essential: true,
        filter: { kind: 'date', from: 'dueFrom', to: 'dueTo' },
      },
      {
        field: 'done',
        header: 'activities.field.done',
        value: (a) => String(a.done),
        filter: { kind: 'choice', param: 'done', options: DONE_CHOICES, single: true },
      },
      {
        field: 'priority',
        header: 'activities.field.priority',
        filter: { kind: 'choice', param: 'priority', options: ACTIVITY_PRIORITIES },
      },
      { field: 'ownerId', header: 'common.owner', value: (a) => users.name(a.ownerId) },
      {
        field: 'startAt',
        header: 'activities.field.startAt',
        sort: true,
        format: 'dateTime',
        hidden: true,
      },
      {
        field: 'createdAt',
        header: 'common.createdAt',
        sort: true,
        format: 'date',
        hidden: true,
        filter: { kind: 'date', from: 'createdFrom', to: 'createdTo' },
      },
    ];
  });

  constructor() {
    this.users.load();
  }
}
