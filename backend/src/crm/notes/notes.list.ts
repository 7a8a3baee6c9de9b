import { ownerFilter } from '../shared/list/common-filters';
import { defineList } from '../shared/list/list-definition';

/** tb_nota as the API exposes it. Also drives record reads and writes. */
export const NOTE_LIST = defineList({
  resource: 'notes',
  table: 'tb_nota',
  fields: {
    id: { column: 'id', type: 'uuid', nullable: false, filter: ['in'], description: 'Id' },
    content: { column: 'conteudo', type: 'text', nullable: false },
    pinned: { column: 'fixada', type: 'boolean', nullable: false, filter: ['eq'], description: 'Fixada no topo' },
    contactId: { column: 'contato_id', type: 'uuid', filter: ['eq', 'in'], description: 'Contato (id)' },
    companyId: { column: 'empresa_id', type: 'uuid', filter: ['eq', 'in'], description: 'Empresa (id)' },
    opportunityId: { column: 'oportunidade_id', type: 'uuid', filter: ['eq', 'in'], description: 'Oportunidade (id)' },
    ownerId: { column: 'owner_id', type: 'uuid', filter: ['eq', 'in'], description: 'Dono (id do usuário)' },
    version: { column: 'versao', type: 'integer', nullable: false },
    createdAt: { column: 'criado_em', type: 'timestamp', nullable: false, sort: true, filter: ['range'], description: 'Criada em' },
    updatedAt: { column: 'atualizado_em', type: 'timestamp', nullable: false, filter: ['range'], description: 'Alterada em' },
    deletedAt: { column: 'excluido_em', type: 'timestamp' },
  },
  filters: { owner: ownerFilter() },
  softDelete: 'excluido_em',
  defaultSort: '-createdAt',
});

export const NOTE_WRITABLE = ['content', 'pinned', 'contactId', 'companyId', 'opportunityId', 'ownerId'] as const;
/** A note must stay linked to at least one of these. */
export const NOTE_LINKS = ['contactId', 'companyId', 'opportunityId'] as const;
