import { MessageKey } from '../i18n/messages.pt-br';
import { AppIcon } from '../icons/app-icons';

export interface NavItem {
  readonly path: string;
  readonly label: MessageKey;
  readonly icon: AppIcon;
}

/** The side navigation, in display order; paths match app.routes.ts. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.home', icon: 'home' },
  { path: '/sales', label: 'nav.sales', icon: 'sales' },
  { path: '/contacts', label: 'nav.contacts', icon: 'contacts' },
  { path: '/companies', label: 'nav.companies', icon: 'companies' },
  { path: '/activities', label: 'nav.activities', icon: 'activities' },
  { path: '/data', label: 'nav.data', icon: 'data' },
  { path: '/admin', label: 'nav.admin', icon: 'admin' },
];
