import { Routes } from '@angular/router';

import { roleGuard } from '../../core/auth/auth.guards';
import { AREA_ROLES } from '../../core/auth/roles';

export default [
  {
    path: '',
    loadComponent: () => import('./company-list').then((m) => m.CompanyList),
  },
  {
    path: 'new',
    title: 'companies.new',
    canActivate: [roleGuard(AREA_ROLES.crmWrite)],
    loadComponent: () => import('./company-editor').then((m) => m.CompanyEditor),
  },
  {
    path: ':id',
    loadComponent: () => import('./company-record').then((m) => m.CompanyRecord),
  },
  {
    path: ':id/edit',
    title: 'companies.edit',
    canActivate: [roleGuard(AREA_ROLES.crmWrite)],
    loadComponent: () => import('./company-editor').then((m) => m.CompanyEditor),
  },
] satisfies Routes;
