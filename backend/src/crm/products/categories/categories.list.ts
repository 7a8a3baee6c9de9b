import { ident } from '../../../database/sql';
import { defineList } from '../../shared/list/list-definition';

/** tb_categoria_produto (a tree through parentId) as the API exposes it. No versao: writes are last-wins. */
export const CATEGORY_LIST = defineList({
  resource: 'product-categories',
  table: 'tb_categoria_produto',
  fields: {
    id: { column: 'id', type: 'uuid', nullable: false, filter: ['in'], description: 'Id' },
    name: { column: 'nome', type: 'text', nullable: false, sort: true },
    description: { column: 'descricao', type: 'text' },
    parentId: { column: 'categoria_pai_id', type: 'uuid', filter: ['eq'], description: 'Categoria-mãe (id)' },
    order: { column: 'ordem', type: 'integer', nullable: false, sort: true },
    active: { column: 'ativo', type: 'boolean', nullable: false, filter: ['eq'], description: 'Ativa' },
    createdAt: { column: 'criado_em', type: 'timestamp', nullable: false, sort: true },
    updatedAt: { column: 'atualizado_em', type: 'timestamp', nullable: false },
    deletedAt: { column: 'excluido_em', type: 'timestamp' },
  },
  filters: {
    root: {
      description: 'true: só categorias de primeiro nível (sem categoria-mãe).',
      example: 'true',
      validate: (values) => (values.length === 1 && values[0] === 'true' ? null : 'use true'),
      build: () => `${ident('categoria_pai_id')} IS NULL`,
    },
  },
  softDelete: 'excluido_em',
  defaultSort: 'order,name',
});

export const CATEGORY_WRITABLE = ['name', 'description', 'parentId', 'order', 'active'] as const;
