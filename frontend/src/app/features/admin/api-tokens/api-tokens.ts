import {
  ChangeDetectionStrategy,
  Component,
  ErrorHandler,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { filter, switchMap } from 'rxjs';

import { ApiTokenDto } from '../../../core/api/generated/models/api-token-dto';
import { CreateApiTokenDto } from '../../../core/api/generated/models/create-api-token-dto';
import { CreatedApiTokenDto } from '../../../core/api/generated/models/created-api-token-dto';
import { ROLE_LABELS } from '../../../core/auth/roles';
import { I18n } from '../../../core/i18n/i18n';
import { LocalDatePipe } from '../../../core/i18n/locale-format';
import { MessageKey } from '../../../core/i18n/messages.pt-br';
import { Confirm } from '../../../shared/confirm-dialog';
import { ApiTokenForm } from './api-token-form';
import { ApiTokenSecret } from './api-token-secret';
import { ApiTokenState, ApiTokensStore, tokenState } from './api-tokens.store';

const STATE_LABELS: Record<ApiTokenState, MessageKey> = {
  active: 'tokens.state.active',
  expired: 'tokens.state.expired',
  revoked: 'tokens.state.revoked',
};

/** Admin → "Tokens de API": the tenant's tokens for integrations (ERP, BI, bots). */
@Component({
  selector: 'app-api-tokens',
  imports: [MatButton, MatIcon, MatProgressBar, LocalDatePipe, ApiTokenForm, ApiTokenSecret],
  providers: [ApiTokensStore],
  templateUrl: './api-tokens.html',
  styleUrl: './api-tokens.scss',
  host: { class: 'page' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiTokens {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(ApiTokensStore);
  private readonly confirm = inject(Confirm);
  private readonly errors = inject(ErrorHandler);
  private readonly form = viewChild.required(ApiTokenForm);

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly state = tokenState;
  protected readonly stateLabels = STATE_LABELS;
  protected readonly creating = signal(false);
  /** The secret of the token just created; gone once dismissed or when the page closes. */
  protected readonly created = signal<CreatedApiTokenDto | null>(null);

  constructor() {
    this.store.load().subscribe({ error: (e: unknown) => this.errors.handleError(e) });
  }

  protected create(request: CreateApiTokenDto): void {
    this.creating.set(true);
    this.store.create(request).subscribe({
      next: (token) => {
        this.creating.set(false);
        this.created.set(token);
        this.form().reset();
      },
      error: (e: unknown) => {
        this.creating.set(false);
        this.errors.handleError(e);
      },
    });
  }

  protected revoke(token: ApiTokenDto): void {
    this.confirm
      .ask({
        title: this.i18n.t('tokens.revokeTitle', { name: token.name }),
        message: this.i18n.t('tokens.revokeMessage'),
        confirm: this.i18n.t('tokens.revoke'),
      })
      .pipe(
        filter(Boolean),
        switchMap(() => this.store.revoke(token.id)),
      )
      .subscribe({ error: (e: unknown) => this.errors.handleError(e) });
  }
}
