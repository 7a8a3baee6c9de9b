import { Messages } from './messages.pt-br';

export const en: Messages = {
  'app.name': 'CRM Platform',
  'shell.toggleMenu': 'Open or close the menu',
  'shell.navigation': 'Main navigation',
  'nav.home': 'Home',
  'nav.sales': 'Sales',
  'nav.contacts': 'Contacts',
  'nav.companies': 'Companies',
  'nav.activities': 'Activities',
  'nav.data': 'Data',
  'nav.admin': 'Admin',
  'home.welcome': 'Welcome to the CRM console.',
  'home.apiStatus': 'API status',
  'api.checking': 'Checking the API…',
  'api.up': 'API connected',
  'api.down': 'API unavailable',
  'api.retry': 'Try again',
  'comingSoon.title': 'Coming soon',
  'comingSoon.text': 'This area is still being built.',
};
