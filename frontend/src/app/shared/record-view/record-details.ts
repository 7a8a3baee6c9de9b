import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { I18n } from '../../core/i18n/i18n';
import { MessageKey } from '../../core/i18n/messages.pt-br';

export interface DetailItem {
  label: MessageKey;
  value: string | null | undefined;
  /** Makes the value a link inside the console. */
  link?: string | null;
  /** An outside address (mailto:, tel:, https:). */
  href?: string | null;
}

/** A record's fields as a definition list; empty values show a dash. */
@Component({
  selector: 'app-record-details',
  imports: [RouterLink],
  template: `
    <dl class="details" data-testid="record-details">
      @for (item of items(); track item.label) {
        <div class="detail">
          <dt>{{ i18n.t(item.label) }}</dt>
          <dd>
            @if (!item.value) {
              —
            } @else if (item.link) {
              <a [routerLink]="item.link">{{ item.value }}</a>
            } @else if (item.href) {
              <a [href]="item.href">{{ item.value }}</a>
            } @else {
              {{ item.value }}
            }
          </dd>
        </div>
      }
    </dl>
  `,
  styles: `
    .details {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(220px, 45%), 1fr));
      gap: 12px 24px;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
    }
    dd {
      margin: 2px 0 0;
      overflow-wrap: anywhere;
    }
    a {
      color: var(--mat-sys-primary);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordDetails {
  protected readonly i18n = inject(I18n);
  readonly items = input.required<readonly DetailItem[]>();
}
