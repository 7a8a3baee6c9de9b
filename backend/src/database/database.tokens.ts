export const DB_ROLES = Symbol('DB_ROLES');
export const DB_URLS = Symbol('DB_URLS');

export interface DbUrls {
  /** Privileged (DDL) connection. */
  admin: string;
  /** The API's login role. */
  app: string;
}
