import { createHmac } from 'node:crypto';
import { Env } from '../config/env.schema';

/**
 * Names of the PostgreSQL roles the platform uses, and the passwords of its LOGIN roles, derived from
 * DB_ROLE_SECRET so none is stored. DB_ROLE_PREFIX lets several installations share one cluster
 * (roles are cluster-wide); it is empty in a normal deployment.
 */
export class DbRoles {
  constructor(
    private readonly prefix: string,
    private readonly secret: string,
  ) {}

  static fromEnv(env: Pick<Env, 'DB_ROLE_PREFIX' | 'DB_ROLE_SECRET'>): DbRoles {
    return new DbRoles(env.DB_ROLE_PREFIX, env.DB_ROLE_SECRET);
  }

  /** The API's login role: owns nothing, reaches tenant data only through SET LOCAL ROLE. */
  get app(): string {
    return `${this.prefix}crm_app`;
  }

  /** DML on one tenant schema, for the platform's own SQL. NOLOGIN. */
  tenantReadWrite(slug: string): string {
    return `${this.prefix}t_${slug}_rw`;
  }

  /** Read-only LOGIN role of one tenant, for untrusted SQL. */
  tenantReadOnly(slug: string): string {
    return `${this.prefix}t_${slug}_ro`;
  }

  /** Prefix shared by every role of this installation (used to clean up test clusters). */
  get rolePrefix(): string {
    return this.prefix;
  }

  password(role: string): string {
    return createHmac('sha256', this.secret).update(`role:${role}`).digest('hex');
  }
}
