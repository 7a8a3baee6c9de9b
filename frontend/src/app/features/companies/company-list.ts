import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { Api } from '../../core/api/generated/api';
import { companiesControllerList } from '../../core/api/generated/fn/companies/companies-controller-list';
import { apiListFetch } from '../../shared/data-grid/api-list';
import { RecordList } from '../../shared/record-view/record-list';
import { UsersDirectory } from '../../shared/users-directory';
import { companyColumns } from './company-fields';

/** "Empresas": every company the user may see, in the server-side grid. */
@Component({
  selector: 'app-company-list',
  imports: [RecordList],
  template: `
    <app-record-list
      title="nav.companies"
      newLabel="companies.new"
      gridId="companies"
      route="/companies"
      searchLabel="companies.search"
      [columns]="columns()"
      [fetch]="fetch"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompanyList {
  private readonly users = inject(UsersDirectory);
  protected readonly fetch = apiListFetch(inject(Api), companiesControllerList);
  protected readonly columns = computed(() => {
    this.users.users(); // owner names once loaded
    return companyColumns(this.users);
  });

  constructor() {
    this.users.load();
  }
}
