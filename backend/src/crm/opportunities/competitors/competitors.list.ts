import { defineList } from '../../shared/list/list-definition';

/**
 * tb_concorrente: the competitors a tenant meets in its deals. A lookup edited by catalog roles: no versao
 * (last write wins), soft delete (deals keep their links to a deleted competitor).
 */
export const COMPETITOR_LIST = defineList({
  resource: 'competitors',
  table: 'tb_concorrente',
  fields: {
    id: { column: 'id', type: 'uuid', nullable: false, filter: ['in'], description: 'Id' },
    name: { column: 'nome', type: 'text', nullable: false, sort: true },
    website: { column: 'site', type: 'text' },
    strengths: { column: 'pontos_fortes', type: 'text' },
    weaknesses: { column: 'pontos_fracos', type: 'text' },
    active: { column: 'ativo', type: 'boolean', nullable: false, filter: ['eq'], description: 'Ativo (padrão: todos)' },
    createdAt: { column: 'criado_em', type: 'timestamp', nullable: false, sort: true },
    updatedAt: { column: 'atualizado_em', type: 'timestamp', nullable: false },
    deletedAt: { column: 'excluido_em', type: 'timestamp' },
  },
  search: { column: 'busca', description: 'Busca pelo nome, sem acentos e sem diferenciar maiúsculas (trecho de texto).' },
  softDelete: 'excluido_em',
  defaultSort: 'name',
});

export const COMPETITOR_WRITABLE = ['name', 'website', 'strengths', 'weaknesses', 'active'] as const;
