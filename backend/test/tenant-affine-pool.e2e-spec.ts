import { Pool, PoolClient } from 'pg';
import { groupOf, MAX_SKIPS, TenantAffinePool, withTenantAffinity } from '../src/database/tenant-affine-pool';

// Which PostgreSQL backend (and so which relation and catalog caches) served a checkout is seen through
// pg_backend_pid().
describe('TenantAffinePool (real PostgreSQL)', () => {
  const url = () => process.env.TEST_DATABASE_URL!;
  const pid = async (c: PoolClient) => (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const checkout = (pool: Pool, tenant: string) => withTenantAffinity(tenant, () => pool.connect());
  /** Tenant slugs of a group (of 2). */
  const inGroup = (g: number, n: number) => Array.from({ length: 200 }, (_, i) => `t${i}`).filter((t) => groupOf(t, 2) === g).slice(0, n);
  const [g0, g1] = [inGroup(0, 6), inGroup(1, 6)];

  /** Opens `n` connections at once so that all of them are idle afterwards. */
  async function warm(pool: Pool, n: number) {
    const clients = await Promise.all(Array.from({ length: n }, () => pool.connect()));
    clients.forEach((c) => c.release());
  }

  /** Checkouts one after the other, `rounds` times over `tenants`: the backend pids each tenant got. */
  async function serve(pool: Pool, tenants: string[], rounds: number) {
    const seen = new Map<string, Set<number>>(tenants.map((t) => [t, new Set()]));
    for (let r = 0; r < rounds; r++) {
      for (const t of tenants) {
        const c = await checkout(pool, t);
        seen.get(t)!.add(await pid(c));
        c.release();
      }
    }
    return seen;
  }
  const pidsOf = (seen: Map<string, Set<number>>, tenants: string[]) => new Set(tenants.flatMap((t) => [...seen.get(t)!]));

  it('hashes tenants into groups evenly and the same way every time', () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[groupOf(`tenant_${i}`, 4)]++;
    for (const c of counts) expect(c).toBeGreaterThan(800);
    expect(groupOf('supermercado_lima', 4)).toBe(groupOf('supermercado_lima', 4));
  });

  it('with idle connections, runs the tenants of one group on backends no other group uses', async () => {
    const pool = new TenantAffinePool({ connectionString: url(), max: 4, tenantGroups: 2 });
    try {
      await warm(pool, 4);
      const seen = await serve(pool, [...g0.slice(0, 3), ...g1.slice(0, 3)], 4);
      const [a, b] = [pidsOf(seen, g0.slice(0, 3)), pidsOf(seen, g1.slice(0, 3))];
      expect([...a].filter((p) => b.has(p))).toEqual([]);
    } finally {
      await pool.end();
    }
  });

  it('a plain pg pool mixes them (the property above is the affine pool’s doing)', async () => {
    const pool = new Pool({ connectionString: url(), max: 4 });
    try {
      await warm(pool, 4);
      const seen = await serve(pool, [...g0.slice(0, 3), ...g1.slice(0, 3)], 4);
      const [a, b] = [pidsOf(seen, g0.slice(0, 3)), pidsOf(seen, g1.slice(0, 3))];
      expect([...a].filter((p) => b.has(p)).length).toBeGreaterThan(0);
    } finally {
      await pool.end();
    }
  });

  it('when every connection is busy, a released one goes to the first waiter of its group', async () => {
    const pool = new TenantAffinePool({ connectionString: url(), max: 2, tenantGroups: 2 });
    try {
      await warm(pool, 2);
      const c0 = await checkout(pool, g0[0]);
      const c1 = await checkout(pool, g1[0]);
      const [pid0, pid1] = [await pid(c0), await pid(c1)];
      expect(pid0).not.toBe(pid1);
      const served: string[] = [];
      const w0 = checkout(pool, g0[1]).then((c) => (served.push('g0'), c));
      const w1 = checkout(pool, g1[1]).then((c) => (served.push('g1'), c));
      c1.release();
      const next1 = await w1;
      const pidNext1 = await pid(next1);
      expect(served).toEqual(['g1']);
      c0.release();
      const next0 = await w0;
      const pidNext0 = await pid(next0);
      next0.release();
      next1.release();
      expect([pidNext1, pidNext0]).toEqual([pid1, pid0]);
    } finally {
      await pool.end();
    }
  });

  it(`never passes over a waiter more than ${MAX_SKIPS} times, and a lone tenant still gets every connection`, async () => {
    const pool = new TenantAffinePool({ connectionString: url(), max: 2, tenantGroups: 2 });
    try {
      await warm(pool, 2);
      const c0 = await checkout(pool, g0[0]);
      const c1 = await checkout(pool, g1[0]);
      const order: string[] = [];
      // Each waiter gives its connection back as soon as it gets it: only c1's connection circulates.
      const wait = (name: string, tenant: string) => checkout(pool, tenant).then((c) => { order.push(name); c.release(); });
      const waiters = [wait('A', g0[1]), ...[1, 2, 3, 4, 5].map((i) => wait(`B${i}`, g1[i]))];
      c1.release();
      await Promise.all(waiters);
      c0.release();
      expect(order).toEqual(['B1', 'B2', 'B3', 'A', 'B4', 'B5']);

      // One tenant alone: both connections serve it at once.
      const both = await Promise.all([checkout(pool, g0[2]), checkout(pool, g0[2])]);
      const pids = new Set([await pid(both[0]), await pid(both[1])]);
      both.forEach((c) => c.release());
      expect(pids.size).toBe(2);
    } finally {
      await pool.end();
    }
  });

  it('checkouts without a tenant (login, catalog lookups) behave as in a plain pool', async () => {
    const pool = new TenantAffinePool({ connectionString: url(), max: 3, tenantGroups: 3 });
    try {
      await warm(pool, 3);
      const pids = new Set<number>();
      for (let i = 0; i < 6; i++) {
        const c = await pool.connect();
        pids.add(await pid(c));
        c.release();
      }
      expect(pids.size).toBe(1);
    } finally {
      await pool.end();
    }
  });
});
