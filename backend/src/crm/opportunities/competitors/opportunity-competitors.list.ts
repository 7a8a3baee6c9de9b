import { defineList } from '../../shared/list/list-definition';

const competitorField = (column: string) => (t: string) => `(SELECT c.${column} FROM tb_concorrente c WHERE c.id = ${t}.concorrente_id)`;

/**
 * tb_oportunidade_concorrente: the competitors of a deal (read in full with their deal; no versao, no soft delete;
 * RLS: visible and writable when the deal is). One row per (deal, competitor); at most one winner per deal.
 */
export const OPPORTUNITY_COMPETITOR_LIST = defineList({
  resource: 'opportunity-competitors',
  table: 'tb_oportunidade_concorrente',
  fields: {
    id: { column: 'id', type: 'uuid', nullable: false },
    opportunityId: { column: 'oportunidade_id', type: 'uuid', nullable: false },
    competitorId: { column: 'concorrente_id', type: 'uuid', nullable: false },
    competitorPrice: { column: 'preco_concorrente', type: 'number' },
    winner: { column: 'vencedor', type: 'boolean', nullable: false },
    notes: { column: 'observacoes', type: 'text' },
    createdAt: { column: 'criado_em', type: 'timestamp', nullable: false, sort: true },
    updatedAt: { column: 'atualizado_em', type: 'timestamp', nullable: false },
  },
  computed: {
    competitorName: { sql: competitorField('nome'), description: 'Nome do concorrente.' },
  },
  defaultSort: 'createdAt',
});

export const OPPORTUNITY_COMPETITOR_WRITABLE = ['competitorPrice', 'winner', 'notes'] as const;

/** A deal lists at most this many competitors. */
export const MAX_COMPETITORS = 100;
