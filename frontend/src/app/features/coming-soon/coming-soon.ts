import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { ActivatedRoute } from '@angular/router';

import { I18n } from '../../core/i18n/i18n';
import { MessageKey } from '../../core/i18n/messages.pt-br';

/** Placeholder for the areas not built yet; the area's name comes from its route title. */
@Component({
  selector: 'app-coming-soon',
  imports: [MatIcon],
  template: `
    <h1>{{ i18n.t(area) }}</h1>
    <p class="notice">
      <mat-icon svgIcon="schedule" aria-hidden="true" />
      <span>
        <strong>{{ i18n.t('comingSoon.title') }}</strong> — {{ i18n.t('comingSoon.text') }}
      </span>
    </p>
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0 0 8px;
    }
    .notice {
      display: flex;
      align-items: center;
      gap: 8px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComingSoon {
  protected readonly i18n = inject(I18n);
  protected readonly area = (inject(ActivatedRoute).snapshot.title ??
    'comingSoon.title') as MessageKey;
}
