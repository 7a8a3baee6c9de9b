import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ErrorHandler,
  inject,
  signal,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { catchError, distinctUntilChanged, map, of, switchMap } from 'rxjs';

import { Api } from '../../core/api/generated/api';
import { companiesControllerGet } from '../../core/api/generated/fn/companies/companies-controller-get';
import { contactsControllerGet } from '../../core/api/generated/fn/contacts/contacts-controller-get';
import { ContactDto } from '../../core/api/generated/models/contact-dto';
import { AREA_ROLES } from '../../core/auth/roles';
import { SessionStore } from '../../core/auth/session-store';
import { I18n } from '../../core/i18n/i18n';
import { formatLocalDate } from '../../core/i18n/locale-format';
import { CONTACT_STATUSES, labelOf, LIFECYCLE_STAGES } from '../../shared/crm-labels';
import { applyMask } from '../../shared/masks/br-masks';
import { DetailItem, RecordDetails } from '../../shared/record-view/record-details';
import { RecordHistory } from '../../shared/record-view/record-history';
import { RecordTimeline } from '../../shared/record-view/record-timeline';
import { RelatedDeals } from '../../shared/record-view/related-deals';
import { UsersDirectory } from '../../shared/users-directory';
import { CONTACT_LABELS } from './contact-fields';

/** A contact's page: details, timeline (activities and notes), deals and the history of changes. */
@Component({
  selector: 'app-contact-record',
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
    <a class="back" routerLink="/contacts">
      <mat-icon svgIcon="arrow-back" aria-hidden="true" />
      {{ i18n.t('nav.contacts') }}
    </a>
    @if (contact(); as contact) {
      <header class="record-header">
        <div>
          <h1 data-testid="record-title">{{ contact.name }}</h1>
          @if (contact.jobTitle || companyName()) {
            <p class="subtitle">
              {{ contact.jobTitle }}{{ contact.jobTitle && companyName() ? ' · ' : ''
              }}{{ companyName() }}
            </p>
          }
        </div>
        @if (canWrite) {
          <a
            matButton="outlined"
            [routerLink]="['/contacts', contact.id, 'edit']"
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
      @for (id of [contact.id]; track id) {
        <mat-tab-group class="tabs" mat-stretch-tabs="false" dynamicHeight>
          <mat-tab [label]="i18n.t('record.timeline')">
            <div class="tab-body">
              <app-record-timeline kind="contact" [recordId]="id" [canWrite]="canWrite" />
            </div>
          </mat-tab>
          <mat-tab [label]="i18n.t('record.deals')">
            <div class="tab-body"><app-related-deals kind="contact" [recordId]="id" /></div>
          </mat-tab>
          <mat-tab [label]="i18n.t('record.history')">
            <div class="tab-body">
              <app-record-history kind="contact" [recordId]="id" [labels]="labels" />
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
export class ContactRecord {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(Api);
  private readonly users = inject(UsersDirectory);
  private readonly errors = inject(ErrorHandler);
  protected readonly canWrite = inject(SessionStore).hasRole(AREA_ROLES.crmWrite);
  protected readonly labels = CONTACT_LABELS;
  protected readonly failed = signal(false);

  protected readonly contact = toSignal(
    inject(ActivatedRoute).paramMap.pipe(
      map((params) => params.get('id')!),
      switchMap((id) =>
        this.api.invoke(contactsControllerGet, { id }).pipe(
          catchError((e: unknown) => {
            this.failed.set(true);
            this.errors.handleError(e);
            return of(null);
          }),
        ),
      ),
    ),
    { initialValue: null as ContactDto | null },
  );

  // The contact holds the company's id; its name comes from the company.
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
