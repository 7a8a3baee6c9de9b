import { ident } from '../../database/sql';
import { defineList } from '../shared/list/list-definition';

/** tb_tag as the API exposes it. Names are unique among live tags, ignoring case (ux_tag_nome). */
export const TAG_LIST = defineList({
  resource: 'tags',
  table: 'tb_tag',
  fields: {
    id: { column: 'id', type: 'uuid', nullable: false, filter: ['in'], description: 'Id' },
    name: { column: 'nome', type: 'text', nullable: false, sort: true },
    color: { column: 'cor', type: 'text' },
    description: { column: 'descricao', type: 'text' },
    createdAt: { column: 'criado_em', type: 'timestamp', nullable: false, sort: true, filter: ['range'], description: 'Criada em' },
    updatedAt: { column: 'atualizado_em', type: 'timestamp', nullable: false, filter: ['range'], description: 'Alterada em' },
    deletedAt: { column: 'excluido_em', type: 'timestamp' },
  },
  computed: {
    // Counted under RLS: a seller counts the tagged records they can see.
    usageCount: {
      description: 'Registros (visíveis) com esta etiqueta.',
      sql: (table) => `(SELECT count(*)::int FROM tb_tag_registro tr WHERE tr.tag_id = ${table}.id)`,
    },
  },
  filters: {
    name: {
      description: 'Nome exato, sem diferenciar maiúsculas.',
      example: 'vip',
      build: ([v], { bind }) => `lower(${ident('nome')}) = lower(${bind(v, 'text')})`,
    },
  },
  softDelete: 'excluido_em',
  defaultSort: 'name',
});

export const TAG_WRITABLE = ['name', 'color', 'description'] as const;
