import { computed, inject, Injectable, signal } from '@angular/core';
import { finalize, map, Observable, of, tap } from 'rxjs';

import { Api } from '../../../core/api/generated/api';
import { objectsControllerCreate } from '../../../core/api/generated/fn/objects/objects-controller-create';
import { objectsControllerGet } from '../../../core/api/generated/fn/objects/objects-controller-get';
import { objectsControllerList } from '../../../core/api/generated/fn/objects/objects-controller-list';
import { objectsControllerPreview } from '../../../core/api/generated/fn/objects/objects-controller-preview';
import { ObjectDto } from '../../../core/api/generated/models/object-dto';
import { ObjectSummaryDto } from '../../../core/api/generated/models/object-summary-dto';
import { PreviewResultDto } from '../../../core/api/generated/models/preview-result-dto';
import {
  Aggregate,
  buildModel,
  columnNames,
  DesignerColumn,
  DesignerFilter,
  DesignerSort,
  DesignerSource,
  FilterOp,
  operatorsFor,
  refFor,
  Relation,
  relationsOf,
  SortDir,
} from './designer.model';

/** Rows the live preview asks for. */
export const PREVIEW_ROWS = 100;

export interface SaveRequest {
  labelPt: string;
  labelEn?: string;
  apiName: string;
  description?: string;
}

/**
 * The object designer's state: the objects to pick from, the choices (base, joins, columns, filters, sort),
 * the query model they make, the preview and the save. Objects' fields are read once and kept.
 */
@Injectable()
export class DesignerStore {
  private readonly api = inject(Api);
  private readonly details = new Map<string, ObjectDto>();

  private readonly all = signal<readonly ObjectSummaryDto[]>([]);
  readonly sources = signal<readonly DesignerSource[]>([]);
  readonly columns = signal<readonly DesignerColumn[]>([]);
  readonly filters = signal<readonly DesignerFilter[]>([]);
  readonly sort = signal<readonly DesignerSort[]>([]);
  readonly loading = signal(false);

  /** Objects with records (base objects and custom tables): what can be a base or be joined. */
  readonly objects = computed(() => this.all().filter((o) => o.kind !== 'consulta'));
  /** Saved queries, the designer's own results among them. */
  readonly savedQueries = computed(() => this.all().filter((o) => o.kind === 'consulta'));
  readonly base = computed<DesignerSource | null>(() => this.sources().at(0) ?? null);
  readonly relations = computed<Relation[]>(() =>
    relationsOf(this.sources(), (name) => this.objects().some((o) => o.apiName === name)),
  );
  readonly columnNames = computed(() => columnNames(this.columns(), this.base()?.ref ?? ''));
  readonly model = computed(() =>
    buildModel({
      sources: this.sources(),
      columns: this.columns(),
      filters: this.filters(),
      sort: this.sort(),
    }),
  );

  summary(apiName: string): ObjectSummaryDto | undefined {
    return this.all().find((o) => o.apiName === apiName);
  }

  loadObjects(): Observable<ObjectSummaryDto[]> {
    this.loading.set(true);
    return this.api.invoke(objectsControllerList, {}).pipe(
      tap((list) => this.all.set(list)),
      finalize(() => this.loading.set(false)),
    );
  }

  /** Starts over from `apiName`: its fields are read, every other choice is cleared. */
  selectBase(apiName: string): Observable<ObjectDto> {
    return this.object(apiName).pipe(
      tap((object) => {
        this.sources.set([{ ref: object.apiName, object }]);
        this.columns.set([]);
        this.filters.set([]);
        this.sort.set([]);
      }),
    );
  }

  /** Joins the object a lookup leads to (left join: rows without it stay). */
  addJoin(relation: Relation): Observable<DesignerSource> {
    return this.object(relation.target).pipe(
      map((object) => {
        const ref = refFor(object.apiName, this.sources());
        const source: DesignerSource = {
          ref,
          object,
          join: {
            via: relation.via.apiName,
            from: relation.from,
            ...(ref !== object.apiName ? { alias: ref } : {}),
          },
        };
        this.sources.update((list) => [...list, source]);
        return source;
      }),
    );
  }

  /** Removes a joined object, the objects joined through it, and their columns and filters. */
  removeJoin(ref: string): void {
    const gone = new Set([ref]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const s of this.sources()) {
        if (s.join && gone.has(s.join.from) && !gone.has(s.ref)) {
          gone.add(s.ref);
          grew = true;
        }
      }
    }
    this.sources.update((list) => list.filter((s) => !gone.has(s.ref)));
    this.columns.update((list) => list.filter((c) => !gone.has(c.ref)));
    this.filters.update((list) => list.filter((f) => !gone.has(f.ref)));
    this.dropLostSorts();
  }

  isSelected(ref: string, field: string): boolean {
    return this.columns().some((c) => c.ref === ref && c.field === field);
  }

  setColumn(ref: string, field: string, on: boolean): void {
    if (on === this.isSelected(ref, field)) return;
    this.columns.update((list) =>
      on ? [...list, { ref, field }] : list.filter((c) => !(c.ref === ref && c.field === field)),
    );
    this.dropLostSorts();
  }

  setAggregate(index: number, aggregate: Aggregate | null): void {
    this.columns.update((list) =>
      list.map((c, i) => {
        if (i !== index) return c;
        const { aggregate: _old, ...rest } = c;
        return aggregate ? { ...rest, aggregate } : rest;
      }),
    );
    this.dropLostSorts();
  }

  /** The "number of records" column (count(*)), handy with grouping. */
  setCount(on: boolean): void {
    const ref = this.base()?.ref;
    if (!ref) return;
    const has = this.columns().some((c) => c.field === '*');
    if (on && !has)
      this.columns.update((list) => [...list, { ref, field: '*', aggregate: 'count' }]);
    if (!on && has) this.columns.update((list) => list.filter((c) => c.field !== '*'));
    this.dropLostSorts();
  }

  addFilter(ref: string, field: string): void {
    const type = this.fieldOf(ref, field)?.type ?? 'text';
    const op: FilterOp = operatorsFor(type)[0];
    this.filters.update((list) => [
      ...list,
      { ref, field, op, value: op === 'isnull' ? 'true' : '' },
    ]);
  }

  updateFilter(index: number, change: Partial<Pick<DesignerFilter, 'op' | 'value'>>): void {
    this.filters.update((list) =>
      list.map((f, i) => {
        if (i !== index) return f;
        const next = { ...f, ...change };
        // isnull keeps its own two values; leaving it starts from an empty value.
        if (change.op === 'isnull' && f.op !== 'isnull') return { ...next, value: 'true' };
        if (change.op && change.op !== 'isnull' && f.op === 'isnull') return { ...next, value: '' };
        return next;
      }),
    );
  }

  removeFilter(index: number): void {
    this.filters.update((list) => list.filter((_, i) => i !== index));
  }

  setSort(column: string | null, dir: SortDir = 'asc'): void {
    this.sort.set(column ? [{ column, dir }] : []);
  }

  fieldOf(ref: string, field: string) {
    return this.sources()
      .find((s) => s.ref === ref)
      ?.object.fields.find((f) => f.apiName === field);
  }

  preview(): Observable<PreviewResultDto | null> {
    const model = this.model();
    if (!model) return of(null);
    return this.api.invoke(objectsControllerPreview, {
      body: { model, limit: PREVIEW_ROWS },
    });
  }

  /** Saves the model as a query object; it joins the saved list (and GET /api/objects). */
  save(request: SaveRequest): Observable<ObjectDto> {
    const model = this.model();
    if (!model) throw new Error('nothing to save: pick a base object and a column');
    return this.api
      .invoke(objectsControllerCreate, {
        body: {
          kind: 'consulta',
          apiName: request.apiName,
          labelPt: request.labelPt,
          ...(request.labelEn ? { labelEn: request.labelEn } : {}),
          ...(request.description ? { description: request.description } : {}),
          model,
        },
      })
      .pipe(tap((saved) => this.all.update((list) => [...list, saved])));
  }

  private object(apiName: string): Observable<ObjectDto> {
    const known = this.details.get(apiName);
    if (known) return of(known);
    return this.api
      .invoke(objectsControllerGet, { id: apiName })
      .pipe(tap((o) => this.details.set(apiName, o)));
  }

  private dropLostSorts(): void {
    const names = this.columnNames();
    this.sort.update((list) => list.filter((s) => names.includes(s.column)));
  }
}
