import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ActivatedRoute } from '@angular/router';

import { Api } from '../../core/api/generated/api';
import { companiesControllerCreate } from '../../core/api/generated/fn/companies/companies-controller-create';
import { companiesControllerGet } from '../../core/api/generated/fn/companies/companies-controller-get';
import { companiesControllerUpdate } from '../../core/api/generated/fn/companies/companies-controller-update';
import { CompanyDto } from '../../core/api/generated/models/company-dto';
import { CreateCompanyDto } from '../../core/api/generated/models/create-company-dto';
import { UpdateCompanyDto } from '../../core/api/generated/models/update-company-dto';
import { ifMatch } from '../../core/api/if-match';
import { RecordEditor, RecordEditorConfig } from '../../shared/record-form/record-editor';
import { UsersDirectory } from '../../shared/users-directory';
import { COMPANY_FORM } from './company-fields';

/** "Nova empresa" and "Editar empresa". */
@Component({
  selector: 'app-company-editor',
  imports: [RecordEditor],
  template: `<app-record-editor [config]="config" [recordId]="id" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompanyEditor {
  protected readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id');
  private readonly api = inject(Api);

  // The generated form's body holds only fields of the DTO (the API validates it again).
  protected readonly config: RecordEditorConfig<CompanyDto> = {
    fields: COMPANY_FORM,
    get: (id) => this.api.invoke(companiesControllerGet, { id }),
    create: (body) =>
      this.api.invoke(companiesControllerCreate, { body: body as unknown as CreateCompanyDto }),
    update: (id, version, body) =>
      this.api.invoke(companiesControllerUpdate, {
        id,
        ...ifMatch(version),
        body: body as UpdateCompanyDto,
      }),
    link: (id) => `/companies/${id}`,
    listLink: '/companies',
    newTitle: 'companies.new',
    editTitle: 'companies.edit',
  };

  constructor() {
    inject(UsersDirectory).load();
  }
}
