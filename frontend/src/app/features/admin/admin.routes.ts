import { Routes } from '@angular/router';

import { roleGuard } from '../../core/auth/auth.guards';
import { AREA_ROLES } from '../../core/auth/roles';
import { AdminHome } from './admin-home';

export default [
  { path: '', component: AdminHome },
  {
    path: 'tokens',
    title: 'admin.tokens.title',
    canActivate: [roleGuard(AREA_ROLES.tenantAdmin)],
    loadComponent: () => import('./api-tokens/api-tokens').then((m) => m.ApiTokens),
  },
  {
    path: 'playground',
    title: 'admin.playground.title',
    loadComponent: () => import('./playground/playground').then((m) => m.Playground),
  },
  {
    path: 'designer',
    title: 'admin.designer.title',
    canActivate: [roleGuard(AREA_ROLES.tenantAdmin)],
    loadComponent: () => import('./object-designer/object-designer').then((m) => m.ObjectDesigner),
  },
  {
    path: 'tables',
    title: 'admin.tables.title',
    canActivate: [roleGuard(AREA_ROLES.tenantAdmin)],
    loadComponent: () => import('./custom-tables/custom-tables').then((m) => m.CustomTables),
  },
  {
    path: 'users',
    title: 'admin.users.title',
    canActivate: [roleGuard(AREA_ROLES.tenantAdmin)],
    loadComponent: () => import('./users/users').then((m) => m.Users),
  },
] satisfies Routes;
