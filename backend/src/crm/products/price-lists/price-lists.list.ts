import { defineList } from '../../shared/list/list-definition';

/** tb_tabela_preco as the API exposes it. Also drives record reads and writes. */
export const PRICE_LIST_LIST = defineList({
  resource: 'price-lists',
  table: 'tb_tabela_preco',
  fields: {
    id: { column: 'id', type: 'uuid', nullable: false, filter: ['in'], description: 'Id' },
    name: { column: 'nome', type: 'text', nullable: false, sort: true },
    description: { column: 'descricao', type: 'text' },
    currency: { column: 'moeda', type: 'text', pgType: 'bpchar', nullable: false },
    isDefault: { column: 'padrao', type: 'boolean', nullable: false, filter: ['eq'], description: 'Tabela padrão' },
    validFrom: { column: 'vigencia_inicio', type: 'date' },
    validTo: { column: 'vigencia_fim', type: 'date' },
    active: { column: 'ativo', type: 'boolean', nullable: false, filter: ['eq'], description: 'Ativa' },
    version: { column: 'versao', type: 'integer', nullable: false },
    createdAt: { column: 'criado_em', type: 'timestamp', nullable: false, sort: true },
    updatedAt: { column: 'atualizado_em', type: 'timestamp', nullable: false },
    deletedAt: { column: 'excluido_em', type: 'timestamp' },
  },
  softDelete: 'excluido_em',
  defaultSort: 'name',
});

export const PRICE_LIST_WRITABLE = ['name', 'description', 'currency', 'isDefault', 'validFrom', 'validTo', 'active'] as const;

const productField = (column: string) => (t: string) => `(SELECT p.${column} FROM tb_produto p WHERE p.id = ${t}.produto_id)`;

/** tb_tabela_preco_item of one price list (scoped by the caller to tabela_preco_id): prices with volume tiers. */
export const PRICE_LIST_ITEM_LIST = defineList({
  resource: 'price-list-items',
  table: 'tb_tabela_preco_item',
  fields: {
    id: { column: 'id', type: 'uuid', nullable: false },
    priceListId: { column: 'tabela_preco_id', type: 'uuid', nullable: false, select: false },
    productId: { column: 'produto_id', type: 'uuid', nullable: false, filter: ['eq', 'in'], description: 'Produto (id)' },
    price: { column: 'preco', type: 'number', nullable: false },
    minQuantity: { column: 'quantidade_minima', type: 'number', nullable: false },
    maxDiscountPercent: { column: 'desconto_maximo_percentual', type: 'number' },
    createdAt: { column: 'criado_em', type: 'timestamp', nullable: false, sort: true },
    updatedAt: { column: 'atualizado_em', type: 'timestamp', nullable: false },
  },
  computed: {
    productName: { sql: productField('nome'), description: 'Nome do produto.' },
    productSku: { sql: productField('codigo'), description: 'SKU do produto.' },
  },
  defaultSort: 'createdAt',
});

export const PRICE_LIST_ITEM_WRITABLE = ['price', 'minQuantity', 'maxDiscountPercent'] as const;
