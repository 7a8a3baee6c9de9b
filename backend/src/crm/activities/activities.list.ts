import { ident } from '../../database/sql';
import { ownerFilter } from '../shared/list/common-filters';
import { defineList } from '../shared/list/list-definition';

/** Built-in activity types (tb_tipo_atividade.codigo, seeded by 0002); a vertical pack may add more. */
export const BUILT_IN_ACTIVITY_TYPES = ['ligacao', 'email', 'reuniao', 'tarefa', 'visita', 'whatsapp', 'nota'] as const;
export const ACTIVITY_TYPE_CODE = /^[a-z][a-z0-9_]{1,39}$/;
export const ACTIVITY_PRIORITIES = ['baixa', 'normal', 'alta'] as const;
export const ACTIVITY_ORIGINS = ['manual', 'email', 'whatsapp', 'automacao', 'sequencia', 'importacao', 'ia', 'integracao'] as const;
export const PARTICIPANT_RESPONSES = ['pendente', 'aceito', 'recusado', 'talvez'] as const;

// Participants in a canonical order (user, contact, e-mail), so a list sent back unchanged compares equal.
const PARTICIPANTS = (table: string) =>
  `coalesce((SELECT jsonb_agg(jsonb_build_object('userId', p.usuario_id, 'contactId', p.contato_id, 'email', p.email,` +
  ` 'response', p.resposta, 'attended', p.presente) ORDER BY p.usuario_id NULLS LAST, p.contato_id NULLS LAST, p.email COLLATE "C" NULLS LAST)` +
  ` FROM tb_atividade_participante p WHERE p.atividade_id = ${table}.id), '[]'::jsonb)`;

const TRUE_FALSE = (values: string[]) => (values.length === 1 && ['true', 'false'].includes(values[0]) ? null : 'true ou false');

/** tb_atividade as the API exposes it: fields, filters, sorts. Also drives record reads and writes. */
export const ACTIVITY_LIST = defineList({
  resource: 'activities',
  table: 'tb_atividade',
  fields: {
    id: { column: 'id', type: 'uuid', nullable: false, filter: ['in'], description: 'Id' },
    type: { column: 'tipo', type: 'text', nullable: false },
    subject: { column: 'assunto', type: 'text', nullable: false },
    description: { column: 'descricao', type: 'text' },
    startAt: { column: 'inicio', type: 'timestamp', sort: true, filter: ['range'], description: 'Início' },
    endAt: { column: 'fim', type: 'timestamp' },
    allDay: { column: 'dia_inteiro', type: 'boolean', nullable: false },
    dueAt: { column: 'vencimento', type: 'timestamp', sort: true, filter: ['range'], description: 'Vencimento' },
    reminderAt: { column: 'lembrete_em', type: 'timestamp' },
    done: { column: 'concluida', type: 'boolean', nullable: false, filter: ['eq'], description: 'Concluída' },
    doneAt: { column: 'concluida_em', type: 'timestamp', filter: ['range'], description: 'Concluída em' },
    result: { column: 'resultado', type: 'text' },
    priority: { column: 'prioridade', type: 'enum', values: ACTIVITY_PRIORITIES, nullable: false, filter: ['eq', 'in'], description: 'Prioridade' },
    location: { column: 'local', type: 'text' },
    origin: { column: 'origem', type: 'enum', values: ACTIVITY_ORIGINS, nullable: false, filter: ['eq', 'in'], description: 'Origem do registro' },
    contactId: { column: 'contato_id', type: 'uuid', filter: ['eq', 'in'], description: 'Contato (id)' },
    companyId: { column: 'empresa_id', type: 'uuid', filter: ['eq', 'in'], description: 'Empresa (id)' },
    opportunityId: { column: 'oportunidade_id', type: 'uuid', filter: ['eq', 'in'], description: 'Oportunidade (id)' },
    ownerId: { column: 'owner_id', type: 'uuid', filter: ['eq', 'in'], description: 'Dono (id do usuário)' },
    version: { column: 'versao', type: 'integer', nullable: false },
    createdAt: { column: 'criado_em', type: 'timestamp', nullable: false, sort: true, filter: ['range'], description: 'Criada em' },
    updatedAt: { column: 'atualizado_em', type: 'timestamp', nullable: false, filter: ['range'], description: 'Alterada em' },
    deletedAt: { column: 'excluido_em', type: 'timestamp' },
  },
  computed: { participants: { sql: PARTICIPANTS, description: 'Participantes (usuários, contatos ou e-mails).' } },
  filters: {
    owner: ownerFilter(),
    type: {
      description: 'Tipo (código de tb_tipo_atividade: ligacao, email, reuniao, tarefa, visita, whatsapp, nota…); vários separados por vírgula.',
      example: 'ligacao,visita',
      splitCommas: true,
      validate: (values) => (values.every((v) => ACTIVITY_TYPE_CODE.test(v)) ? null : `códigos de tipo, ex. ${BUILT_IN_ACTIVITY_TYPES.join(', ')}`),
      build: (values, { bind }) => (values.length === 1 ? `${ident('tipo')} = ${bind(values[0], 'text')}` : `${ident('tipo')} = ANY (${bind(values, 'text[]')})`),
    },
    overdue: {
      description: 'true: abertas com vencimento já passado; false: as demais (concluídas, sem vencimento ou a vencer).',
      example: 'true',
      validate: TRUE_FALSE,
      build: ([v]) =>
        v === 'true'
          ? `(NOT ${ident('concluida')} AND ${ident('vencimento')} < now())`
          : `(${ident('concluida')} OR ${ident('vencimento')} IS NULL OR ${ident('vencimento')} >= now())`,
    },
  },
  softDelete: 'excluido_em',
  defaultSort: '-createdAt',
});

/** Fields a client writes on create and PATCH (participants and done have their own rules). */
export const ACTIVITY_WRITABLE = [
  'type', 'subject', 'description', 'startAt', 'endAt', 'allDay', 'dueAt', 'reminderAt', 'result', 'priority', 'location',
  'contactId', 'companyId', 'opportunityId', 'ownerId',
] as const;
