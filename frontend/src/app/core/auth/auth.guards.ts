import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';

import { Role } from './roles';
import { SessionStore } from './session-store';

/** Pages behind the login: brings the session back after a reload, or sends to /login. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const router = inject(Router);
  if (await inject(SessionStore).restore()) return true;
  return router.createUrlTree(['/login'], {
    queryParams: state.url && state.url !== '/' ? { returnUrl: state.url } : {},
  });
};

/** The login page: someone already signed in goes to the console instead. */
export const guestGuard: CanActivateFn = async () => {
  const router = inject(Router);
  return (await inject(SessionStore).restore()) ? router.createUrlTree(['/']) : true;
};

/** An area for some roles only: others land on the home page (the navigation does not offer it to them). */
export function roleGuard(roles: readonly Role[]): CanActivateFn {
  return () => inject(SessionStore).hasRole(roles) || inject(Router).createUrlTree(['/']);
}
