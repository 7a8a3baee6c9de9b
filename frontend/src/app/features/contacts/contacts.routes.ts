import { Routes } from '@angular/router';

import { roleGuard } from '../../core/auth/auth.guards';
import { AREA_ROLES } from '../../core/auth/roles';

export default [
  {
    path: '',
    loadComponent: () => import('./contact-list').then((m) => m.ContactList),
  },
  {
    path: 'new',
    title: 'contacts.new',
    canActivate: [roleGuard(AREA_ROLES.crmWrite)],
    loadComponent: () => import('./contact-editor').then((m) => m.ContactEditor),
  },
  {
    path: ':id',
    loadComponent: () => import('./contact-record').then((m) => m.ContactRecord),
  },
  {
    path: ':id/edit',
    title: 'contacts.edit',
    canActivate: [roleGuard(AREA_ROLES.crmWrite)],
    loadComponent: () => import('./contact-editor').then((m) => m.ContactEditor),
  },
] satisfies Routes;
