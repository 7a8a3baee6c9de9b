import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { catchError, distinctUntilChanged, map, of, switchMap } from 'rxjs';

import { Api } from '../../core/api/generated/api';
import { companiesControllerGet } from '../../core/api/generated/fn/companies/companies-controller-get';
import { contactsControllerGet } from '../../core/api/generated/fn/contacts/contacts-controller-get';
import { AREA_ROLES } from '../../core/auth/roles';
import { SessionStore } from '../../core/auth/session-store';
import { I18n } from '../../core/i18n/i18n';
import { formatLocalDate } from '../../core/i18n/locale-format';
import { CONTACT_STATUSES, labelOf, LIFECYCLE_STAGES } from '../../shared/crm-labels';
import { applyMask } from '../../shared/masks/br-masks';
import { DetailItem } from '../../shared/record-view/record-details';
import { RecordPage } from '../../shared/record-view/record-page';
import { recordFromRoute } from '../../shared/record-view/route-record';
import { UsersDirectory } from '../../shared/users-directory';
import { CONTACT_LABELS } from './contact-fields';

/** A contact's page: details, timeline (activities and notes), deals and the history of changes. */
@Component({
  selector: 'app-contact-record',
  imports: [RecordPage],
  template: `
    <app-record-page
      kind="contact"
      listPath="/contacts"
      [listLabel]="i18n.t('nav.contacts')"
      [recordId]="contact()?.id ?? null"
      [title]="contact()?.name ?? ''"
      [subtitle]="subtitle()"
      [details]="details()"
      [labels]="labels"
      [canWrite]="canWrite"
      [failed]="failed()"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactRecord {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(Api);
  private readonly users = inject(UsersDirectory);
  protected readonly canWrite = inject(SessionStore).hasRole(AREA_ROLES.crmWrite);
  protected readonly labels = CONTACT_LABELS;
  protected readonly failed = signal(false);

  protected readonly contact = recordFromRoute(
    (id) => this.api.invoke(contactsControllerGet, { id }),
    this.failed,
  );

  protected readonly companyName = toSignal(
    toObservable(this.contact).pipe(
      map((c) => c?.companyId ?? null),
      distinctUntilChanged(),
      switchMap((id) =>
        id
          ? this.api.invoke(companiesControllerGet, { id }).pipe(
              map((company) => company.legalName),
              catchError(() => of('')),
            )
          : of(''),
      ),
    ),
    { initialValue: '' },
  );

  protected readonly subtitle = computed(() =>
    [this.contact()?.jobTitle, this.companyName()].filter(Boolean).join(' · '),
  );

  protected readonly details = computed<DetailItem[]>(() => {
    const c = this.contact();
    if (!c) return [];
    const language = this.i18n.language();
    const label = (key: ReturnType<typeof labelOf>) => (key ? this.i18n.t(key) : '');
    return [
      { label: 'contacts.field.email', value: c.email, href: c.email ? `mailto:${c.email}` : null },
      {
        label: 'contacts.field.mobile',
        value: applyMask('phone', c.mobile),
        href: c.mobile ? `tel:${c.mobile}` : null,
      },
      {
        label: 'contacts.field.phone',
        value: applyMask('phone', c.phone),
        href: c.phone ? `tel:${c.phone}` : null,
      },
      { label: 'contacts.field.cpf', value: applyMask('cpf', c.cpf) },
      { label: 'contacts.field.birthDate', value: formatLocalDate(c.birthDate, language) },
      {
        label: 'contacts.field.company',
        value: this.companyName(),
        link: c.companyId ? `/companies/${c.companyId}` : null,
      },
      { label: 'contacts.field.department', value: c.department },
      {
        label: 'contacts.field.lifecycleStage',
        value: label(labelOf(LIFECYCLE_STAGES, c.lifecycleStage)),
      },
      { label: 'contacts.field.status', value: label(labelOf(CONTACT_STATUSES, c.status)) },
      { label: 'common.owner', value: this.users.name(c.ownerId) },
      {
        label: 'contacts.field.lastActivityAt',
        value: formatLocalDate(c.lastActivityAt, language, 'dateTime'),
      },
      { label: 'common.tags', value: c.tags.join(', ') },
      { label: 'contacts.field.linkedinUrl', value: c.linkedinUrl, href: c.linkedinUrl },
      { label: 'common.createdAt', value: formatLocalDate(c.createdAt, language) },
    ];
  });

  constructor() {
    this.users.load();
  }
}
