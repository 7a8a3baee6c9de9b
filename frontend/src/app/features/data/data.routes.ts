import { Routes } from '@angular/router';

import { ObjectList } from './object-list';

export default [
  { path: '', component: ObjectList },
  {
    path: ':id',
    loadComponent: () => import('./object-page').then((m) => m.ObjectPage),
  },
] satisfies Routes;
