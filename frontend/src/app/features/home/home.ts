import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';

import { ApiHealth, ApiStatus } from '../../core/api/api-health';
import { SessionStore } from '../../core/auth/session-store';
import { I18n } from '../../core/i18n/i18n';
import { MessageKey } from '../../core/i18n/messages.pt-br';
import { AppIcon } from '../../core/icons/app-icons';

const STATUS_VIEW: Record<ApiStatus, { label: MessageKey; icon: AppIcon }> = {
  checking: { label: 'api.checking', icon: 'schedule' },
  up: { label: 'api.up', icon: 'check-circle' },
  down: { label: 'api.down', icon: 'error' },
};

/** "Início": the landing page, which for now tells whether the API answers. */
@Component({
  selector: 'app-home',
  imports: [MatCard, MatCardContent, MatIcon, MatButton],
  templateUrl: './home.html',
  styleUrl: './home.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Home {
  protected readonly i18n = inject(I18n);
  protected readonly health = inject(ApiHealth);
  protected readonly session = inject(SessionStore);
  protected readonly status = computed(() => STATUS_VIEW[this.health.status()]);

  constructor() {
    this.health.check();
  }
}
