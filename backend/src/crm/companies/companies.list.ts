import { normalizeCnpj } from '../../common/br';
import { originNameFilter, ownerFilter, tagFilter, tagNames } from '../shared/list/common-filters';
import { defineList } from '../shared/list/list-definition';
import { LIFECYCLE_STAGES } from '../contacts/contacts.list';

export const COMPANY_SIZES = ['mei', 'me', 'epp', 'medio', 'grande'] as const;
export const COMPANY_STATUSES = ['ativo', 'inativo'] as const;
export const UFS = [
  'AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG', 'PA', 'PB', 'PR', 'PE', 'PI', 'RJ', 'RN', 'RS', 'RO',
  'RR', 'SC', 'SP', 'SE', 'TO',
] as const;

// A formatted CNPJ typed in the search box is searched as its 14 characters (how busca holds it).
const CNPJ_LIKE = /^[0-9A-Za-z]{2}[.\/\-0-9A-Za-z]*$/;
const searchTerm = (q: string) => (CNPJ_LIKE.test(q) && /[.\/-]/.test(q) && /\d/.test(q) ? q.replace(/[.\/-]/g, '') : q);

const MAIN_ADDRESS = (table: string) =>
  `(SELECT jsonb_build_object('postalCode', e.cep, 'street', e.logradouro, 'number', e.numero, 'complement', e.complemento,` +
  ` 'district', e.bairro, 'city', e.cidade, 'state', e.uf) FROM tb_endereco e WHERE e.empresa_id = ${table}.id AND e.principal` +
  ` ORDER BY e.criado_em LIMIT 1)`;

/** tb_empresa as the API exposes it. Also drives record reads and writes. */
export const COMPANY_LIST = defineList({
  resource: 'companies',
  table: 'tb_empresa',
  fields: {
    id: { column: 'id', type: 'uuid', nullable: false, filter: ['in'], description: 'Id' },
    legalName: { column: 'razao_social', type: 'text', nullable: false, sort: true },
    tradeName: { column: 'nome_fantasia', type: 'text', sort: true },
    cnpj: { column: 'cnpj', type: 'text', filter: ['eq'], normalize: normalizeCnpj, description: 'CNPJ (com ou sem pontuação)' },
    stateRegistration: { column: 'inscricao_estadual', type: 'text' },
    segment: { column: 'segmento', type: 'text', filter: ['eq', 'in'], description: 'Segmento (ramo de atividade)' },
    size: { column: 'porte', type: 'enum', values: COMPANY_SIZES, filter: ['eq', 'in'], description: 'Porte' },
    lifecycleStage: { column: 'ciclo_vida', type: 'enum', values: LIFECYCLE_STAGES, nullable: false, filter: ['eq', 'in'], description: 'Ciclo de vida' },
    status: { column: 'status', type: 'enum', values: COMPANY_STATUSES, nullable: false, filter: ['eq', 'in'], description: 'Situação' },
    website: { column: 'site', type: 'text' },
    email: { column: 'email', type: 'text' },
    phone: { column: 'telefone', type: 'text' },
    employeeCount: { column: 'numero_funcionarios', type: 'integer', filter: ['range'], description: 'Número de funcionários' },
    annualRevenue: { column: 'receita_anual', type: 'number', filter: ['range'], description: 'Receita anual (BRL)' },
    customerSince: { column: 'cliente_desde', type: 'date', filter: ['range'], description: 'Cliente desde' },
    parentCompanyId: { column: 'empresa_pai_id', type: 'uuid', filter: ['eq'], description: 'Matriz (id)' },
    originId: { column: 'origem_id', type: 'uuid', filter: ['eq', 'in'], description: 'Origem do lead (id)' },
    ownerId: { column: 'owner_id', type: 'uuid', filter: ['eq', 'in'], description: 'Dono (id do usuário)' },
    version: { column: 'versao', type: 'integer', nullable: false },
    createdAt: { column: 'criado_em', type: 'timestamp', nullable: false, sort: true, filter: ['range'], description: 'Criada em' },
    updatedAt: { column: 'atualizado_em', type: 'timestamp', nullable: false, sort: true, filter: ['range'], description: 'Alterada em' },
    deletedAt: { column: 'excluido_em', type: 'timestamp' },
  },
  computed: {
    address: { sql: MAIN_ADDRESS, description: 'Endereço principal.' },
    tags: tagNames('empresa_id'),
  },
  filters: {
    owner: ownerFilter(),
    tag: tagFilter('empresa_id'),
    origin: originNameFilter(),
    city: {
      description: 'Cidade do endereço principal (sem acentos e sem diferenciar maiúsculas); repita para várias.',
      example: 'São Paulo',
      build: (values, { table, bind }) =>
        `EXISTS (SELECT 1 FROM tb_endereco e WHERE e.empresa_id = ${table}.id AND e.principal` +
        ` AND extensions.immutable_unaccent(lower(e.cidade)) = ANY (ARRAY(SELECT extensions.immutable_unaccent(lower(c)) FROM unnest(${bind(values, 'text[]')}) AS c)))`,
    },
    state: {
      description: 'UF do endereço principal; várias separadas por vírgula.',
      example: 'SP,RJ',
      splitCommas: true,
      validate: (values) => (values.every((v) => (UFS as readonly string[]).includes(v.toUpperCase())) ? null : `UFs permitidas: ${UFS.join(', ')}`),
      build: (values, { table, bind }) =>
        `EXISTS (SELECT 1 FROM tb_endereco e WHERE e.empresa_id = ${table}.id AND e.empresa_id IS NOT NULL AND e.principal AND e.uf = ANY (${bind(values.map((v) => v.toUpperCase()), 'bpchar[]')}))`,
    },
  },
  search: {
    column: 'busca',
    description: 'Busca por razão social, nome fantasia ou CNPJ (com ou sem pontuação), sem acentos e sem diferenciar maiúsculas.',
    normalize: searchTerm,
  },
  softDelete: 'excluido_em',
  defaultSort: 'createdAt',
});

export const COMPANY_WRITABLE = [
  'legalName', 'tradeName', 'cnpj', 'stateRegistration', 'segment', 'size', 'lifecycleStage', 'status', 'website', 'email', 'phone',
  'employeeCount', 'annualRevenue', 'customerSince', 'parentCompanyId', 'originId', 'ownerId',
] as const;
export const COMPANY_MERGE_FILLS = [
  'tradeName', 'cnpj', 'stateRegistration', 'segment', 'size', 'website', 'email', 'phone', 'employeeCount', 'annualRevenue',
  'customerSince', 'parentCompanyId', 'originId', 'ownerId',
] as const;
