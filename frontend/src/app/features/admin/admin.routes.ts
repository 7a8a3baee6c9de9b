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
] satisfies Routes;
