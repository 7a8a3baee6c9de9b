import { inject, Injectable, signal } from '@angular/core';
import { finalize, Observable, tap } from 'rxjs';

import { Api } from '../../../core/api/generated/api';
import { apiTokensControllerCreate } from '../../../core/api/generated/fn/api-tokens/api-tokens-controller-create';
import { apiTokensControllerList } from '../../../core/api/generated/fn/api-tokens/api-tokens-controller-list';
import { apiTokensControllerRevoke } from '../../../core/api/generated/fn/api-tokens/api-tokens-controller-revoke';
import { ApiTokenDto } from '../../../core/api/generated/models/api-token-dto';
import { CreateApiTokenDto } from '../../../core/api/generated/models/create-api-token-dto';
import { CreatedApiTokenDto } from '../../../core/api/generated/models/created-api-token-dto';

export type ApiTokenState = 'active' | 'expired' | 'revoked';

export function tokenState(token: ApiTokenDto, now = Date.now()): ApiTokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

/** The tenant's API tokens, for the page that lists, creates and revokes them. */
@Injectable()
export class ApiTokensStore {
  private readonly api = inject(Api);
  private readonly list = signal<readonly ApiTokenDto[]>([]);
  private readonly busy = signal(false);

  readonly tokens = this.list.asReadonly();
  readonly loading = this.busy.asReadonly();

  load(): Observable<ApiTokenDto[]> {
    this.busy.set(true);
    return this.api.invoke(apiTokensControllerList).pipe(
      tap((tokens) => this.list.set(tokens)),
      finalize(() => this.busy.set(false)),
    );
  }

  /** The answer carries the secret; only the listed fields are kept here. */
  create(body: CreateApiTokenDto): Observable<CreatedApiTokenDto> {
    return this.api
      .invoke(apiTokensControllerCreate, { body })
      .pipe(tap(({ token: _secret, ...row }) => this.list.update((tokens) => [row, ...tokens])));
  }

  revoke(id: string): Observable<void> {
    return this.api
      .invoke(apiTokensControllerRevoke, { id })
      .pipe(
        tap(() =>
          this.list.update((tokens) =>
            tokens.map((t) => (t.id === id ? { ...t, revokedAt: new Date().toISOString() } : t)),
          ),
        ),
      );
  }
}
