import { HttpErrorResponse } from '@angular/common/http';
import { ErrorHandler, inject, Injectable, Injector } from '@angular/core';

import { apiErrorOf } from '../api/api-error';
import { I18n } from '../i18n/i18n';

const SNACK_DURATION_MS = 8000;

/** The text a person sees for an error nobody handled: the API's own message when there is one. */
export function userMessage(error: unknown, i18n: I18n): string {
  const api = apiErrorOf(error);
  if (api) return api.message;
  if (error instanceof HttpErrorResponse && error.status === 0) return i18n.t('error.network');
  return i18n.t('error.unexpected');
}

/**
 * The one place where unhandled errors reach the user, as a snack bar. The snack bar code is fetched on
 * the first error, so it stays out of the initial bundle.
 */
@Injectable()
export class GlobalErrorHandler implements ErrorHandler {
  private readonly injector = inject(Injector);
  private readonly i18n = inject(I18n);

  handleError(error: unknown): void {
    console.error(error);
    void this.show(userMessage(error, this.i18n));
  }

  private async show(message: string): Promise<void> {
    const { MatSnackBar } = await import('@angular/material/snack-bar');
    this.injector
      .get(MatSnackBar)
      .open(message, this.i18n.t('common.close'), { duration: SNACK_DURATION_MS });
  }
}
