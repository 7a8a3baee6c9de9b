import { Observable, of, throwError } from 'rxjs';

import { CursorPager } from './cursor-pager';
import { filterParams, GridColumn, GridPage, GridPageRequest, sortParam } from './grid-query';

interface Row {
  id: string;
}

/** A list of `size` rows behind a cursor API: the cursor is the index of the next row, as text. */
function fakeList(size: number, failOnce?: (r: GridPageRequest) => boolean) {
  const requests: GridPageRequest[] = [];
  let failed = false;
  const fetch = (request: GridPageRequest): Observable<GridPage<Row>> => {
    requests.push(request);
    if (failOnce && !failed && failOnce(request)) {
      failed = true;
      return throwError(() => new Error('network'));
    }
    const start = request.cursor === undefined ? 0 : Number(request.cursor);
    const end = Math.min(start + request.limit, size);
    const items = Array.from({ length: end - start }, (_, i) => ({ id: `r${start + i}` }));
    return of({
      items,
      nextCursor: end < size ? String(end) : null,
      ...(request.includeTotal ? { total: size } : {}),
    });
  };
  return { fetch, requests };
}

const QUERY = { sort: '-createdAt', params: { status: 'ativo' }, fields: 'name,email' };

describe('CursorPager (AG Grid blocks over a cursor API)', () => {
  it('asks for the total on the first block only, and passes the query through', async () => {
    const list = fakeList(250);
    const pager = new CursorPager(list.fetch, QUERY, 100);

    const first = await pager.block(0);
    expect(first.rows.map((r) => r.id).slice(0, 2)).toEqual(['r0', 'r1']);
    expect(first.total).toBe(250);
    expect(first.lastRow).toBe(250);
    expect(list.requests[0]).toEqual({
      ...QUERY,
      limit: 100,
      startRow: 0,
      includeTotal: true,
    });

    await pager.block(100);
    expect(list.requests[1]).toMatchObject({
      cursor: '100',
      includeTotal: false,
      fields: 'name,email',
    });
  });

  it('uses the cursor cached for a block, without walking again', async () => {
    const list = fakeList(500);
    const pager = new CursorPager(list.fetch, QUERY, 100);
    await pager.block(0);
    await pager.block(100);
    await pager.block(200);
    list.requests.length = 0;

    const again = await pager.block(200);
    expect(again.rows[0].id).toBe('r200');
    expect(list.requests.map((r) => r.cursor)).toEqual(['200']);
  });

  it('walks the blocks before a jump with id-only pages, then loads the block in full', async () => {
    const list = fakeList(1000);
    const pager = new CursorPager(list.fetch, QUERY, 100);
    await pager.block(0);

    const far = await pager.block(400);
    expect(far.rows[0].id).toBe('r400');
    const [skip1, skip2, skip3, full] = list.requests.slice(1);
    expect([skip1, skip2, skip3].map((r) => [r.cursor, r.fields])).toEqual([
      ['100', 'id'],
      ['200', 'id'],
      ['300', 'id'],
    ]);
    expect(full).toMatchObject({ cursor: '400', fields: 'name,email', includeTotal: false });

    // Blocks walked past are now one request each.
    list.requests.length = 0;
    await pager.block(200);
    expect(list.requests.map((r) => r.cursor)).toEqual(['200']);
  });

  it('shares one walk between blocks requested at the same time', async () => {
    const list = fakeList(1000);
    const pager = new CursorPager(list.fetch, QUERY, 100);
    await Promise.all([pager.block(200), pager.block(300)]);
    const cursors = list.requests.map((r) => `${r.cursor ?? 'first'}:${r.fields}`);
    expect(cursors.sort()).toEqual(['100:id', '200:name,email', '300:name,email', 'first:id']);
  });

  it('reports the last row when the list ends, and empty blocks past the end', async () => {
    const list = fakeList(130);
    const pager = new CursorPager(list.fetch, { params: {} }, 100);
    await pager.block(0);
    const last = await pager.block(100);
    expect(last.rows).toHaveLength(30);
    expect(last.lastRow).toBe(130);
    const past = await pager.block(200);
    expect(past.rows).toEqual([]);
  });

  it('forgets a cursor whose request failed, so the block can be retried', async () => {
    const list = fakeList(300, (r) => r.cursor === '100');
    const pager = new CursorPager(list.fetch, QUERY, 100);
    await pager.block(0);
    await expect(pager.block(200)).rejects.toThrow('network');
    const retried = await pager.block(200);
    expect(retried.rows[0].id).toBe('r200');
  });

  it('reads offsets directly for offset-paged sources', async () => {
    const requests: GridPageRequest[] = [];
    const fetch = (r: GridPageRequest) => {
      requests.push(r);
      return of({ items: [{ id: `o${r.startRow}` }], nextCursor: 'more' });
    };
    const pager = new CursorPager<Row>(fetch, { params: {} }, 50, 'offset');
    await pager.block(250);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ startRow: 250, limit: 50 });
  });
});

describe('grid query mapping', () => {
  const columns: GridColumn<Row>[] = [
    { field: 'name', header: 'contacts.field.name', sort: true },
    { field: 'email', header: 'contacts.field.email', filter: { kind: 'text', param: 'email' } },
    { field: 'lastActivityAt', header: 'contacts.field.lastActivityAt', sort: true },
    { field: 'ownerName', header: 'common.owner', sort: 'ownerId' },
    {
      field: 'status',
      header: 'contacts.field.status',
      filter: { kind: 'choice', param: 'status', options: [] },
    },
    {
      field: 'createdAt',
      header: 'common.createdAt',
      filter: { kind: 'date', from: 'createdFrom', to: 'createdTo' },
    },
    {
      field: 'amount',
      header: 'opportunities.field.amount',
      filter: { kind: 'number', min: 'amountMin', max: 'amountMax' },
    },
  ];

  it('turns the sort model into the API sort, skipping columns the API cannot sort', () => {
    expect(
      sortParam(
        [
          { colId: 'lastActivityAt', sort: 'desc' },
          { colId: 'name', sort: 'asc' },
          { colId: 'email', sort: 'asc' },
        ],
        columns,
      ),
    ).toBe('-lastActivityAt,name');
    expect(sortParam([{ colId: 'ownerName', sort: 'asc' }], columns)).toBe('ownerId');
    expect(sortParam([], columns)).toBeUndefined();
  });

  it('turns the filter model into the API filter parameters', () => {
    expect(
      filterParams(
        {
          email: { filterType: 'text', type: 'equals', filter: ' ana@lima.com.br ' },
          status: { filterType: 'choice', values: ['ativo', 'inativo'] },
          createdAt: {
            filterType: 'date',
            type: 'inRange',
            dateFrom: '2025-01-01 00:00:00',
            dateTo: '2025-01-31 00:00:00',
          },
          amount: { filterType: 'number', type: 'greaterThanOrEqual', filter: 1000 },
          unknownColumn: { filterType: 'text', filter: 'x' },
        },
        columns,
      ),
    ).toEqual({
      email: 'ana@lima.com.br',
      status: 'ativo,inativo',
      createdFrom: '2025-01-01',
      createdTo: '2025-01-31',
      amountMin: '1000',
    });
  });

  it('maps "equals" on a date to that whole day, and "≤" to the upper bound', () => {
    expect(
      filterParams({ createdAt: { type: 'equals', dateFrom: '2025-03-07 00:00:00' } }, columns),
    ).toEqual({ createdFrom: '2025-03-07', createdTo: '2025-03-07' });
    expect(filterParams({ amount: { type: 'lessThanOrEqual', filter: 5 } }, columns)).toEqual({
      amountMax: '5',
    });
    expect(filterParams({ status: { values: [] } }, columns)).toEqual({});
  });

  it('maps "after" and "before" a day to inclusive bounds on the next and previous days', () => {
    expect(
      filterParams(
        { createdAt: { type: 'greaterThan', dateFrom: '2025-02-28 00:00:00' } },
        columns,
      ),
    ).toEqual({ createdFrom: '2025-03-01' });
    expect(
      filterParams({ createdAt: { type: 'lessThan', dateFrom: '2025-01-01 00:00:00' } }, columns),
    ).toEqual({ createdTo: '2024-12-31' });
  });
});
