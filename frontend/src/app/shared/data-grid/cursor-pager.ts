import { firstValueFrom } from 'rxjs';

import { GridFetch, GridPage, GridPageRequest } from './grid-query';

/** One block for AG Grid's infinite row model: its rows, and the row count once it is known. */
export interface GridBlock<T> {
  rows: T[];
  /** Total rows when known (end of the list reached, or the total the first page reported). */
  lastRow?: number;
  total?: number;
}

/** The query every page of one pager shares: a change of sort, filter or columns starts a new pager. */
export type PagerQuery = Omit<GridPageRequest, 'limit' | 'startRow' | 'cursor' | 'includeTotal'>;

/**
 * Maps AG Grid's block requests (rows startRow…endRow) onto a cursor-paged list, one page per block.
 * The cursor of block k is the nextCursor of block k−1; it is cached per block, so scrolling back and
 * forth never walks the list again. A block whose cursor is not known yet (a jump down the scrollbar,
 * once the total is known) walks the pages before it, asking only for `id` to keep those requests
 * small. Offset-paged sources skip all that and read `startRow`.
 */
export class CursorPager<T> {
  /** Cursor of each block: undefined for block 0, null past the end of the list. */
  private readonly cursors = new Map<number, Promise<string | null | undefined>>();
  private total: number | undefined;

  constructor(
    private readonly fetch: GridFetch<T>,
    private readonly query: PagerQuery,
    private readonly blockSize: number,
    private readonly paging: 'cursor' | 'offset' = 'cursor',
  ) {
    this.cursors.set(0, Promise.resolve(undefined));
  }

  async block(startRow: number): Promise<GridBlock<T>> {
    const index = Math.floor(startRow / this.blockSize);
    const page =
      this.paging === 'offset'
        ? this.load(startRow, undefined, true)
        : this.cursorOf(index).then((cursor) =>
            cursor === null ? END : this.load(startRow, cursor, true),
          );
    if (this.paging === 'cursor')
      this.remember(
        index + 1,
        page.then((p) => p.nextCursor),
      );
    const { items, nextCursor, total } = await page;
    if (total !== undefined) this.total = total;
    const lastRow = nextCursor === null ? startRow + items.length : this.total;
    return { rows: items, lastRow, total: this.total };
  }

  /** The cursor of block `index`, walking the blocks before it when needed. */
  private cursorOf(index: number): Promise<string | null | undefined> {
    const known = this.cursors.get(index);
    if (known) return known;
    const walked = this.cursorOf(index - 1).then((cursor) =>
      cursor === null
        ? null
        : this.load((index - 1) * this.blockSize, cursor, false).then((p) => p.nextCursor),
    );
    this.remember(index, walked);
    return walked;
  }

  /** Caches a block's cursor unless one is known; a failed request is forgotten, so a retry asks again. */
  private remember(index: number, cursor: Promise<string | null | undefined>): void {
    if (this.cursors.has(index)) return;
    this.cursors.set(index, cursor);
    cursor.catch(() => {
      if (this.cursors.get(index) === cursor) this.cursors.delete(index);
    });
  }

  private load(startRow: number, cursor: string | undefined, full: boolean): Promise<GridPage<T>> {
    const request: GridPageRequest = {
      ...this.query,
      limit: this.blockSize,
      startRow,
      ...(cursor !== undefined ? { cursor } : {}),
      includeTotal: full && startRow === 0,
      ...(full ? {} : { fields: 'id' }),
    };
    return firstValueFrom(this.fetch(request));
  }
}

const END: GridPage<never> = { items: [], nextCursor: null };
