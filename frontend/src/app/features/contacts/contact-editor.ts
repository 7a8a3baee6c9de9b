import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ActivatedRoute } from '@angular/router';

import { Api } from '../../core/api/generated/api';
import { contactsControllerCreate } from '../../core/api/generated/fn/contacts/contacts-controller-create';
import { contactsControllerGet } from '../../core/api/generated/fn/contacts/contacts-controller-get';
import { contactsControllerUpdate } from '../../core/api/generated/fn/contacts/contacts-controller-update';
import { ContactDto } from '../../core/api/generated/models/contact-dto';
import { CreateContactDto } from '../../core/api/generated/models/create-contact-dto';
import { UpdateContactDto } from '../../core/api/generated/models/update-contact-dto';
import { ifMatch } from '../../core/api/if-match';
import { RecordEditor, RecordEditorConfig } from '../../shared/record-form/record-editor';
import { UsersDirectory } from '../../shared/users-directory';
import { CONTACT_FORM } from './contact-fields';

/** "Novo contato" and "Editar contato". */
@Component({
  selector: 'app-contact-editor',
  imports: [RecordEditor],
  template: `<app-record-editor [config]="config" [recordId]="id" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactEditor {
  protected readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id');
  private readonly api = inject(Api);

  // The generated form's body holds only fields of the DTO (the API validates it again).
  protected readonly config: RecordEditorConfig<ContactDto> = {
    fields: CONTACT_FORM,
    get: (id) => this.api.invoke(contactsControllerGet, { id }),
    create: (body) =>
      this.api.invoke(contactsControllerCreate, { body: body as unknown as CreateContactDto }),
    update: (id, version, body) =>
      this.api.invoke(contactsControllerUpdate, {
        id,
        ...ifMatch(version),
        body: body as UpdateContactDto,
      }),
    link: (id) => `/contacts/${id}`,
    listLink: '/contacts',
    newTitle: 'contacts.new',
    editTitle: 'contacts.edit',
  };

  constructor() {
    inject(UsersDirectory).load();
  }
}
