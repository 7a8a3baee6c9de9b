import { computed, inject, Injectable, signal } from '@angular/core';
import { finalize, forkJoin, map, Observable, tap } from 'rxjs';

import { apiErrorOf } from '../../../core/api/api-error';
import { Api } from '../../../core/api/generated/api';
import { teamsControllerList } from '../../../core/api/generated/fn/teams/teams-controller-list';
import { usersControllerDeactivate } from '../../../core/api/generated/fn/users/users-controller-deactivate';
import { usersControllerHistory } from '../../../core/api/generated/fn/users/users-controller-history';
import { usersControllerInvite } from '../../../core/api/generated/fn/users/users-controller-invite';
import { usersControllerList } from '../../../core/api/generated/fn/users/users-controller-list';
import { usersControllerReactivate } from '../../../core/api/generated/fn/users/users-controller-reactivate';
import { usersControllerUpdate } from '../../../core/api/generated/fn/users/users-controller-update';
import { HistoryItemDto } from '../../../core/api/generated/models/history-item-dto';
import { InviteUserDto } from '../../../core/api/generated/models/invite-user-dto';
import { InvitedUserDto } from '../../../core/api/generated/models/invited-user-dto';
import { TeamDto } from '../../../core/api/generated/models/team-dto';
import { TenantUserDto } from '../../../core/api/generated/models/tenant-user-dto';
import { UpdateUserDto } from '../../../core/api/generated/models/update-user-dto';
import { MessageKey } from '../../../core/i18n/messages.pt-br';

// A tenant's people fit in one page of the API (its maximum).
const PAGE = 200;
const HISTORY_PAGE = 50;

/**
 * The API's refusals about users that the page explains in place (the rest go to the snack bar): the
 * last active administrator, an e-mail that is already a member or already has an account.
 */
export const USER_ERROR_TEXT: Record<string, MessageKey> = {
  LAST_TENANT_ADMIN: 'users.error.lastAdmin',
  USER_EXISTS: 'users.error.exists',
  ACCOUNT_EXISTS: 'users.error.accountExists',
};

export function userErrorKey(error: unknown): MessageKey | null {
  const code = apiErrorOf(error)?.code;
  return code ? (USER_ERROR_TEXT[code] ?? null) : null;
}

const byName = (a: TenantUserDto, b: TenantUserDto) => a.name.localeCompare(b.name, 'pt-BR');

/** The tenant's users and teams, for the page that invites, changes and deactivates them. */
@Injectable()
export class UsersStore {
  private readonly api = inject(Api);
  private readonly list = signal<readonly TenantUserDto[]>([]);
  private readonly teamList = signal<readonly TeamDto[]>([]);
  private readonly busy = signal(false);

  readonly users = this.list.asReadonly();
  readonly teams = this.teamList.asReadonly();
  readonly loading = this.busy.asReadonly();
  readonly activeAdmins = computed(
    () => this.list().filter((u) => u.active && u.role === 'tenant_admin').length,
  );

  load(): Observable<void> {
    this.busy.set(true);
    return forkJoin([
      this.api.invoke(usersControllerList, { limit: PAGE, sort: 'name' }),
      this.api.invoke(teamsControllerList, { active: true, limit: PAGE, sort: 'name' }),
    ]).pipe(
      tap(([users, teams]) => {
        this.list.set(users.items);
        this.teamList.set(teams.items);
      }),
      map(() => undefined),
      finalize(() => this.busy.set(false)),
    );
  }

  teamName(id: string | null | undefined): string {
    return id ? (this.teamList().find((t) => t.id === id)?.name ?? '') : '';
  }

  invite(body: InviteUserDto): Observable<InvitedUserDto> {
    return this.api
      .invoke(usersControllerInvite, { body })
      .pipe(tap(({ user }) => this.list.update((users) => [...users, user].sort(byName))));
  }

  /** Role and team; a role change counts from the person's next login or session refresh. */
  update(id: string, body: UpdateUserDto): Observable<TenantUserDto> {
    return this.api.invoke(usersControllerUpdate, { id, body }).pipe(tap((u) => this.replace(u)));
  }

  deactivate(id: string): Observable<TenantUserDto> {
    return this.api.invoke(usersControllerDeactivate, { id }).pipe(tap((u) => this.replace(u)));
  }

  reactivate(id: string): Observable<TenantUserDto> {
    return this.api.invoke(usersControllerReactivate, { id }).pipe(tap((u) => this.replace(u)));
  }

  /** The latest changes first. */
  history(id: string): Observable<HistoryItemDto[]> {
    return this.api
      .invoke(usersControllerHistory, { id, limit: HISTORY_PAGE, sort: '-occurredAt' })
      .pipe(map((page) => page.items));
  }

  private replace(user: TenantUserDto): void {
    this.list.update((users) => users.map((u) => (u.id === user.id ? user : u)));
  }
}
