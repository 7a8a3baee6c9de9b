import { defineList } from '../shared/list/list-definition';

export const PRODUCT_TYPES = ['produto', 'servico', 'assinatura'] as const;
export const RECURRENCES = ['mensal', 'trimestral', 'semestral', 'anual'] as const;

/** tb_produto as the API exposes it: fields, filters, sorts, search. Also drives record reads and writes. */
export const PRODUCT_LIST = defineList({
  resource: 'products',
  table: 'tb_produto',
  fields: {
    id: { column: 'id', type: 'uuid', nullable: false, filter: ['in'], description: 'Id' },
    sku: { column: 'codigo', type: 'text', sort: true, filter: ['eq'], normalize: (v) => v.trim(), description: 'SKU (código)' },
    name: { column: 'nome', type: 'text', nullable: false, sort: true },
    description: { column: 'descricao', type: 'text' },
    type: { column: 'tipo', type: 'enum', values: PRODUCT_TYPES, nullable: false, filter: ['eq', 'in'], description: 'Tipo' },
    categoryId: { column: 'categoria_id', type: 'uuid', filter: ['eq', 'in'], description: 'Categoria (id)' },
    unit: { column: 'unidade', type: 'text', nullable: false },
    gtin: { column: 'gtin', type: 'text', pgType: 'varchar', filter: ['eq'], description: 'GTIN/EAN' },
    ncm: { column: 'ncm', type: 'text', pgType: 'bpchar', filter: ['eq'], description: 'NCM' },
    price: { column: 'preco', type: 'number', sort: true, filter: ['range'], description: 'Preço de lista' },
    cost: { column: 'custo', type: 'number' },
    currency: { column: 'moeda', type: 'text', pgType: 'bpchar', nullable: false },
    recurrence: { column: 'recorrencia', type: 'enum', values: RECURRENCES, filter: ['eq'], description: 'Recorrência (assinaturas)' },
    active: { column: 'ativo', type: 'boolean', nullable: false, filter: ['eq'], description: 'Ativo' },
    version: { column: 'versao', type: 'integer', nullable: false },
    createdAt: { column: 'criado_em', type: 'timestamp', nullable: false, sort: true, filter: ['range'], description: 'Criado em' },
    updatedAt: { column: 'atualizado_em', type: 'timestamp', nullable: false, sort: true, filter: ['range'], description: 'Alterado em' },
    deletedAt: { column: 'excluido_em', type: 'timestamp' },
  },
  computed: {
    categoryName: { sql: (t) => `(SELECT c.nome FROM tb_categoria_produto c WHERE c.id = ${t}.categoria_id)`, description: 'Nome da categoria.' },
  },
  search: { column: 'busca', description: 'Busca por nome, SKU ou GTIN, sem acentos e sem diferenciar maiúsculas (trecho de texto).' },
  softDelete: 'excluido_em',
  defaultSort: 'name',
});

export const PRODUCT_WRITABLE = [
  'sku', 'name', 'description', 'type', 'categoryId', 'unit', 'gtin', 'ncm', 'price', 'cost', 'currency', 'recurrence', 'active',
] as const;
