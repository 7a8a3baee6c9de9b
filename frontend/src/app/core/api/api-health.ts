import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';

export type ApiStatus = 'checking' | 'up' | 'down';

/** The part of the backend's readiness report (@nestjs/terminus) that the console reads. */
interface ReadinessReport {
  status: 'ok' | 'error' | 'shutting_down';
}

const READY_URL = '/api/health/ready';
const CHECK_TIMEOUT_MS = 10_000;

/** Whether the API and its database answer: 200 "ok" is up; 503, a network error or no answer is down. */
@Injectable({ providedIn: 'root' })
export class ApiHealth {
  private readonly http = inject(HttpClient);
  private readonly state = signal<ApiStatus>('checking');

  readonly status = this.state.asReadonly();

  check(): void {
    this.state.set('checking');
    this.http.get<ReadinessReport>(READY_URL, { timeout: CHECK_TIMEOUT_MS }).subscribe({
      next: (report) => this.state.set(report.status === 'ok' ? 'up' : 'down'),
      error: () => this.state.set('down'),
    });
  }
}
