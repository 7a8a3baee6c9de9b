import { AREA_ROLES, Role } from '../auth/roles';
import { MessageKey } from '../i18n/messages.pt-br';
import { AppIcon } from '../icons/app-icons';

export interface NavItem {
  readonly path: string;
  readonly label: MessageKey;
  readonly icon: AppIcon;
  /** Who sees the entry; app.routes.ts guards the route with the same list. */
  readonly roles: readonly Role[];
}

/** The side navigation, in display order; paths match app.routes.ts. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.home', icon: 'home', roles: AREA_ROLES.any },
  { path: '/sales', label: 'nav.sales', icon: 'sales', roles: AREA_ROLES.crm },
  { path: '/contacts', label: 'nav.contacts', icon: 'contacts', roles: AREA_ROLES.crm },
  { path: '/companies', label: 'nav.companies', icon: 'companies', roles: AREA_ROLES.crm },
  { path: '/activities', label: 'nav.activities', icon: 'activities', roles: AREA_ROLES.crm },
  { path: '/data', label: 'nav.data', icon: 'data', roles: AREA_ROLES.crm },
  { path: '/admin', label: 'nav.admin', icon: 'admin', roles: AREA_ROLES.admin },
  { path: '/platform', label: 'nav.platform', icon: 'platform', roles: AREA_ROLES.platform },
];
