import { computed, inject, Injectable, signal } from '@angular/core';
import { finalize, forkJoin, map, Observable, tap } from 'rxjs';

import { Api } from '../../../core/api/generated/api';
import { ifMatch } from '../../../core/api/if-match';
import { objectsControllerAddField } from '../../../core/api/generated/fn/objects/objects-controller-add-field';
import { objectsControllerCreate } from '../../../core/api/generated/fn/objects/objects-controller-create';
import { objectsControllerDataOf } from '../../../core/api/generated/fn/objects/objects-controller-data-of';
import { objectsControllerGet } from '../../../core/api/generated/fn/objects/objects-controller-get';
import { objectsControllerList } from '../../../core/api/generated/fn/objects/objects-controller-list';
import { objectsControllerRemoveField } from '../../../core/api/generated/fn/objects/objects-controller-remove-field';
import { objectsControllerRemove } from '../../../core/api/generated/fn/objects/objects-controller-remove';
import { objectsControllerUpdateField } from '../../../core/api/generated/fn/objects/objects-controller-update-field';
import { CreateFieldDto } from '../../../core/api/generated/models/create-field-dto';
import { FieldDto } from '../../../core/api/generated/models/field-dto';
import { ObjectDto } from '../../../core/api/generated/models/object-dto';
import { ObjectSummaryDto } from '../../../core/api/generated/models/object-summary-dto';
import { UpdateFieldDto } from '../../../core/api/generated/models/update-field-dto';

export interface NewTable {
  labelPt: string;
  apiName: string;
  description?: string;
}

/**
 * Custom tables (objects of kind `tabela`) and the fields of the one open. Field changes apply to the current
 * definition; removing a table is decided on one version of it (If-Match), so a table changed while the
 * confirmation was open is kept and the API says so (409 VERSION_CONFLICT).
 */
@Injectable()
export class CustomTablesStore {
  private readonly api = inject(Api);
  private readonly all = signal<readonly ObjectSummaryDto[]>([]);
  private readonly busy = signal(false);

  readonly loading = this.busy.asReadonly();
  readonly tables = computed(() => this.all().filter((o) => o.kind === 'tabela'));
  /** What a lookup field may point to: objects with records. */
  readonly lookupTargets = computed(() => this.all().filter((o) => o.kind !== 'consulta'));
  readonly open = signal<ObjectDto | null>(null);
  /** The open table's fields that people created (the standard columns, owner included, stay out). */
  readonly fields = computed(() =>
    (this.open()?.fields ?? []).filter((f) => f.custom && !f.system),
  );

  load(): Observable<ObjectSummaryDto[]> {
    this.busy.set(true);
    return this.api.invoke(objectsControllerList, {}).pipe(
      tap((list) => this.all.set(list)),
      finalize(() => this.busy.set(false)),
    );
  }

  select(apiName: string): Observable<ObjectDto> {
    return this.api
      .invoke(objectsControllerGet, { id: apiName })
      .pipe(tap((o) => this.open.set(o)));
  }

  close(): void {
    this.open.set(null);
  }

  createTable(table: NewTable): Observable<ObjectDto> {
    return this.api
      .invoke(objectsControllerCreate, {
        body: {
          kind: 'tabela',
          apiName: table.apiName,
          labelPt: table.labelPt,
          ...(table.description ? { description: table.description } : {}),
        },
      })
      .pipe(
        tap((created) => {
          this.all.update((list) => [...list, created]);
          this.open.set(created);
        }),
      );
  }

  /** How many records a table holds (to say what a removal loses). */
  recordCount(apiName: string): Observable<number> {
    return this.api
      .invoke(objectsControllerDataOf, { id: apiName, limit: 1, include_total: true, fields: 'id' })
      .pipe(map((data) => data.total ?? data.rows.length));
  }

  /** What removing a table loses (its records), read together with the version the removal is decided on. */
  removalFacts(table: { id: string; apiName: string }): Observable<{ records: number; version: number }> {
    return forkJoin({
      records: this.recordCount(table.apiName),
      version: this.api.invoke(objectsControllerGet, { id: table.id }).pipe(map((o) => o.version)),
    });
  }

  /** Removes the table as it was at `version` (see removalFacts). */
  deleteTable(table: { id: string; apiName: string }, version: number): Observable<void> {
    return this.api.invoke(objectsControllerRemove, { id: table.id, ...ifMatch(version) }).pipe(
      tap(() => {
        this.all.update((list) => list.filter((o) => o.id !== table.id));
        if (this.open()?.id === table.id) this.open.set(null);
      }),
    );
  }

  addField(body: CreateFieldDto): Observable<FieldDto> {
    const table = this.requireOpen();
    return this.api
      .invoke(objectsControllerAddField, { id: table.id, body })
      .pipe(tap((field) => this.patchOpen(table.id, (fields) => [...fields, field])));
  }

  updateField(apiName: string, body: UpdateFieldDto): Observable<FieldDto> {
    const table = this.requireOpen();
    return this.api
      .invoke(objectsControllerUpdateField, { id: table.id, field: apiName, body })
      .pipe(
        tap((field) =>
          this.patchOpen(table.id, (fields) =>
            fields.map((f) => (f.apiName === apiName ? field : f)),
          ),
        ),
      );
  }

  removeField(apiName: string): Observable<void> {
    const table = this.requireOpen();
    return this.api
      .invoke(objectsControllerRemoveField, { id: table.id, field: apiName })
      .pipe(
        tap(() =>
          this.patchOpen(table.id, (fields) => fields.filter((f) => f.apiName !== apiName)),
        ),
      );
  }

  private requireOpen(): ObjectDto {
    const table = this.open();
    if (!table) throw new Error('no table is open');
    return table;
  }

  private patchOpen(id: string, change: (fields: FieldDto[]) => FieldDto[]): void {
    this.open.update((o) => (o && o.id === id ? { ...o, fields: change(o.fields) } : o));
  }
}
