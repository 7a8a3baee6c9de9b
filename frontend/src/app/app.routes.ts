import { Routes } from '@angular/router';

import { authGuard, guestGuard, roleGuard } from './core/auth/auth.guards';
import { AREA_ROLES } from './core/auth/roles';

const crm = [roleGuard(AREA_ROLES.crm)];

// Route titles are message keys, translated by TranslatedTitleStrategy. Role lists match nav-items.ts.
export const routes: Routes = [
  {
    path: 'login',
    title: 'login.title',
    canActivate: [guestGuard],
    loadComponent: () => import('./features/login/login').then((m) => m.Login),
  },
  {
    path: '',
    loadComponent: () => import('./core/layout/shell').then((m) => m.Shell),
    canActivate: [authGuard],
    children: [
      { path: '', title: 'nav.home', loadChildren: () => import('./features/home/home.routes') },
      {
        path: 'sales',
        title: 'nav.sales',
        canActivate: crm,
        loadChildren: () => import('./features/sales/sales.routes'),
      },
      {
        path: 'contacts',
        title: 'nav.contacts',
        canActivate: crm,
        loadChildren: () => import('./features/contacts/contacts.routes'),
      },
      {
        path: 'companies',
        title: 'nav.companies',
        canActivate: crm,
        loadChildren: () => import('./features/companies/companies.routes'),
      },
      {
        path: 'activities',
        title: 'nav.activities',
        canActivate: crm,
        loadChildren: () => import('./features/activities/activities.routes'),
      },
      {
        path: 'data',
        title: 'nav.data',
        canActivate: crm,
        loadChildren: () => import('./features/data/data.routes'),
      },
      {
        path: 'admin',
        title: 'nav.admin',
        canActivate: [roleGuard(AREA_ROLES.admin)],
        loadChildren: () => import('./features/admin/admin.routes'),
      },
      {
        path: 'platform',
        title: 'nav.platform',
        canActivate: [roleGuard(AREA_ROLES.platform)],
        loadChildren: () => import('./features/platform/platform.routes'),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
