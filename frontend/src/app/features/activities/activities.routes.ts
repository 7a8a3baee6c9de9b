import { Routes } from '@angular/router';

import { roleGuard } from '../../core/auth/auth.guards';
import { AREA_ROLES } from '../../core/auth/roles';
import { ActivityList } from './activity-list';

export default [
  { path: '', component: ActivityList },
  {
    path: 'new',
    title: 'activities.new',
    canActivate: [roleGuard(AREA_ROLES.crmWrite)],
    loadComponent: () => import('./activity-editor').then((m) => m.ActivityEditor),
  },
] satisfies Routes;
