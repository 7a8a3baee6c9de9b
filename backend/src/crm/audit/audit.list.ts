import { defineList } from '../shared/list/list-definition';

export const AUDIT_ACTIONS = ['criar', 'atualizar', 'excluir', 'restaurar', 'mesclar'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** History of one record (tb_auditoria), scoped by the caller to entidade + registro_id. */
export const AUDIT_LIST = defineList({
  resource: 'history',
  table: 'tb_auditoria',
  fields: {
    id: { column: 'id', type: 'uuid', nullable: false },
    occurredAt: { column: 'ocorrido_em', type: 'timestamp', nullable: false, sort: true, filter: ['range'], description: 'Quando' },
    action: { column: 'acao', type: 'enum', values: AUDIT_ACTIONS, nullable: false, filter: ['eq', 'in'], description: 'Ação' },
    field: { column: 'campo', type: 'text' },
    from: { column: 'valor_anterior', type: 'text' },
    to: { column: 'valor_novo', type: 'text' },
    userId: { column: 'usuario_id', type: 'uuid', filter: ['eq'], description: 'Quem (usuário)' },
    origin: { column: 'origem', type: 'text' },
    requestId: { column: 'requisicao_id', type: 'text' },
  },
  defaultSort: '-occurredAt',
});
