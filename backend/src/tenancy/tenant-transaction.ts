import { Inject, Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { DataSource, EntityManager } from 'typeorm';
import { DB_ROLES } from '../database/database.tokens';
import { DbRoles } from '../database/roles';
import { withTenantAffinity } from '../database/tenant-affine-pool';
import { ident } from '../database/sql';

/** Who a unit of work runs for. Built only from a verified token (or an operator command). */
export interface TenantScope {
  tenantId: string;
  slug: string;
  userId: string | null;
  role: string;
}

const MANAGER_KEY = 'tenant.manager';
const SCOPE_KEY = 'tenant.scope';

// One statement pins the transaction: settings first, role last (function privileges are checked before any
// of them runs, as the login role). Everything is transaction-local: COMMIT or ROLLBACK clears it.
const PIN_SQL = `SELECT set_config('search_path', $1, true), set_config('app.tenant_id', $2, true),
  set_config('app.user_id', $3, true), set_config('app.role', $4, true), set_config('role', $5, true)`;

/**
 * Runs work in one transaction on the shared pool, pinned to a tenant: role t_<slug>_rw, search_path = the
 * tenant schema only, app.tenant_id / app.user_id / app.role. The bound EntityManager is held in CLS, where
 * TenantDb hands it to repositories (the "request-scoped DataSource" of the design).
 */
@Injectable()
export class TenantTransaction {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cls: ClsService,
    @Inject(DB_ROLES) private readonly roles: DbRoles,
  ) {}

  async run<T>(scope: TenantScope, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await withTenantAffinity(scope.slug, () => runner.connect());
    try {
      await runner.startTransaction();
      await runner.query(PIN_SQL, [
        ident(`tenant_${scope.slug}`),
        scope.tenantId,
        scope.userId ?? '',
        scope.role,
        this.roles.tenantReadWrite(scope.slug),
      ]);
      const result = await this.cls.run({ ifNested: 'inherit' }, () => {
        this.cls.set(MANAGER_KEY, runner.manager);
        this.cls.set(SCOPE_KEY, scope);
        return work(runner.manager);
      });
      await runner.commitTransaction();
      return result;
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
  }
}

/** What repositories inject: the EntityManager of the current tenant transaction. */
@Injectable()
export class TenantDb {
  constructor(private readonly cls: ClsService) {}

  get manager(): EntityManager {
    const manager = this.cls.isActive() ? this.cls.get<EntityManager>(MANAGER_KEY) : undefined;
    if (!manager) throw new Error('tenant data accessed outside a tenant transaction');
    return manager;
  }

  get scope(): TenantScope {
    const scope = this.cls.isActive() ? this.cls.get<TenantScope>(SCOPE_KEY) : undefined;
    if (!scope) throw new Error('tenant scope read outside a tenant transaction');
    return scope;
  }

  query<T = unknown>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.manager.query(sql, params);
  }
}
