import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';

import { apiErrorOf } from '../../core/api/api-error';
import { Api } from '../../core/api/generated/api';
import { objectsControllerGet } from '../../core/api/generated/fn/objects/objects-controller-get';
import { ObjectDto } from '../../core/api/generated/models/object-dto';
import { I18n } from '../../core/i18n/i18n';
import { DataGrid } from '../data-grid/data-grid';
import { gridText } from '../data-grid/grid-query';
import { objectDataFetch } from './object-data-fetch';
import { listParams, objectColumns, ObjectRow } from './object-query';
import { ObjectResult } from './result-columns';
import { ResultGrid } from './result-grid';

/**
 * The grid of any object of the metadata (base table, custom table, saved query), or of a result already at hand.
 *
 *   <app-object-grid objectId="tb_contato" />        id or apiName: columns from GET /api/objects/{id}, rows from
 *                                                     GET /api/objects/{id}/data with server-side sort, filters
 *                                                     and offset paging (AG Grid infinite row model, DataGrid)
 *   <app-object-grid [result]="{columns, rows}" [label]="…" />
 *                                                     rows held in the browser (the SQL executor's capped answer,
 *                                                     a designer preview): client-side grid, sorted locally
 *
 * `label` names the grid for screen readers (default: the object's label); `loaded` gives the object's metadata.
 * Columns come from `result-columns.ts` (`sqlResultColumns`, `fieldResultColumns`) for the second form.
 */
@Component({
  selector: 'app-object-grid',
  imports: [DataGrid, ResultGrid, MatButton, MatProgressBar],
  template: `
    @if (result(); as result) {
      <app-result-grid [columns]="result.columns" [rows]="result.rows" [label]="label() ?? ''" />
    } @else {
      @switch (state()) {
        @case ('loading') {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="i18n.t('common.loading')" />
        }
        @case ('error') {
          <div class="problem" role="alert" data-testid="object-grid-error">
            <p>{{ problem() }}</p>
            <button matButton="filled" type="button" (click)="load(objectId()!)">
              {{ i18n.t('api.retry') }}
            </button>
          </div>
        }
        @case ('ready') {
          @for (view of views(); track view.id) {
            <app-data-grid
              [gridId]="'object.' + view.id"
              [label]="label() ?? objectLabel()"
              [columns]="view.columns"
              [fetch]="view.fetch"
              [requiredFields]="[]"
              paging="offset"
            />
          }
        }
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .problem {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 12px;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ObjectGrid {
  /** Id (UUID) or apiName of the object whose data to show. */
  readonly objectId = input<string | null>(null);
  /** Rows at hand instead of an object (takes precedence over `objectId`). */
  readonly result = input<ObjectResult | null>(null);
  readonly label = input<string | null>(null);
  readonly loaded = output<ObjectDto>();

  protected readonly i18n = inject(I18n);
  private readonly api = inject(Api);
  private readonly http = inject(HttpClient);

  private readonly object = signal<ObjectDto | null>(null);
  protected readonly state = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly problem = signal('');

  protected readonly objectLabel = computed(() => {
    const object = this.object();
    return object ? gridText(this.i18n, { pt: object.labelPt, en: object.labelEn }) : '';
  });

  /** One grid per object: a new object starts a new grid (columns, remembered choice, data source). */
  protected readonly views = computed(() => {
    const object = this.object();
    if (!object) return [];
    const columns = objectColumns(object.fields);
    const fetch = objectDataFetch(this.http, this.api, object.apiName, listParams(columns));
    return [{ id: object.apiName, columns, fetch }];
  });

  constructor() {
    effect(() => {
      const id = this.objectId();
      if (id && !this.result()) untracked(() => this.load(id));
    });
  }

  protected load(id: string): void {
    this.state.set('loading');
    this.api.invoke(objectsControllerGet, { id }).subscribe({
      next: (object) => {
        this.object.set(object);
        this.state.set('ready');
        this.loaded.emit(object);
      },
      error: (error: unknown) => {
        const api = apiErrorOf(error);
        this.problem.set(
          api?.code === 'OBJECT_NOT_FOUND'
            ? this.i18n.t('data.notFound')
            : (api?.message ?? this.i18n.t('error.network')),
        );
        this.state.set('error');
      },
    });
  }
}
