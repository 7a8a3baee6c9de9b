import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  ErrorHandler,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';

import { InvitedUserDto } from '../../../core/api/generated/models/invited-user-dto';
import { ROLE_LABELS, Role } from '../../../core/auth/roles';
import { I18n } from '../../../core/i18n/i18n';
import { UserDetail } from './user-detail';
import { UserInviteForm } from './user-invite-form';
import { UsersStore } from './users.store';

/** Admin → "Usuários e papéis": who enters the tenant and with which role. */
@Component({
  selector: 'app-users',
  imports: [MatButton, MatIcon, MatProgressBar, UserInviteForm, UserDetail],
  providers: [UsersStore],
  templateUrl: './users.html',
  styleUrl: './users.scss',
  host: { class: 'page' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Users {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(UsersStore);
  protected readonly invited = signal<InvitedUserDto | null>(null);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly selected = computed(
    () => this.store.users().find((u) => u.id === this.selectedId()) ?? null,
  );
  private readonly detailTitle = viewChild<ElementRef<HTMLElement>>('detailTitle');

  constructor() {
    const errors = inject(ErrorHandler);
    this.store.load().subscribe({ error: (e: unknown) => errors.handleError(e) });
  }

  protected roleLabel(role: string): string {
    return this.i18n.t(ROLE_LABELS[role as Role]);
  }

  protected select(id: string): void {
    this.selectedId.set(id);
    // The panel is below the list: bring it (and the reader's focus) there.
    setTimeout(() => {
      const title = this.detailTitle()?.nativeElement;
      title?.focus();
      title?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
    });
  }
}
