import { Role } from './principal';

export const JWT_ALGORITHM = 'HS256' as const;
export const JWT_ISSUER = 'crm-platform';
export const JWT_AUDIENCE = 'crm-api';

/** Claims of an access token. `tid`/`tslug` are absent in a platform session. */
export interface AccessClaims {
  sub: string;
  tid?: string;
  tslug?: string;
  role: Role;
  /** The person is a platform admin (lets them call platform endpoints from any session). */
  padm?: boolean;
}
