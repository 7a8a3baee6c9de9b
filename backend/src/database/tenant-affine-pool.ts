import { AsyncLocalStorage } from 'node:async_hooks';
import * as pg from 'pg';

/**
 * A pg pool whose connections are split into groups, each tenant belonging to one group (a hash of its slug):
 * a tenant's transactions run, whenever the pool can arrange it without making anyone wait longer, on the
 * connections of its group.
 *
 * Why: every PostgreSQL backend builds relation, catalog and plan caches for each schema it touches and keeps
 * them. A plain pool sends each tenant to whichever connection is free, so with many tenants every backend ends
 * up caching every tenant (memory = connections × tenants) and, with thousands of tenants, most requests meet a
 * backend that has never seen their schema (cold catalog lookups). With G groups each backend sees about 1/G of
 * the tenants.
 *
 * How, without starving anyone:
 * - a checkout with idle connections takes an idle one of its tenant's group when there is one, else any;
 * - a connection released while checkouts wait goes to the first of the next `window` waiters of its group,
 *   else to the first waiter (so a single busy tenant still gets every connection);
 * - a waiter passed over `MAX_SKIPS` times is served next, whatever its group;
 * - checkouts without a tenant (login, catalog lookups) behave as in a plain pool.
 * Which connection serves a transaction has no bearing on isolation: the tenant is pinned per transaction
 * (`TenantTransaction`), whatever the connection ran before.
 *
 * It works on pg-pool's queue internals (`_idle`, `_pendingQueue`, `_clients`); `test/tenant-affine-pool.e2e-spec.ts`
 * fails if an upgrade changes them.
 */
const affinity = new AsyncLocalStorage<string>();

/** Runs `acquire` (a pool checkout) with the tenant it is for as the affinity hint. */
export function withTenantAffinity<T>(tenant: string, acquire: () => T): T {
  return affinity.run(tenant, acquire);
}

/** How often a waiter may be passed over for a later one of the released connection's group. */
export const MAX_SKIPS = 3;

const GROUP = Symbol('connectionGroup');
interface GroupedClient extends pg.PoolClient { [GROUP]?: number }
interface Waiter { tenant?: string | null; group?: number | null; skips?: number }
interface IdleItem { client: GroupedClient }
interface PoolInternals {
  _idle: IdleItem[];
  _pendingQueue: Waiter[];
  _clients: GroupedClient[];
  ending?: boolean;
  options: { max?: number; tenantGroups?: number };
}

/** FNV-1a of the slug: the tenant's group, stable across processes and restarts. */
export function groupOf(tenant: string, groups: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < tenant.length; i++) h = Math.imul(h ^ tenant.charCodeAt(i), 0x01000193);
  return (h >>> 0) % groups;
}

export interface TenantAffinePoolConfig extends pg.PoolConfig {
  /** Connection groups (1 = a plain pool). Each backend then caches about 1/tenantGroups of the tenants. */
  tenantGroups?: number;
}

export class TenantAffinePool extends pg.Pool {
  constructor(config?: TenantAffinePoolConfig) {
    super(config);
  }

  private get internals(): PoolInternals {
    return this as unknown as PoolInternals;
  }

  private get groups(): number {
    return Math.max(1, Math.min(this.internals.options.tenantGroups ?? 1, this.internals.options.max ?? 10));
  }

  /** The waiter's group (computed once per waiter), null for a checkout without a tenant. */
  private groupOfWaiter(w: Waiter | undefined): number | null {
    if (!w) return null;
    if (w.group === undefined) w.group = w.tenant && this.groups > 1 ? groupOf(w.tenant, this.groups) : null;
    return w.group;
  }

  override connect(...args: unknown[]): any {
    const queue = this.internals._pendingQueue;
    const queued = queue.length;
    const result = (super.connect as (...a: unknown[]) => unknown).apply(this, args);
    if (queue.length > queued) queue[queue.length - 1].tenant = affinity.getStore() ?? null;
    return result;
  }

  /** pg-pool: serves the head of the queue with the last idle connection. Arrange head and last idle first. */
  _pulseQueue(): void {
    const { _idle: idle, _pendingQueue: queue, ending } = this.internals;
    if (!ending && idle.length && queue.length && this.groups > 1) {
      if (idle.length === 1) this.pickWaiterFor(idle[0].client, queue);
      else this.pickIdleFor(queue[0], idle);
    }
    (pg.Pool.prototype as unknown as { _pulseQueue(): void })._pulseQueue.call(this);
  }

  /** pg-pool: a new connection for a waiter (none idle); it joins the waiter's group when that group is short. */
  newClient(waiter: Waiter): void {
    if (waiter.tenant === undefined) waiter.tenant = affinity.getStore() ?? null;
    (pg.Pool.prototype as unknown as { newClient(w: Waiter): void }).newClient.call(this, waiter);
  }

  /** pg-pool: hands a connection to a waiter; a new connection gets its group here. */
  _acquireClient(client: GroupedClient, waiter: Waiter, ...rest: unknown[]): void {
    if (client[GROUP] === undefined) client[GROUP] = this.groupForNewClient(this.groupOfWaiter(waiter));
    (pg.Pool.prototype as unknown as { _acquireClient(...a: unknown[]): void })._acquireClient.call(this, client, waiter, ...rest);
  }

  /** The waiter's group when it has fewer connections than its share, else the group with the fewest. */
  private groupForNewClient(wanted: number | null): number {
    const counts = new Array<number>(this.groups).fill(0);
    for (const c of this.internals._clients) if (c[GROUP] !== undefined) counts[c[GROUP]!]++;
    const share = Math.ceil((this.internals.options.max ?? 10) / this.groups);
    if (wanted !== null && counts[wanted] < share) return wanted;
    return counts.indexOf(Math.min(...counts));
  }

  /** Several idle connections: put one of the head waiter's group last (pg-pool pops the last). */
  private pickIdleFor(head: Waiter, idle: IdleItem[]): void {
    const group = this.groupOfWaiter(head);
    if (group === null) return;
    for (let i = idle.length - 1; i >= 0; i--) {
      if (idle[i].client[GROUP] !== group) continue;
      if (i !== idle.length - 1) idle.push(idle.splice(i, 1)[0]);
      return;
    }
  }

  /** One idle connection (just released): move the first waiter of its group in the window to the front. */
  private pickWaiterFor(client: GroupedClient, queue: Waiter[]): void {
    const group = client[GROUP];
    if (group === undefined || this.groupOfWaiter(queue[0]) === group) return;
    const window = Math.min(queue.length, (this.internals.options.max ?? 10) * 2);
    for (let j = 1; j < window; j++) {
      if (this.groupOfWaiter(queue[j]) !== group) continue;
      for (let k = 0; k < j; k++) if ((queue[k].skips ?? 0) >= MAX_SKIPS) return;
      for (let k = 0; k < j; k++) queue[k].skips = (queue[k].skips ?? 0) + 1;
      queue.unshift(queue.splice(j, 1)[0]);
      return;
    }
  }
}

/** The `pg` module with the tenant-affine pool, for TypeORM's `driver` option. */
export const tenantAffinePg = { ...pg, Pool: TenantAffinePool };
