import { Clipboard } from '@angular/cdk/clipboard';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';

import { CreatedApiTokenDto } from '../../../core/api/generated/models/created-api-token-dto';
import { I18n } from '../../../core/i18n/i18n';

/** The new token's secret, shown once: the API never returns it again. */
@Component({
  selector: 'app-api-token-secret',
  imports: [MatButton, MatIcon],
  template: `
    <section
      class="secret"
      tabindex="-1"
      role="region"
      [attr.aria-label]="i18n.t('tokens.secretTitle')"
      data-testid="token-secret"
    >
      <h2>
        <mat-icon svgIcon="warning" aria-hidden="true" />
        {{ i18n.t('tokens.secretTitle') }} — {{ token().name }}
      </h2>
      <p>{{ i18n.t('tokens.secretWarning') }}</p>
      <code class="value" data-testid="token-secret-value">{{ token().token }}</code>
      <div class="actions">
        <button matButton="filled" type="button" (click)="copy()">
          <mat-icon [svgIcon]="copied() ? 'check' : 'copy'" aria-hidden="true" />
          {{ i18n.t(copied() ? 'tokens.copied' : 'tokens.copy') }}
        </button>
        <button matButton="outlined" type="button" (click)="dismiss.emit()">
          {{ i18n.t('tokens.secretDone') }}
        </button>
      </div>
      <span class="sr-only" aria-live="polite">{{ copied() ? i18n.t('tokens.copied') : '' }}</span>
    </section>
  `,
  styles: `
    .secret {
      outline: none;
      padding: 16px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-tertiary);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    h2 {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
    p {
      margin: 0 0 12px;
    }
    .value {
      display: block;
      padding: 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font:
        14px/1.5 ui-monospace,
        'SFMono-Regular',
        Menlo,
        Consolas,
        monospace;
      word-break: break-all;
      user-select: all;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 12px;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiTokenSecret {
  protected readonly i18n = inject(I18n);
  private readonly clipboard = inject(Clipboard);

  readonly token = input.required<CreatedApiTokenDto>();
  readonly dismiss = output<void>();
  protected readonly copied = signal(false);

  constructor() {
    // Brings the secret into view (below the form on a phone) and to screen readers' attention.
    const host = inject<ElementRef<HTMLElement>>(ElementRef);
    afterNextRender(() => host.nativeElement.querySelector('section')?.focus());
  }

  protected copy(): void {
    this.copied.set(this.clipboard.copy(this.token().token));
  }
}
