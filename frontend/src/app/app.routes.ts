import { Routes } from '@angular/router';

import { Shell } from './core/layout/shell';

// Areas not built yet share one lazy "Em breve" page; each gets its own routes file when it lands.
const comingSoon = () => import('./features/coming-soon/coming-soon.routes');

// Route titles are message keys, translated by TranslatedTitleStrategy.
export const routes: Routes = [
  {
    path: '',
    component: Shell,
    children: [
      { path: '', title: 'nav.home', loadChildren: () => import('./features/home/home.routes') },
      { path: 'sales', title: 'nav.sales', loadChildren: comingSoon },
      { path: 'contacts', title: 'nav.contacts', loadChildren: comingSoon },
      { path: 'companies', title: 'nav.companies', loadChildren: comingSoon },
      { path: 'activities', title: 'nav.activities', loadChildren: comingSoon },
      { path: 'data', title: 'nav.data', loadChildren: comingSoon },
      { path: 'admin', title: 'nav.admin', loadChildren: comingSoon },
    ],
  },
  { path: '**', redirectTo: '' },
];
