import { TENANT_ROLES } from '../../auth/principal';
import { defineList } from '../shared/list/list-definition';

export const LANGUAGES = ['pt-BR', 'en'] as const;

/** tb_usuario (the tenant-local profile of each member) as the API exposes it. */
export const USER_LIST = defineList({
  resource: 'users',
  table: 'tb_usuario',
  fields: {
    id: { column: 'id', type: 'uuid', nullable: false, filter: ['in'], description: 'Id (o mesmo da conta na plataforma)' },
    name: { column: 'nome', type: 'text', nullable: false, sort: true },
    email: { column: 'email', type: 'text', nullable: false, sort: true, filter: ['eq'], normalize: (v) => v.trim().toLowerCase(), description: 'E-mail' },
    role: { column: 'papel', type: 'enum', values: TENANT_ROLES, nullable: false, filter: ['eq', 'in'], description: 'Papel no tenant' },
    teamId: { column: 'equipe_id', type: 'uuid', filter: ['eq', 'in'], description: 'Equipe (id)' },
    jobTitle: { column: 'cargo', type: 'text' },
    phone: { column: 'telefone', type: 'text' },
    timeZone: { column: 'fuso_horario', type: 'text' },
    language: { column: 'idioma', type: 'enum', values: LANGUAGES, nullable: false },
    active: { column: 'ativo', type: 'boolean', nullable: false, filter: ['eq'], description: 'Ativo (desativados não entram)' },
    createdAt: { column: 'criado_em', type: 'timestamp', nullable: false, sort: true, filter: ['range'], description: 'Criado em' },
    updatedAt: { column: 'atualizado_em', type: 'timestamp', nullable: false },
  },
  defaultSort: 'name',
});

/** What a tenant admin edits on a profile (role also changes the membership). */
export const USER_WRITABLE = ['name', 'role', 'teamId', 'jobTitle', 'phone', 'timeZone', 'language'] as const;
export const USER_AUDITED = [...USER_WRITABLE, 'email', 'active'] as const;
