import { computed, inject, Injectable, signal } from '@angular/core';
import { Observable, tap } from 'rxjs';

import { Api } from '../../core/api/generated/api';
import { pipelinesControllerList } from '../../core/api/generated/fn/pipelines/pipelines-controller-list';
import { PipelineDto } from '../../core/api/generated/models/pipeline-dto';

const STORAGE_KEY = 'crm.sales.pipeline';

/** The tenant's pipelines and the one Vendas shows (remembered on this browser), shared by its tabs. */
@Injectable()
export class PipelineSelection {
  private readonly api = inject(Api);
  private readonly list = signal<readonly PipelineDto[]>([]);
  private readonly chosen = signal<string | null>(null);

  readonly pipelines = this.list.asReadonly();
  readonly pipeline = computed(() => {
    const list = this.list();
    return (
      list.find((p) => p.id === this.chosen()) ?? list.find((p) => p.isDefault) ?? list[0] ?? null
    );
  });

  load(): Observable<unknown> {
    return this.api.invoke(pipelinesControllerList, { active: true, limit: 100 }).pipe(
      tap((page) => {
        this.list.set(page.items);
        this.chosen.set(localStorage.getItem(STORAGE_KEY));
      }),
    );
  }

  select(id: string): void {
    this.chosen.set(id);
    localStorage.setItem(STORAGE_KEY, id);
  }
}
