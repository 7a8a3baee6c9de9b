import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ErrorHandler,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { catchError, map, of, switchMap } from 'rxjs';

import { Api } from '../../core/api/generated/api';
import { companiesControllerGet } from '../../core/api/generated/fn/companies/companies-controller-get';
import { CompanyDto } from '../../core/api/generated/models/company-dto';
import { AREA_ROLES } from '../../core/auth/roles';
import { SessionStore } from '../../core/auth/session-store';
import { I18n } from '../../core/i18n/i18n';
import { formatLocalCurrency, formatLocalDate } from '../../core/i18n/locale-format';
import {
  COMPANY_SIZES,
  COMPANY_STATUSES,
  labelOf,
  LIFECYCLE_STAGES,
} from '../../shared/crm-labels';
import { applyMask } from '../../shared/masks/br-masks';
import { DetailItem, RecordDetails } from '../../shared/record-view/record-details';
import { RecordHistory } from '../../shared/record-view/record-history';
import { RecordTimeline } from '../../shared/record-view/record-timeline';
import { RelatedDeals } from '../../shared/record-view/related-deals';
import { UsersDirectory } from '../../shared/users-directory';
import { COMPANY_LABELS } from './company-fields';

/** A company's page: details, timeline (activities and notes), deals and the history of changes. */
@Component({
  selector: 'app-company-record',
  imports: [
    RouterLink,
    MatAnchor,
    MatIcon,
    MatProgressBar,
    MatTabGroup,
    MatTab,
    RecordDetails,
    RecordTimeline,
    RelatedDeals,
    RecordHistory,
  ],
  template: `
    <a class="back" routerLink="/companies">
      <mat-icon svgIcon="arrow-back" aria-hidden="true" />
      {{ i18n.t('nav.companies') }}
    </a>
    @if (company(); as company) {
      <header class="record-header">
        <div>
          <h1 data-testid="record-title">{{ company.legalName }}</h1>
          @if (company.tradeName || company.segment) {
            <p class="subtitle">
              {{ company.tradeName }}{{ company.tradeName && company.segment ? ' · ' : ''
              }}{{ company.segment }}
            </p>
          }
        </div>
        @if (canWrite) {
          <a
            matButton="outlined"
            [routerLink]="['/companies', company.id, 'edit']"
            data-testid="edit"
          >
            <mat-icon svgIcon="edit" aria-hidden="true" />
            {{ i18n.t('common.edit') }}
          </a>
        }
      </header>
      <section class="panel" [attr.aria-label]="i18n.t('record.details')">
        <app-record-details [items]="details()" />
      </section>
      @for (id of [company.id]; track id) {
        <mat-tab-group class="tabs" mat-stretch-tabs="false" dynamicHeight>
          <mat-tab [label]="i18n.t('record.timeline')">
            <div class="tab-body">
              <app-record-timeline kind="company" [recordId]="id" [canWrite]="canWrite" />
            </div>
          </mat-tab>
          <mat-tab [label]="i18n.t('record.deals')">
            <div class="tab-body"><app-related-deals kind="company" [recordId]="id" /></div>
          </mat-tab>
          <mat-tab [label]="i18n.t('record.history')">
            <div class="tab-body">
              <app-record-history kind="company" [recordId]="id" [labels]="labels" />
            </div>
          </mat-tab>
        </mat-tab-group>
      }
    } @else if (!failed()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="i18n.t('common.loading')" />
    }
  `,
  styleUrl: '../../shared/record-view/record-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompanyRecord {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(Api);
  private readonly users = inject(UsersDirectory);
  private readonly errors = inject(ErrorHandler);
  protected readonly canWrite = inject(SessionStore).hasRole(AREA_ROLES.crmWrite);
  protected readonly labels = COMPANY_LABELS;
  protected readonly failed = signal(false);

  protected readonly company = toSignal(
    inject(ActivatedRoute).paramMap.pipe(
      map((params) => params.get('id')!),
      switchMap((id) =>
        this.api.invoke(companiesControllerGet, { id }).pipe(
          catchError((e: unknown) => {
            this.failed.set(true);
            this.errors.handleError(e);
            return of(null);
          }),
        ),
      ),
    ),
    { initialValue: null as CompanyDto | null },
  );

  protected readonly details = computed<DetailItem[]>(() => {
    const c = this.company();
    if (!c) return [];
    const language = this.i18n.language();
    const label = (key: ReturnType<typeof labelOf>) => (key ? this.i18n.t(key) : '');
    const a = c.address;
    const street = a ? [a.street, a.number, a.complement].filter(Boolean).join(', ') : '';
    const place = a
      ? [a.district, [a.city, a.state].filter(Boolean).join(' / ')].filter(Boolean).join(' · ')
      : '';
    return [
      { label: 'companies.field.cnpj', value: applyMask('cnpj', c.cnpj) },
      { label: 'companies.field.stateRegistration', value: c.stateRegistration },
      { label: 'companies.field.size', value: label(labelOf(COMPANY_SIZES, c.size)) },
      { label: 'contacts.field.email', value: c.email, href: c.email ? `mailto:${c.email}` : null },
      {
        label: 'contacts.field.phone',
        value: applyMask('phone', c.phone),
        href: c.phone ? `tel:${c.phone}` : null,
      },
      { label: 'companies.field.website', value: c.website, href: c.website },
      { label: 'address.street', value: street },
      { label: 'address.city', value: place },
      { label: 'address.postalCode', value: applyMask('cep', a?.postalCode) },
      {
        label: 'contacts.field.lifecycleStage',
        value: label(labelOf(LIFECYCLE_STAGES, c.lifecycleStage)),
      },
      { label: 'contacts.field.status', value: label(labelOf(COMPANY_STATUSES, c.status)) },
      { label: 'companies.field.customerSince', value: formatLocalDate(c.customerSince, language) },
      {
        label: 'companies.field.employeeCount',
        value: c.employeeCount?.toLocaleString(this.i18n.locale()),
      },
      {
        label: 'companies.field.annualRevenue',
        value: formatLocalCurrency(c.annualRevenue, language),
      },
      { label: 'common.owner', value: this.users.name(c.ownerId) },
      { label: 'common.tags', value: c.tags.join(', ') },
    ];
  });

  constructor() {
    this.users.load();
  }
}
