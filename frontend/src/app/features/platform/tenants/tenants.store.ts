import { inject, Injectable, signal } from '@angular/core';
import { finalize, Observable, tap } from 'rxjs';

import { Api } from '../../../core/api/generated/api';
import { platformTenantsControllerArchive } from '../../../core/api/generated/fn/platform/platform-tenants-controller-archive';
import { platformTenantsControllerCreate } from '../../../core/api/generated/fn/platform/platform-tenants-controller-create';
import { platformTenantsControllerList } from '../../../core/api/generated/fn/platform/platform-tenants-controller-list';
import { CreateTenantDto } from '../../../core/api/generated/models/create-tenant-dto';
import { TenantDto } from '../../../core/api/generated/models/tenant-dto';

export type TenantStatusFilter = TenantDto['status'] | 'all';

/** Page size of the tenant list; the API pages by slug. */
export const TENANT_PAGE = 50;

/** The platform's tenants for the operators' page: paged by slug, filtered by status on the server. */
@Injectable()
export class TenantsStore {
  private readonly api = inject(Api);
  private readonly list = signal<readonly TenantDto[]>([]);
  private readonly busy = signal(false);
  private readonly more = signal(false);
  private readonly filter = signal<TenantStatusFilter>('all');

  readonly tenants = this.list.asReadonly();
  readonly loading = this.busy.asReadonly();
  readonly hasMore = this.more.asReadonly();
  readonly status = this.filter.asReadonly();

  /** The first page for `status`. */
  load(status: TenantStatusFilter = this.filter()): Observable<TenantDto[]> {
    this.filter.set(status);
    this.list.set([]);
    return this.page();
  }

  /** The page after the last tenant shown. */
  loadMore(): Observable<TenantDto[]> {
    return this.page(this.list().at(-1)?.slug);
  }

  create(body: CreateTenantDto): Observable<TenantDto> {
    return this.api.invoke(platformTenantsControllerCreate, { body }).pipe(
      tap((tenant) => {
        if (this.filter() !== 'arquivado') this.list.update((list) => [tenant, ...list]);
      }),
    );
  }

  archive(slug: string): Observable<TenantDto> {
    return this.api
      .invoke(platformTenantsControllerArchive, { slug })
      .pipe(
        tap((archived) =>
          this.list.update((list) =>
            this.filter() === 'ativo'
              ? list.filter((t) => t.slug !== slug)
              : list.map((t) => (t.slug === slug ? archived : t)),
          ),
        ),
      );
  }

  private page(after?: string): Observable<TenantDto[]> {
    const status = this.filter();
    this.busy.set(true);
    return this.api
      .invoke(platformTenantsControllerList, {
        limit: TENANT_PAGE,
        ...(after ? { after } : {}),
        ...(status !== 'all' ? { status } : {}),
      })
      .pipe(
        tap((page) => {
          this.list.update((list) => [...list, ...page]);
          this.more.set(page.length === TENANT_PAGE);
        }),
        finalize(() => this.busy.set(false)),
      );
  }
}
