import { normalizeCpf, normalizePhoneBR } from '../../common/br';
import { ident } from '../../database/sql';
import { originNameFilter, ownerFilter, tagFilter, tagNames } from '../shared/list/common-filters';
import { defineList } from '../shared/list/list-definition';

export const LIFECYCLE_STAGES = ['lead', 'lead_qualificado', 'oportunidade', 'cliente', 'ex_cliente'] as const;
export const CONTACT_STATUSES = ['ativo', 'inativo', 'desqualificado'] as const;

/** tb_contato as the API exposes it: fields, filters, sorts, search. Also drives record reads and writes. */
export const CONTACT_LIST = defineList({
  resource: 'contacts',
  table: 'tb_contato',
  fields: {
    id: { column: 'id', type: 'uuid', nullable: false, filter: ['in'], description: 'Id' },
    name: { column: 'nome', type: 'text', nullable: false, sort: true },
    email: { column: 'email', type: 'text', filter: ['eq'], normalize: (v) => v.trim().toLowerCase(), description: 'E-mail' },
    phone: { column: 'telefone', type: 'text' },
    mobile: { column: 'celular', type: 'text' },
    cpf: { column: 'cpf', type: 'text', pgType: 'bpchar', filter: ['eq'], normalize: normalizeCpf, description: 'CPF (com ou sem pontuação)' },
    birthDate: { column: 'data_nascimento', type: 'date', filter: ['range'], description: 'Data de nascimento' },
    jobTitle: { column: 'cargo', type: 'text' },
    department: { column: 'departamento', type: 'text' },
    linkedinUrl: { column: 'linkedin_url', type: 'text' },
    companyId: { column: 'empresa_id', type: 'uuid', filter: ['eq', 'in'], description: 'Empresa (id)' },
    originId: { column: 'origem_id', type: 'uuid', filter: ['eq', 'in'], description: 'Origem do lead (id)' },
    lifecycleStage: { column: 'ciclo_vida', type: 'enum', values: LIFECYCLE_STAGES, nullable: false, filter: ['eq', 'in'], description: 'Ciclo de vida' },
    status: { column: 'status', type: 'enum', values: CONTACT_STATUSES, nullable: false, filter: ['eq', 'in'], description: 'Situação' },
    disqualificationReason: { column: 'motivo_desqualificacao', type: 'text' },
    convertedAt: { column: 'convertido_em', type: 'timestamp', filter: ['range'], description: 'Virou cliente em', rangeParams: ['convertedFrom', 'convertedTo'] },
    lastActivityAt: { column: 'ultima_atividade_em', type: 'timestamp', sort: true, filter: ['range'], description: 'Última atividade' },
    ownerId: { column: 'owner_id', type: 'uuid', filter: ['eq', 'in'], description: 'Dono (id do usuário)' },
    version: { column: 'versao', type: 'integer', nullable: false },
    createdAt: { column: 'criado_em', type: 'timestamp', nullable: false, sort: true, filter: ['range'], description: 'Criado em' },
    updatedAt: { column: 'atualizado_em', type: 'timestamp', nullable: false, sort: true, filter: ['range'], description: 'Alterado em' },
    deletedAt: { column: 'excluido_em', type: 'timestamp' },
  },
  computed: { tags: tagNames('contato_id') },
  filters: {
    owner: ownerFilter(),
    tag: tagFilter('contato_id'),
    origin: originNameFilter(),
    phone: {
      description: 'Telefone ou celular (qualquer formato brasileiro; comparado em E.164).',
      example: '(11) 98765-4321',
      validate: (values) => (values.every((v) => normalizePhoneBR(v)) ? null : 'telefone brasileiro inválido'),
      build: (values, { bind }) => {
        const phones = bind(values.map((v) => normalizePhoneBR(v)!), 'text[]');
        return `(${ident('telefone')} = ANY (${phones}) OR ${ident('celular')} = ANY (${phones}))`;
      },
    },
  },
  search: { column: 'busca', description: 'Busca por nome ou e-mail, sem acentos e sem diferenciar maiúsculas (trecho de texto).' },
  softDelete: 'excluido_em',
  defaultSort: 'createdAt',
});

/** Fields a client writes (POST/PATCH) and the merge fills from the source when the target's are empty. */
export const CONTACT_WRITABLE = [
  'name', 'email', 'phone', 'mobile', 'cpf', 'birthDate', 'jobTitle', 'department', 'linkedinUrl', 'companyId', 'originId',
  'lifecycleStage', 'status', 'disqualificationReason', 'ownerId',
] as const;
export const CONTACT_MERGE_FILLS = [
  'email', 'phone', 'mobile', 'cpf', 'birthDate', 'jobTitle', 'department', 'linkedinUrl', 'companyId', 'originId', 'ownerId',
] as const;
