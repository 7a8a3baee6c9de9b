import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';

import { I18n } from '../../core/i18n/i18n';
import { MessageKey } from '../../core/i18n/messages.pt-br';
import { DetailItem, RecordDetails } from './record-details';
import { RecordHistory } from './record-history';
import { RecordKind, RecordTimeline } from './record-timeline';
import { RelatedDeals } from './related-deals';

/**
 * The page of one CRM record (contact, company): back link, title and subtitle, edit button, details, then the
 * timeline (activities and notes), related deals and the history of changes. The feature page loads the record
 * and says what to show; a loading bar stands in until `recordId` is set, unless loading `failed`.
 */
@Component({
  selector: 'app-record-page',
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
    <a class="back" [routerLink]="listPath()">
      <mat-icon svgIcon="arrow-back" aria-hidden="true" />
      {{ listLabel() }}
    </a>
    @if (recordId(); as id) {
      <header class="record-header">
        <div>
          <h1 data-testid="record-title">{{ title() }}</h1>
          @if (subtitle()) {
            <p class="subtitle">{{ subtitle() }}</p>
          }
        </div>
        @if (canWrite()) {
          <a matButton="outlined" [routerLink]="[listPath(), id, 'edit']" data-testid="edit">
            <mat-icon svgIcon="edit" aria-hidden="true" />
            {{ i18n.t('common.edit') }}
          </a>
        }
      </header>
      <section class="panel" [attr.aria-label]="i18n.t('record.details')">
        <app-record-details [items]="details()" />
      </section>
      @for (rid of [id]; track rid) {
        <mat-tab-group class="tabs" mat-stretch-tabs="false" dynamicHeight>
          <mat-tab [label]="i18n.t('record.timeline')">
            <div class="tab-body">
              <app-record-timeline [kind]="kind()" [recordId]="rid" [canWrite]="canWrite()" />
            </div>
          </mat-tab>
          <mat-tab [label]="i18n.t('record.deals')">
            <div class="tab-body"><app-related-deals [kind]="kind()" [recordId]="rid" /></div>
          </mat-tab>
          <mat-tab [label]="i18n.t('record.history')">
            <div class="tab-body">
              <app-record-history [kind]="kind()" [recordId]="rid" [labels]="labels()" />
            </div>
          </mat-tab>
        </mat-tab-group>
      }
    } @else if (!failed()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="i18n.t('common.loading')" />
    }
  `,
  styleUrl: './record-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordPage {
  protected readonly i18n = inject(I18n);

  readonly kind = input.required<RecordKind>();
  /** The list the record belongs to (`/contacts`); the edit page is `<listPath>/<id>/edit`. */
  readonly listPath = input.required<string>();
  readonly listLabel = input.required<string>();
  readonly recordId = input<string | null>(null);
  readonly title = input('');
  readonly subtitle = input('');
  readonly details = input<DetailItem[]>([]);
  /** Field labels for the history of changes. */
  readonly labels = input<Readonly<Record<string, MessageKey>>>({});
  readonly canWrite = input(false);
  readonly failed = input(false);
}
