import { defineList } from '../../shared/list/list-definition';

/** tb_motivo_perda: a lookup, deactivated rather than deleted (lost deals point at it). No versao. */
export const LOSS_REASON_LIST = defineList({
  resource: 'loss-reasons',
  table: 'tb_motivo_perda',
  fields: {
    id: { column: 'id', type: 'uuid', nullable: false, filter: ['in'], description: 'Id' },
    name: { column: 'nome', type: 'text', nullable: false, sort: true },
    description: { column: 'descricao', type: 'text' },
    order: { column: 'ordem', type: 'integer', nullable: false, sort: true },
    active: { column: 'ativo', type: 'boolean', nullable: false, filter: ['eq'], description: 'Ativo (padrão: todos)' },
    createdAt: { column: 'criado_em', type: 'timestamp', nullable: false, sort: true },
    updatedAt: { column: 'atualizado_em', type: 'timestamp', nullable: false },
  },
  defaultSort: 'order,name',
});

export const LOSS_REASON_WRITABLE = ['name', 'description', 'order', 'active'] as const;
