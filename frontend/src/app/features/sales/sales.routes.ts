import { Routes } from '@angular/router';

import { SalesPage } from './sales-page';

// The board and the grid are separate chunks: AG Grid loads only with the "Lista" tab.
export default [
  {
    path: '',
    component: SalesPage,
    children: [
      {
        path: '',
        loadComponent: () => import('./board/pipeline-board').then((m) => m.PipelineBoard),
      },
      {
        path: 'list',
        title: 'sales.tab.list',
        loadComponent: () => import('./list/opportunity-list').then((m) => m.OpportunityList),
      },
    ],
  },
] satisfies Routes;
