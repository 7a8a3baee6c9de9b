import { defineList } from '../shared/list/list-definition';

const productField = (column: string) => (t: string) => `(SELECT p.${column} FROM tb_produto p WHERE p.id = ${t}.produto_id)`;

/** tb_oportunidade_produto: the line items of a deal (read in full with their deal; no versao, no soft delete). */
export const OPPORTUNITY_ITEM_LIST = defineList({
  resource: 'opportunity-items',
  table: 'tb_oportunidade_produto',
  fields: {
    id: { column: 'id', type: 'uuid', nullable: false },
    opportunityId: { column: 'oportunidade_id', type: 'uuid', nullable: false },
    productId: { column: 'produto_id', type: 'uuid', nullable: false },
    description: { column: 'descricao', type: 'text' },
    quantity: { column: 'quantidade', type: 'number', nullable: false },
    unitPrice: { column: 'preco_unitario', type: 'number', nullable: false },
    discountPercent: { column: 'desconto_percentual', type: 'number', nullable: false },
    total: { column: 'valor_total', type: 'number', nullable: false },
    order: { column: 'ordem', type: 'integer', nullable: false, sort: true },
    createdAt: { column: 'criado_em', type: 'timestamp', nullable: false, sort: true },
    updatedAt: { column: 'atualizado_em', type: 'timestamp', nullable: false },
  },
  computed: {
    productName: { sql: productField('nome'), description: 'Nome do produto.' },
    productSku: { sql: productField('codigo'), description: 'SKU do produto.' },
  },
  defaultSort: 'order,createdAt',
});

export const ITEM_WRITABLE = ['description', 'quantity', 'unitPrice', 'discountPercent', 'order'] as const;

/** A deal holds at most this many line items. */
export const MAX_ITEMS = 500;
