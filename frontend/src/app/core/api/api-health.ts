import { inject, Injectable, signal } from '@angular/core';
import { timeout } from 'rxjs';

import { Api } from './generated/api';
import { healthControllerReady } from './generated/fn/health/health-controller-ready';

export type ApiStatus = 'checking' | 'up' | 'down';

const CHECK_TIMEOUT_MS = 10_000;

/** Whether the API and its database answer: 200 "ok" is up; 503, a network error or no answer is down. */
@Injectable({ providedIn: 'root' })
export class ApiHealth {
  private readonly api = inject(Api);
  private readonly state = signal<ApiStatus>('checking');

  readonly status = this.state.asReadonly();

  check(): void {
    this.state.set('checking');
    this.api
      .invoke(healthControllerReady)
      .pipe(timeout(CHECK_TIMEOUT_MS))
      .subscribe({
        next: (report) => this.state.set(report.status === 'ok' ? 'up' : 'down'),
        error: () => this.state.set('down'),
      });
  }
}
