// Shared pieces of the list property tests (API list vs a hand-written reference query): bound values for the
// reference SQL, the tenant's day boundaries, the reference ORDER BY, the cursor walk and the sort arbitrary.
import fc from 'fast-check';

export interface SortKey {
  field: string;
  desc: boolean;
}

/** Positional parameters for a hand-written query: `v(x)` binds x and returns its placeholder. */
export function sqlValues(): { values: unknown[]; v: (x: unknown) => string } {
  const values: unknown[] = [];
  return {
    values,
    v: (x) => {
      values.push(x);
      return `$${values.length}`;
    },
  };
}

/** Midnight of a day in the tenant's default time zone, as a timestamptz literal. */
export const dayStart = (d: string) => `${d} 00:00:00 America/Sao_Paulo`;
export const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The documented order: the keys (default createdAt), NULLs last ascending / first descending, then id. */
export function referenceOrder(alias: string, sort: SortKey[], column: (field: string) => string): string {
  const keys = sort.length ? sort : [{ field: 'createdAt', desc: false }];
  const order = keys.map((k) => `${alias}.${column(k.field)} ${k.desc ? 'DESC NULLS FIRST' : 'ASC NULLS LAST'}`);
  order.push(`${alias}.id ${keys[keys.length - 1].desc ? 'DESC' : 'ASC'}`);
  return order.join(', ');
}

/** `sort`, `limit` and `fields=id` of a list query string. */
export function setPaging(p: URLSearchParams, s: { sort: SortKey[]; limit: number }): string {
  if (s.sort.length) p.set('sort', s.sort.map((k) => `${k.desc ? '-' : ''}${k.field}`).join(','));
  p.set('limit', String(s.limit));
  p.set('fields', 'id');
  return p.toString();
}

type PageResponse = { status: number; body: { items: { id: string }[]; nextCursor: string | null; total: number } };

/**
 * Follows nextCursor from the first page (asked with includeTotal) to the end: every id in order, and the total.
 * Every page but the last must be full. Fails when the cursor does not end within `maxPages`.
 */
export async function walkPages(get: (suffix: string) => Promise<PageResponse>, limit: number, maxPages: number): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let total = -1;
  for (let page = 0; page < maxPages; page++) {
    const res = await get(cursor ? `&cursor=${cursor}` : '&includeTotal=true');
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    if (!cursor) total = res.body.total;
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    ids.push(...res.body.items.map((i) => i.id));
    cursor = res.body.nextCursor;
    if (!cursor) return { ids, total };
    expect(res.body.items).toHaveLength(limit);
  }
  throw new Error('the cursor never ended');
}

/**
 * The property both list specs check: for every spec drawn (and every example), walking all pages returns exactly
 * the reference ids, each once, and the total is their count. Returns how many specs spanned several pages, so a
 * test can check that the runs exercised real multi-page walks, not just empty results.
 */
export async function checkWalks<S extends { limit: number }>(
  specs: fc.Arbitrary<S>,
  examples: S[],
  referenceIds: (spec: S) => Promise<string[]>,
  walk: (spec: S) => Promise<{ ids: string[]; total: number }>,
  numRuns: number,
): Promise<number> {
  let multiPage = 0;
  await fc.assert(
    fc.asyncProperty(specs, async (spec) => {
      const expected = await referenceIds(spec);
      const { ids, total } = await walk(spec);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expected);
      expect(total).toBe(expected.length);
      if (expected.length > spec.limit) multiPage++;
    }),
    { numRuns, examples: examples.map((e) => [e]) },
  );
  return multiPage;
}

/** Mostly null: filters stay rare, so most generated lists have rows. */
export const option = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { freq: 3, nil: null });

/** Up to three distinct sort keys over `fields`, each ascending or descending. */
export const sortKeys = (fields: string[]) =>
  fc.uniqueArray(fc.record({ field: fc.constantFrom(...fields), desc: fc.boolean() }), { maxLength: 3, selector: (k) => k.field });
