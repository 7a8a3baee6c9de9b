import { ErrorHandler, inject, Signal, WritableSignal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { catchError, map, Observable, of, switchMap } from 'rxjs';

/**
 * The record named by the route's `:id`, loaded with `load` and reloaded when the id changes; null while loading
 * or after a failure (shown through the ErrorHandler, with `failed` set). Call in an injection context.
 */
export function recordFromRoute<T>(
  load: (id: string) => Observable<T>,
  failed: WritableSignal<boolean>,
): Signal<T | null> {
  const errors = inject(ErrorHandler);
  return toSignal(
    inject(ActivatedRoute).paramMap.pipe(
      map((params) => params.get('id')!),
      switchMap((id) =>
        load(id).pipe(
          catchError((e: unknown) => {
            failed.set(true);
            errors.handleError(e);
            return of(null);
          }),
        ),
      ),
    ),
    { initialValue: null },
  );
}
