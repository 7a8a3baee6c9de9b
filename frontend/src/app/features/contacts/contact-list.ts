import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { Api } from '../../core/api/generated/api';
import { contactsControllerList } from '../../core/api/generated/fn/contacts/contacts-controller-list';
import { apiListFetch } from '../../shared/data-grid/api-list';
import { RecordList } from '../../shared/record-view/record-list';
import { UsersDirectory } from '../../shared/users-directory';
import { contactColumns } from './contact-fields';

/** "Contatos": every contact the user may see, in the server-side grid. */
@Component({
  selector: 'app-contact-list',
  imports: [RecordList],
  template: `
    <app-record-list
      title="nav.contacts"
      newLabel="contacts.new"
      gridId="contacts"
      route="/contacts"
      searchLabel="contacts.search"
      [columns]="columns()"
      [fetch]="fetch"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactList {
  private readonly users = inject(UsersDirectory);
  protected readonly fetch = apiListFetch(inject(Api), contactsControllerList);
  protected readonly columns = computed(() => {
    this.users.users(); // owner names once loaded
    return contactColumns(this.users);
  });

  constructor() {
    this.users.load();
  }
}
