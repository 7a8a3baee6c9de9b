import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, Observable, switchMap, throwError } from 'rxjs';

import { hasApiCode } from '../api/api-error';
import { authControllerLogin } from '../api/generated/fn/auth/auth-controller-login';
import { authControllerLogout } from '../api/generated/fn/auth/auth-controller-logout';
import { authControllerRefresh } from '../api/generated/fn/auth/auth-controller-refresh';
import { refreshRefused, SessionStore } from './session-store';

// These carry their own credentials in the body; a 401 from them is an answer, not an expired session.
const CREDENTIAL_PATHS = new Set<string>([
  authControllerLogin.PATH,
  authControllerRefresh.PATH,
  authControllerLogout.PATH,
]);

/** Only our own API gets the bearer token, never a third-party URL. */
function needsToken(req: HttpRequest<unknown>): boolean {
  return req.url.startsWith('/api/') && !CREDENTIAL_PATHS.has(req.url);
}

/**
 * Adds the access token and, when the API answers 401 TOKEN_EXPIRED, renews the session once and replays
 * the request. Requests that fail while a renewal is in flight share it (SessionStore.refresh); a request
 * that fails again after its replay is not renewed a second time. When the API refuses the renewal, the
 * user is sent to the login page; either way the error goes on to the caller.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!needsToken(req)) return next(req);
  const session = inject(SessionStore);
  const router = inject(Router);

  const send = (token: string | null) =>
    next(token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req);

  const toLogin = (error: unknown): Observable<never> => {
    session.end();
    if (!router.url.startsWith('/login')) {
      void router.navigate(['/login'], { queryParams: { returnUrl: router.url } });
    }
    return throwError(() => error);
  };

  const pending = session.pendingRefresh();
  const first = pending
    ? pending.pipe(switchMap((renewed) => send(renewed.accessToken)))
    : send(session.accessToken());

  return first.pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) {
        return throwError(() => error);
      }
      if (!hasApiCode(error, 'TOKEN_EXPIRED')) return toLogin(error);
      return session.refresh().pipe(
        catchError((refreshError: unknown) =>
          refreshRefused(refreshError) ? toLogin(refreshError) : throwError(() => refreshError),
        ),
        switchMap((renewed) => send(renewed.accessToken)),
      );
    }),
  );
};
