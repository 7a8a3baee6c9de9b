import { computed, inject, Injectable, signal } from '@angular/core';

import { Api } from '../../../core/api/generated/api';
import { objectsControllerGet } from '../../../core/api/generated/fn/objects/objects-controller-get';
import { objectsControllerList } from '../../../core/api/generated/fn/objects/objects-controller-list';
import { ObjectSummaryDto } from '../../../core/api/generated/models/object-summary-dto';
import { I18n } from '../../../core/i18n/i18n';
import { ColumnsByObject, completionSchema, mentionedObjects, sqlName } from './sql-schema';

/**
 * What the editor completes: the objects of GET /api/objects at once, and the columns of each object as the
 * statement mentions it (GET /api/objects/{id}, once per object), since the API has no one call for them all.
 */
@Injectable()
export class SqlCatalog {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  private readonly objects = signal<readonly ObjectSummaryDto[]>([]);
  private readonly columns = signal<ColumnsByObject>(new Map());
  /** Objects whose columns were asked for (loaded or on the way). */
  private readonly asked = new Set<string>();

  readonly schema = computed(() =>
    completionSchema(this.objects(), this.columns(), this.i18n.language()),
  );
  private readonly names = computed(() => new Map(this.objects().map((o) => [sqlName(o), o])));

  load(): void {
    this.api.invoke(objectsControllerList).subscribe({
      next: (objects) => this.objects.set(objects),
      error: () => undefined, // completion is a help: the editor works without it
    });
  }

  /** Loads the columns of the objects that `sql` mentions and that are not known yet. */
  columnsFor(sql: string): void {
    const names = this.names();
    for (const name of mentionedObjects(sql, new Set(names.keys()))) {
      if (this.asked.has(name)) continue;
      this.asked.add(name);
      this.api.invoke(objectsControllerGet, { id: names.get(name)!.id }).subscribe({
        next: (object) => this.columns.update((m) => new Map(m).set(name, object.fields)),
        error: () => this.asked.delete(name),
      });
    }
  }
}
