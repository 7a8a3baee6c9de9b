import {
  ChangeDetectionStrategy,
  Component,
  ErrorHandler,
  inject,
  input,
  OnInit,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';

import { Api } from '../../core/api/generated/api';
import { opportunitiesControllerList } from '../../core/api/generated/fn/opportunities/opportunities-controller-list';
import { OpportunityDto } from '../../core/api/generated/models/opportunity-dto';
import { I18n } from '../../core/i18n/i18n';
import { LocalCurrencyPipe, LocalDatePipe } from '../../core/i18n/locale-format';
import { labelOf, OPPORTUNITY_STATUSES } from '../crm-labels';
import { RecordKind } from './record-timeline';

const PAGE = 20;
const FIELDS = 'title,stageName,amount,currency,status,expectedCloseDate,closedAt';

type Deal = Pick<
  OpportunityDto,
  'id' | 'title' | 'stageName' | 'amount' | 'currency' | 'status' | 'expectedCloseDate' | 'closedAt'
>;

/** The opportunities of a contact or company, newest first. */
@Component({
  selector: 'app-related-deals',
  imports: [MatButton, MatProgressBar, LocalCurrencyPipe, LocalDatePipe],
  template: `
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="i18n.t('common.loading')" />
    }
    @if (deals().length) {
      <div class="table-scroll">
        <table class="app-table" data-testid="related-deals">
          <thead>
            <tr>
              <th scope="col">{{ i18n.t('opportunities.field.title') }}</th>
              <th scope="col" class="optional">{{ i18n.t('opportunities.field.stage') }}</th>
              <th scope="col">{{ i18n.t('opportunities.field.amount') }}</th>
              <th scope="col">{{ i18n.t('opportunities.field.status') }}</th>
              <th scope="col" class="optional">
                {{ i18n.t('opportunities.field.expectedCloseDate') }}
              </th>
            </tr>
          </thead>
          <tbody>
            @for (deal of deals(); track deal.id) {
              <tr>
                <td>{{ deal.title }}</td>
                <td class="optional">{{ deal.stageName }}</td>
                <td class="deal-amount">{{ deal.amount | localCurrency: deal.currency }}</td>
                <td>
                  <span class="status-badge" [class.status-badge--active]="deal.status === 'ganho'">
                    {{ i18n.t(labelOf(statuses, deal.status)!) }}
                  </span>
                </td>
                <td class="optional">{{ deal.expectedCloseDate | localDate }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    } @else if (!loading()) {
      <p class="empty">{{ i18n.t('deals.empty') }}</p>
    }
    @if (nextCursor()) {
      <button matButton type="button" (click)="load(nextCursor()!)" [disabled]="loading()">
        {{ i18n.t('common.loadMore') }}
      </button>
    }
  `,
  styleUrl: './record-view.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RelatedDeals implements OnInit {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(Api);
  private readonly errors = inject(ErrorHandler);

  readonly kind = input.required<RecordKind>();
  readonly recordId = input.required<string>();

  protected readonly statuses = OPPORTUNITY_STATUSES;
  protected readonly labelOf = labelOf;
  protected readonly deals = signal<readonly Deal[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);

  ngOnInit(): void {
    this.load();
  }

  protected load(cursor?: string): void {
    this.loading.set(true);
    const owner = this.kind() === 'contact' ? 'contactId' : 'companyId';
    this.api
      .invoke(opportunitiesControllerList, {
        [owner]: [this.recordId()],
        sort: '-createdAt',
        limit: PAGE,
        fields: FIELDS,
        ...(cursor ? { cursor } : {}),
      })
      .subscribe({
        next: (page) => {
          this.deals.update((deals) => (cursor ? [...deals, ...page.items] : page.items));
          this.nextCursor.set(page.nextCursor);
          this.loading.set(false);
        },
        error: (e: unknown) => {
          this.loading.set(false);
          this.errors.handleError(e);
        },
      });
  }
}
