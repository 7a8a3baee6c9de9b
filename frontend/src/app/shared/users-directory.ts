import { computed, inject, Injectable, signal } from '@angular/core';

import { Api } from '../core/api/generated/api';
import { usersControllerList } from '../core/api/generated/fn/users/users-controller-list';
import { TenantUserDto } from '../core/api/generated/models/tenant-user-dto';
import { SessionStore } from '../core/auth/session-store';

// A tenant's sales force fits in one page; owners beyond it show without a name.
const USERS_PAGE = 200;

/** The tenant's users, to show owners by name and offer them in owner pickers. Read once per tenant. */
@Injectable({ providedIn: 'root' })
export class UsersDirectory {
  private readonly api = inject(Api);
  private readonly session = inject(SessionStore);
  private readonly list = signal<readonly TenantUserDto[]>([]);
  private loadedFor: string | null = null;

  readonly users = this.list.asReadonly();
  private readonly byId = computed(() => new Map(this.list().map((u) => [u.id, u.name])));

  /** Starts loading the current tenant's users unless they are here already. */
  load(): void {
    const tenant = this.session.tenant()?.slug ?? null;
    if (!tenant || tenant === this.loadedFor) return;
    this.loadedFor = tenant;
    this.list.set([]);
    this.api
      .invoke(usersControllerList, { limit: USERS_PAGE, sort: 'name', fields: 'id,name,active' })
      .subscribe({
        next: (page) => this.list.set(page.items),
        error: () => (this.loadedFor = null),
      });
  }

  name(id: string | null | undefined): string {
    return id ? (this.byId().get(id) ?? '') : '';
  }
}
