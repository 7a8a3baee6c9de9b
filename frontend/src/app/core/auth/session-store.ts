import { HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, InjectionToken, signal } from '@angular/core';
import { catchError, finalize, map, Observable, shareReplay, throwError } from 'rxjs';

import { Api } from '../api/generated/api';
import { authControllerLogin } from '../api/generated/fn/auth/auth-controller-login';
import { authControllerLogout } from '../api/generated/fn/auth/auth-controller-logout';
import { authControllerMe } from '../api/generated/fn/auth/auth-controller-me';
import { authControllerRefresh } from '../api/generated/fn/auth/auth-controller-refresh';
import { authControllerSwitchTenant } from '../api/generated/fn/auth/auth-controller-switch-tenant';
import { LoginDto } from '../api/generated/models/login-dto';
import { MembershipDto } from '../api/generated/models/membership-dto';
import { SessionDto } from '../api/generated/models/session-dto';
import { TenantRefDto } from '../api/generated/models/tenant-ref-dto';
import { UserDto } from '../api/generated/models/user-dto';
import { Role } from './roles';

export interface Session {
  readonly accessToken: string;
  readonly user: UserDto;
  readonly tenant: TenantRefDto | null;
  readonly role: Role;
}

/**
 * Where the refresh token survives a page reload. sessionStorage, not localStorage: each tab has its own
 * rotating token family, so two tabs never race to rotate the same token (a reuse ends the whole family on
 * the server), and closing the tab ends the session on a shared computer. Cost: a new tab asks to log in
 * again. The access token never leaves memory. See frontend/README.md, "Session".
 */
export const REFRESH_TOKEN_STORAGE = new InjectionToken<Storage>('REFRESH_TOKEN_STORAGE', {
  providedIn: 'root',
  factory: () => sessionStorage,
});

export const REFRESH_TOKEN_KEY = 'crm.refreshToken';

/**
 * The API refused the refresh token (expired, revoked, reused, malformed): the session is over. A network
 * failure or a 5xx is not a refusal; the token is kept so a later attempt can still renew.
 */
export function refreshRefused(error: unknown): boolean {
  return error instanceof HttpErrorResponse && (error.status === 401 || error.status === 400);
}

/** The signed-in user's session: who, which tenant, which role, and the tokens that prove it. */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(Api);
  private readonly storage = inject(REFRESH_TOKEN_STORAGE);

  private readonly current = signal<Session | null>(null);
  private readonly tenantList = signal<readonly MembershipDto[]>([]);
  private refreshing: Observable<Session> | null = null;
  private restoring: Promise<boolean> | null = null;

  readonly session = this.current.asReadonly();
  readonly signedIn = computed(() => this.current() !== null);
  readonly user = computed(() => this.current()?.user ?? null);
  readonly tenant = computed(() => this.current()?.tenant ?? null);
  readonly role = computed(() => this.current()?.role ?? null);
  /** Tenants of the user other than the current one (loaded by `loadMemberships`). */
  readonly otherTenants = computed(() =>
    this.tenantList().filter((m) => m.slug !== this.current()?.tenant?.slug),
  );

  accessToken(): string | null {
    return this.current()?.accessToken ?? null;
  }

  hasRole(roles: readonly Role[]): boolean {
    const role = this.role();
    return role !== null && roles.includes(role);
  }

  login(credentials: LoginDto): Observable<Session> {
    return this.api
      .invoke(authControllerLogin, { body: credentials })
      .pipe(map((dto) => this.start(dto)));
  }

  switchTenant(slug: string): Observable<Session> {
    return this.api
      .invoke(authControllerSwitchTenant, { body: { tenant: slug } })
      .pipe(map((dto) => this.start(dto)));
  }

  /**
   * Trades the stored refresh token for a new pair. Concurrent callers share one request: the token
   * rotates, so a second request with the same token would count as reuse and end the session.
   */
  refresh(): Observable<Session> {
    if (this.refreshing) return this.refreshing;
    const refreshToken = this.storage.getItem(REFRESH_TOKEN_KEY);
    if (!refreshToken) return throwError(() => new Error('no refresh token'));
    this.refreshing = this.api.invoke(authControllerRefresh, { body: { refreshToken } }).pipe(
      map((dto) => this.start(dto)),
      catchError((error: unknown) => {
        if (refreshRefused(error)) this.end();
        return throwError(() => error);
      }),
      finalize(() => (this.refreshing = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshing;
  }

  /** The refresh in flight, if any: requests that start meanwhile wait for its new access token. */
  pendingRefresh(): Observable<Session> | null {
    return this.refreshing;
  }

  /** After a reload: true when a session is (or could be brought back) in memory. Runs once. */
  restore(): Promise<boolean> {
    if (this.current()) return Promise.resolve(true);
    if (!this.storage.getItem(REFRESH_TOKEN_KEY)) return Promise.resolve(false);
    this.restoring ??= new Promise<boolean>((resolve) => {
      this.refresh().subscribe({ next: () => resolve(true), error: () => resolve(false) });
    }).finally(() => (this.restoring = null));
    return this.restoring;
  }

  /** Reads the tenants the user belongs to, for the "switch tenant" menu. */
  loadMemberships(): void {
    this.api.invoke(authControllerMe).subscribe({
      next: (me) => this.tenantList.set(me.tenants),
      error: () => this.tenantList.set([]),
    });
  }

  /** Forgets the session at once; the server-side revocation is best effort. */
  logout(): void {
    const refreshToken = this.storage.getItem(REFRESH_TOKEN_KEY);
    this.end();
    if (refreshToken) {
      this.api
        .invoke(authControllerLogout, { body: { refreshToken } })
        .subscribe({ error: () => {} });
    }
  }

  /** Drops the session locally (refresh failed, token rejected). */
  end(): void {
    this.current.set(null);
    this.tenantList.set([]);
    this.storage.removeItem(REFRESH_TOKEN_KEY);
  }

  private start(dto: SessionDto): Session {
    const session: Session = {
      accessToken: dto.accessToken,
      user: dto.user,
      tenant: dto.tenant,
      role: dto.role,
    };
    this.storage.setItem(REFRESH_TOKEN_KEY, dto.refreshToken);
    this.current.set(session);
    return session;
  }
}
