import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';

import { Api } from '../../core/api/generated/api';
import { companiesControllerGet } from '../../core/api/generated/fn/companies/companies-controller-get';
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
import { DetailItem } from '../../shared/record-view/record-details';
import { RecordPage } from '../../shared/record-view/record-page';
import { recordFromRoute } from '../../shared/record-view/route-record';
import { UsersDirectory } from '../../shared/users-directory';
import { COMPANY_LABELS } from './company-fields';

/** A company's page: details, timeline (activities and notes), deals and the history of changes. */
@Component({
  selector: 'app-company-record',
  imports: [RecordPage],
  template: `
    <app-record-page
      kind="company"
      listPath="/companies"
      [listLabel]="i18n.t('nav.companies')"
      [recordId]="company()?.id ?? null"
      [title]="company()?.legalName ?? ''"
      [subtitle]="subtitle()"
      [details]="details()"
      [labels]="labels"
      [canWrite]="canWrite"
      [failed]="failed()"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompanyRecord {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(Api);
  private readonly users = inject(UsersDirectory);
  protected readonly canWrite = inject(SessionStore).hasRole(AREA_ROLES.crmWrite);
  protected readonly labels = COMPANY_LABELS;
  protected readonly failed = signal(false);

  protected readonly company = recordFromRoute(
    (id) => this.api.invoke(companiesControllerGet, { id }),
    this.failed,
  );

  protected readonly subtitle = computed(() =>
    [this.company()?.tradeName, this.company()?.segment].filter(Boolean).join(' · '),
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
