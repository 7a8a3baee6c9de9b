import { defineList } from '../shared/list/list-definition';

/** tb_equipe as the API exposes it. Members are the profiles whose equipe_id is the team (they share visibility). */
export const TEAM_LIST = defineList({
  resource: 'teams',
  table: 'tb_equipe',
  fields: {
    id: { column: 'id', type: 'uuid', nullable: false, filter: ['in'], description: 'Id' },
    name: { column: 'nome', type: 'text', nullable: false, sort: true },
    description: { column: 'descricao', type: 'text' },
    managerId: { column: 'gestor_id', type: 'uuid', filter: ['eq', 'in'], description: 'Gestor (id do usuário)' },
    active: { column: 'ativo', type: 'boolean', nullable: false, filter: ['eq'], description: 'Ativa' },
    createdAt: { column: 'criado_em', type: 'timestamp', nullable: false, sort: true, filter: ['range'], description: 'Criada em' },
    updatedAt: { column: 'atualizado_em', type: 'timestamp', nullable: false },
    deletedAt: { column: 'excluido_em', type: 'timestamp' },
  },
  computed: {
    memberIds: {
      description: 'Membros (ids de usuários, por nome), desativados incluídos.',
      sql: (table) => `ARRAY(SELECT u.id FROM tb_usuario u WHERE u.equipe_id = ${table}.id ORDER BY u.nome, u.id)`,
    },
  },
  softDelete: 'excluido_em',
  defaultSort: 'name',
});

export const TEAM_WRITABLE = ['name', 'description', 'managerId', 'active'] as const;
