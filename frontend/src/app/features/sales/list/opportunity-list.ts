import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';

import { Api } from '../../../core/api/generated/api';
import { opportunitiesControllerList } from '../../../core/api/generated/fn/opportunities/opportunities-controller-list';
import { OpportunityDto } from '../../../core/api/generated/models/opportunity-dto';
import { I18n } from '../../../core/i18n/i18n';
import { apiListFetch } from '../../../shared/data-grid/api-list';
import { DataGrid } from '../../../shared/data-grid/data-grid';
import { OPPORTUNITY_STATUSES } from '../../../shared/crm-labels';
import { GridColumn } from '../../../shared/data-grid/grid-query';
import { UsersDirectory } from '../../../shared/users-directory';
import { PipelineSelection } from '../pipeline-selection';

/** Vendas → Lista: the pipeline's opportunities in the server-side grid, with the sales filters above it. */
@Component({
  selector: 'app-opportunity-list',
  imports: [DataGrid, MatFormField, MatLabel, MatSelect, MatOption, MatInput],
  template: `
    <form
      class="filters"
      (submit)="$event.preventDefault()"
      [attr.aria-label]="i18n.t('common.filters')"
    >
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ i18n.t('opportunities.field.status') }}</mat-label>
        <mat-select
          multiple
          data-testid="filter-status"
          [value]="status()"
          (valueChange)="status.set($event)"
        >
          @for (option of statuses; track option.value) {
            <mat-option [value]="option.value">{{ i18n.t(option.label) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ i18n.t('opportunities.field.stage') }}</mat-label>
        <mat-select [value]="stage()" (valueChange)="stage.set($event)">
          <mat-option value="">{{ i18n.t('common.all') }}</mat-option>
          @for (s of selection.pipeline()!.stages; track s.id) {
            <mat-option [value]="s.id">{{ s.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ i18n.t('common.owner') }}</mat-label>
        <mat-select [value]="owner()" (valueChange)="owner.set($event)">
          <mat-option value="">{{ i18n.t('common.all') }}</mat-option>
          <mat-option value="me">{{ i18n.t('common.mine') }}</mat-option>
          <mat-option value="none">{{ i18n.t('common.noOwner') }}</mat-option>
          @for (user of users.users(); track user.id) {
            <mat-option [value]="user.id">{{ user.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ i18n.t('opportunities.closeFrom') }}</mat-label>
        <input
          matInput
          type="date"
          [value]="closeFrom()"
          (change)="closeFrom.set($any($event.target).value)"
        />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ i18n.t('opportunities.closeTo') }}</mat-label>
        <input
          matInput
          type="date"
          [value]="closeTo()"
          (change)="closeTo.set($any($event.target).value)"
        />
      </mat-form-field>
    </form>
    <app-data-grid
      gridId="opportunities"
      [label]="i18n.t('sales.tab.list')"
      [columns]="columns()"
      [fetch]="fetch"
      [params]="params()"
      searchLabel="opportunities.search"
      [requiredFields]="['id', 'currency']"
    />
  `,
  styles: `
    .filters {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
      gap: 8px 12px;
      margin-bottom: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OpportunityList {
  protected readonly i18n = inject(I18n);
  protected readonly selection = inject(PipelineSelection);
  protected readonly users = inject(UsersDirectory);
  protected readonly statuses = OPPORTUNITY_STATUSES;
  protected readonly fetch = apiListFetch(inject(Api), opportunitiesControllerList);

  protected readonly status = signal<string[]>(['aberto']);
  protected readonly stage = signal('');
  protected readonly owner = signal('');
  protected readonly closeFrom = signal('');
  protected readonly closeTo = signal('');

  protected readonly params = computed(() => {
    const owner = this.owner();
    const params: Record<string, string> = { pipelineId: this.selection.pipeline()?.id ?? '' };
    if (this.status().length) params['status'] = this.status().join(',');
    if (this.stage()) params['stageId'] = this.stage();
    if (owner === 'me' || owner === 'none') params['owner'] = owner;
    else if (owner) params['ownerId'] = owner;
    if (this.closeFrom()) params['expectedCloseFrom'] = this.closeFrom();
    if (this.closeTo()) params['expectedCloseTo'] = this.closeTo();
    return params;
  });

  protected readonly columns = computed<GridColumn<OpportunityDto>[]>(() => {
    const users = this.users;
    users.users(); // owner names once loaded
    return [
      { field: 'title', header: 'opportunities.field.title', sort: true, essential: true, flex: 2 },
      { field: 'companyName', header: 'opportunities.field.company', flex: 1.5 },
      { field: 'contactName', header: 'opportunities.field.contact', hidden: true },
      { field: 'stageName', header: 'opportunities.field.stage' },
      {
        field: 'amount',
        header: 'opportunities.field.amount',
        sort: true,
        format: 'currency',
        essential: true,
        filter: { kind: 'number', min: 'amountMin', max: 'amountMax' },
      },
      {
        field: 'weightedAmount',
        header: 'opportunities.field.weightedAmount',
        sort: true,
        format: 'currency',
      },
      {
        field: 'probability',
        header: 'opportunities.field.probability',
        format: 'percent',
        hidden: true,
      },
      {
        field: 'expectedCloseDate',
        header: 'opportunities.field.expectedCloseDate',
        sort: true,
        format: 'date',
      },
      {
        field: 'status',
        header: 'opportunities.field.status',
        labels: OPPORTUNITY_STATUSES,
        hidden: true,
      },
      {
        field: 'ownerId',
        header: 'common.owner',
        value: (row) => users.name(row.ownerId),
      },
      {
        field: 'createdAt',
        header: 'common.createdAt',
        sort: true,
        format: 'date',
        hidden: true,
        filter: { kind: 'date', from: 'createdFrom', to: 'createdTo' },
      },
      {
        field: 'closedAt',
        header: 'opportunities.field.closedAt',
        sort: true,
        format: 'date',
        hidden: true,
        filter: { kind: 'date', from: 'closedFrom', to: 'closedTo' },
      },
    ];
  });
}
