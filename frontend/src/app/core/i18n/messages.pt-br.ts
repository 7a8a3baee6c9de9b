// The reference dictionary: its keys are the MessageKey type, so every other language must have them all.
export const ptBR = {
  'app.name': 'CRM Platform',
  'shell.toggleMenu': 'Abrir ou fechar o menu',
  'shell.navigation': 'Navegação principal',
  'nav.home': 'Início',
  'nav.sales': 'Vendas',
  'nav.contacts': 'Contatos',
  'nav.companies': 'Empresas',
  'nav.activities': 'Atividades',
  'nav.data': 'Dados',
  'nav.admin': 'Admin',
  'home.welcome': 'Bem-vindo ao console do CRM.',
  'home.apiStatus': 'Estado da API',
  'api.checking': 'Verificando a API…',
  'api.up': 'API conectada',
  'api.down': 'API indisponível',
  'api.retry': 'Tentar novamente',
  'comingSoon.title': 'Em breve',
  'comingSoon.text': 'Esta área ainda está em construção.',
} as const;

export type MessageKey = keyof typeof ptBR;
export type Messages = Record<MessageKey, string>;
