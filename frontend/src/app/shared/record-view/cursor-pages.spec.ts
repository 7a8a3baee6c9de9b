import { Subject, throwError } from 'rxjs';

import { CursorPage, CursorPages } from './cursor-pages';

describe('CursorPages', () => {
  const setup = () => {
    const requests: { cursor?: string; reply: Subject<CursorPage<string>> }[] = [];
    const errors: unknown[] = [];
    const pages = new CursorPages<string>(
      (cursor) => {
        const reply = new Subject<CursorPage<string>>();
        requests.push({ cursor, reply });
        return reply;
      },
      (e) => errors.push(e),
    );
    const answer = (items: string[], nextCursor: string | null) => {
      const r = requests[requests.length - 1].reply;
      r.next({ items, nextCursor });
      r.complete();
    };
    return { pages, requests, errors, answer };
  };

  it('reads the first page, appends the next one with its cursor, and stops when there is no cursor', () => {
    const { pages, requests, answer } = setup();
    pages.reload();
    expect(pages.loading()).toBe(true);
    answer(['a', 'b'], 'c1');
    expect(pages.items()).toEqual(['a', 'b']);
    expect(pages.loading()).toBe(false);

    pages.more();
    expect(requests[1].cursor).toBe('c1');
    answer(['c'], null);
    expect(pages.items()).toEqual(['a', 'b', 'c']);
    expect(pages.nextCursor()).toBeNull();

    pages.more();
    expect(requests).toHaveLength(2);
  });

  it('reload replaces what was read (e.g. after adding a note)', () => {
    const { pages, requests, answer } = setup();
    pages.reload();
    answer(['a'], 'c1');
    pages.reload();
    expect(requests[1].cursor).toBeUndefined();
    answer(['novo', 'a'], 'c2');
    expect(pages.items()).toEqual(['novo', 'a']);
  });

  it('a failed page goes to the error handler and keeps what was read', () => {
    const errors: unknown[] = [];
    let fail = false;
    const pages = new CursorPages<string>(
      () => (fail ? throwError(() => new Error('rede')) : new Subject<CursorPage<string>>()),
      (e) => errors.push(e),
    );
    pages.items.set(['a']);
    pages.nextCursor.set('c1');
    fail = true;
    pages.more();
    expect(errors).toHaveLength(1);
    expect(pages.items()).toEqual(['a']);
    expect(pages.loading()).toBe(false);
  });
});
