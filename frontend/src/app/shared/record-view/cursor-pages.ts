import { signal } from '@angular/core';
import { Observable } from 'rxjs';

/** One page of a cursor-paged API list. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A list read page by page with the API's cursor ("Carregar mais"): what was read so far, the next cursor and
 * whether a page is on its way. Failures go to `onError`; the pages already read stay.
 */
export class CursorPages<T> {
  readonly items = signal<readonly T[]>([]);
  readonly nextCursor = signal<string | null>(null);
  readonly loading = signal(false);

  constructor(
    private readonly fetch: (cursor?: string) => Observable<CursorPage<T>>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** The first page, replacing what was read. */
  reload(): void {
    this.read();
  }

  /** The next page, appended (nothing when there is none). */
  more(): void {
    const cursor = this.nextCursor();
    if (cursor) this.read(cursor);
  }

  private read(cursor?: string): void {
    this.loading.set(true);
    this.fetch(cursor).subscribe({
      next: (page) => {
        this.items.update((items) => (cursor ? [...items, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.onError(e);
      },
    });
  }
}
