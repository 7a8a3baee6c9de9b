import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  catchError,
  debounceTime,
  distinctUntilChanged,
  map,
  merge,
  of,
  startWith,
  Subject,
  switchMap,
} from 'rxjs';

import { PreviewResultDto } from '../../../core/api/generated/models/preview-result-dto';
import { userMessage } from '../../../core/errors/global-error-handler';
import { I18n } from '../../../core/i18n/i18n';
import { fieldResultColumns } from '../../../shared/object-grid/result-columns';
import { ResultGrid } from '../../../shared/object-grid/result-grid';
import { DesignerStore } from './designer.store';

/** Time the choices must rest before the preview is asked again. */
export const PREVIEW_DEBOUNCE_MS = 400;

type PreviewState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; result: PreviewResultDto }
  | { kind: 'error'; message: string };

/**
 * The live preview: the API runs the model (first rows only) each time the choices settle, and the rows
 * show in a client-side grid. An error of the model (a filter the field does not take…) shows here, in
 * the API's words, instead of a snack bar.
 */
@Component({
  selector: 'app-designer-preview',
  imports: [ResultGrid, MatButton, MatIcon, MatProgressBar],
  template: `
    <div class="bar">
      <span role="status" data-testid="designer-preview-status">
        @switch (state().kind) {
          @case ('idle') {
            {{ i18n.t('designer.previewIdle') }}
          }
          @case ('loading') {
            {{ i18n.t('designer.previewLoading') }}
          }
          @case ('ready') {
            {{ summary() }}
          }
          @case ('error') {
            {{ i18n.t('designer.previewFailed') }}
          }
        }
      </span>
      <button matButton type="button" (click)="refresh.next()" [disabled]="!store.model()">
        <mat-icon svgIcon="refresh" aria-hidden="true" />
        {{ i18n.t('common.refresh') }}
      </button>
    </div>
    @if (state().kind === 'loading') {
      <mat-progress-bar
        mode="indeterminate"
        [attr.aria-label]="i18n.t('designer.previewLoading')"
      />
    }
    @if (error(); as message) {
      <p class="error" role="alert" data-testid="designer-preview-error">{{ message }}</p>
    }
    @if (result(); as result) {
      <app-result-grid
        data-testid="designer-preview-grid"
        [label]="i18n.t('designer.preview')"
        [columns]="columns()"
        [rows]="result.rows"
      />
      @if (result.sql) {
        <details>
          <summary>{{ i18n.t('designer.sql') }}</summary>
          <pre>{{ result.sql }}</pre>
        </details>
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .bar {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      min-height: 40px;
    }
    app-result-grid {
      --grid-height: 420px;
    }
    .error {
      margin: 0;
      padding: 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    pre {
      overflow-x: auto;
      padding: 8px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
      font:
        12px ui-monospace,
        Menlo,
        Consolas,
        monospace;
    }
    summary {
      cursor: pointer;
    }
    @media (max-width: 599.98px) {
      app-result-grid {
        --grid-height: 360px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DesignerPreview {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(DesignerStore);
  protected readonly refresh = new Subject<void>();
  protected readonly state = signal<PreviewState>({ kind: 'idle' });

  /** The last rows shown: kept while the next preview loads, gone on an error or without a model. */
  protected readonly result = signal<PreviewResultDto | null>(null);
  protected readonly error = computed(() => {
    const s = this.state();
    return s.kind === 'error' ? s.message : null;
  });
  protected readonly columns = computed(() =>
    fieldResultColumns((this.result()?.columns ?? []).map((c) => ({ ...c, type: c.fieldType }))),
  );
  protected readonly summary = computed(() => {
    const r = this.result();
    if (!r) return '';
    const n = r.rowCount.toLocaleString(this.i18n.locale());
    return this.i18n.t(r.truncated ? 'designer.previewTruncated' : 'designer.previewRows', {
      n,
      ms: Math.round(r.elapsedMs),
    });
  });

  constructor() {
    // A choice that does not change the model (an incomplete filter) asks nothing.
    const changes = toObservable(this.store.model).pipe(
      debounceTime(PREVIEW_DEBOUNCE_MS),
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
    );
    merge(changes, this.refresh.pipe(map(() => this.store.model())))
      .pipe(
        switchMap((model) =>
          !model
            ? of<PreviewState>({ kind: 'idle' })
            : this.store.preview().pipe(
                map((result): PreviewState =>
                  result ? { kind: 'ready', result } : { kind: 'idle' },
                ),
                catchError((e: unknown) =>
                  of<PreviewState>({ kind: 'error', message: userMessage(e, this.i18n) }),
                ),
                startWith<PreviewState>({ kind: 'loading' }),
              ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((state) => {
        this.state.set(state);
        if (state.kind === 'ready') this.result.set(state.result);
        else if (state.kind !== 'loading') this.result.set(null);
      });
  }
}
