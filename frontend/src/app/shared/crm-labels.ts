import type { MessageKey } from '../core/i18n/messages.pt-br';
import type { GridChoice } from './data-grid/grid-query';

// Stored values of the CRM's enumerations and their labels, for grids, filters, forms and record pages.

export const LIFECYCLE_STAGES: readonly GridChoice[] = [
  { value: 'lead', label: 'lifecycle.lead' },
  { value: 'lead_qualificado', label: 'lifecycle.lead_qualificado' },
  { value: 'oportunidade', label: 'lifecycle.oportunidade' },
  { value: 'cliente', label: 'lifecycle.cliente' },
  { value: 'ex_cliente', label: 'lifecycle.ex_cliente' },
];

export const CONTACT_STATUSES: readonly GridChoice[] = [
  { value: 'ativo', label: 'status.ativo' },
  { value: 'inativo', label: 'status.inativo' },
  { value: 'desqualificado', label: 'status.desqualificado' },
];

export const COMPANY_STATUSES: readonly GridChoice[] = CONTACT_STATUSES.slice(0, 2);

export const COMPANY_SIZES: readonly GridChoice[] = [
  { value: 'mei', label: 'companySize.mei' },
  { value: 'me', label: 'companySize.me' },
  { value: 'epp', label: 'companySize.epp' },
  { value: 'medio', label: 'companySize.medio' },
  { value: 'grande', label: 'companySize.grande' },
];

export const OPPORTUNITY_STATUSES: readonly GridChoice[] = [
  { value: 'aberto', label: 'opportunities.status.aberto' },
  { value: 'ganho', label: 'opportunities.status.ganho' },
  { value: 'perdido', label: 'opportunities.status.perdido' },
];

export const ACTIVITY_TYPES: readonly GridChoice[] = [
  { value: 'ligacao', label: 'activityType.ligacao' },
  { value: 'email', label: 'activityType.email' },
  { value: 'reuniao', label: 'activityType.reuniao' },
  { value: 'tarefa', label: 'activityType.tarefa' },
  { value: 'visita', label: 'activityType.visita' },
  { value: 'whatsapp', label: 'activityType.whatsapp' },
  { value: 'nota', label: 'activityType.nota' },
];

export const ACTIVITY_PRIORITIES: readonly GridChoice[] = [
  { value: 'baixa', label: 'priority.baixa' },
  { value: 'normal', label: 'priority.normal' },
  { value: 'alta', label: 'priority.alta' },
];

export const DONE_CHOICES: readonly GridChoice[] = [
  { value: 'false', label: 'activities.open' },
  { value: 'true', label: 'activities.done' },
];

// The 27 federative units (UF) of addresses; their codes are their own labels.
export const UFS = [
  'AC',
  'AL',
  'AP',
  'AM',
  'BA',
  'CE',
  'DF',
  'ES',
  'GO',
  'MA',
  'MT',
  'MS',
  'MG',
  'PA',
  'PB',
  'PR',
  'PE',
  'PI',
  'RJ',
  'RN',
  'RS',
  'RO',
  'RR',
  'SC',
  'SP',
  'SE',
  'TO',
] as const;

/** The label key of a stored value, or null when the value is not in the list (a vertical's own type). */
export function labelOf(
  choices: readonly GridChoice[],
  value: string | null | undefined,
): MessageKey | null {
  return choices.find((c) => c.value === value)?.label ?? null;
}
