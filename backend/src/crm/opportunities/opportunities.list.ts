import { ownerFilter, tagFilter, tagNames } from '../shared/list/common-filters';
import { defineList } from '../shared/list/list-definition';
import { STAGE_TYPES } from '../pipelines/pipelines.list';

/** Stored status values (tb_oportunidade.status), the same as the stage types they come from. */
export const OPPORTUNITY_STATUSES = STAGE_TYPES;
export const DEAL_TYPES = ['novo_negocio', 'renovacao', 'upsell', 'cross_sell'] as const;

// Names shown on a card without one more request per deal (null when the linked record is not visible).
const nameOf = (table: string, column: string, fk: string) => (t: string) => `(SELECT x.${column} FROM ${table} x WHERE x.id = ${t}.${fk})`;

/** tb_oportunidade as the API exposes it: fields, filters, sorts, search. Also drives record reads and writes. */
export const OPPORTUNITY_LIST = defineList({
  resource: 'opportunities',
  table: 'tb_oportunidade',
  fields: {
    id: { column: 'id', type: 'uuid', nullable: false, filter: ['in'], description: 'Id' },
    title: { column: 'titulo', type: 'text', nullable: false, sort: true },
    description: { column: 'descricao', type: 'text' },
    companyId: { column: 'empresa_id', type: 'uuid', filter: ['eq', 'in'], description: 'Empresa (id)' },
    contactId: { column: 'contato_id', type: 'uuid', filter: ['eq', 'in'], description: 'Contato principal (id)' },
    pipelineId: { column: 'funil_id', type: 'uuid', nullable: false, filter: ['eq', 'in'], description: 'Funil (id)' },
    stageId: { column: 'etapa_id', type: 'uuid', nullable: false, filter: ['eq', 'in'], description: 'Etapa (id)' },
    amount: { column: 'valor', type: 'number', nullable: false, sort: true, filter: ['range'], description: 'Valor' },
    currency: { column: 'moeda', type: 'text', pgType: 'bpchar', nullable: false, filter: ['eq'], normalize: (v) => v.trim().toUpperCase(), description: 'Moeda (ISO 4217)' },
    probability: { column: 'probabilidade', type: 'integer', pgType: 'int2', nullable: false, filter: ['range'], description: 'Probabilidade (%)' },
    weightedAmount: { column: 'valor_ponderado', type: 'number', nullable: false, sort: true, description: 'Valor ponderado' },
    expectedCloseDate: {
      column: 'previsao_fechamento', type: 'date', sort: true, filter: ['range'], rangeParams: ['expectedCloseFrom', 'expectedCloseTo'],
      description: 'Previsão de fechamento',
    },
    status: { column: 'status', type: 'enum', values: OPPORTUNITY_STATUSES, nullable: false, filter: ['eq', 'in'], description: 'Situação (aberto, ganho, perdido)' },
    dealType: { column: 'tipo_negocio', type: 'enum', values: DEAL_TYPES, nullable: false, filter: ['eq', 'in'], description: 'Tipo de negócio' },
    lossReasonId: { column: 'motivo_perda_id', type: 'uuid', filter: ['eq', 'in'], description: 'Motivo de perda (id)' },
    lossNote: { column: 'motivo_perda_detalhe', type: 'text' },
    closedAt: { column: 'fechada_em', type: 'timestamp', sort: true, filter: ['range'], rangeParams: ['closedFrom', 'closedTo'], description: 'Fechada (ganha/perdida) em' },
    stageChangedAt: { column: 'etapa_alterada_em', type: 'timestamp', nullable: false, filter: ['range'], description: 'Entrou na etapa atual em' },
    originId: { column: 'origem_id', type: 'uuid', filter: ['eq', 'in'], description: 'Origem (id)' },
    campaignId: { column: 'campanha_id', type: 'uuid', filter: ['eq'], description: 'Campanha (id)' },
    ownerId: { column: 'owner_id', type: 'uuid', filter: ['eq', 'in'], description: 'Dono (id do usuário)' },
    version: { column: 'versao', type: 'integer', nullable: false },
    createdAt: { column: 'criado_em', type: 'timestamp', nullable: false, sort: true, filter: ['range'], description: 'Criada em' },
    updatedAt: { column: 'atualizado_em', type: 'timestamp', nullable: false, sort: true, filter: ['range'], description: 'Alterada em' },
    deletedAt: { column: 'excluido_em', type: 'timestamp' },
  },
  computed: {
    stageName: { sql: nameOf('tb_etapa', 'nome', 'etapa_id'), description: 'Nome da etapa.' },
    companyName: { sql: nameOf('tb_empresa', 'razao_social', 'empresa_id'), description: 'Razão social da empresa.' },
    contactName: { sql: nameOf('tb_contato', 'nome', 'contato_id'), description: 'Nome do contato.' },
    tags: tagNames('oportunidade_id'),
  },
  filters: { owner: ownerFilter(), tag: tagFilter('oportunidade_id') },
  search: { column: 'busca', description: 'Busca no título, sem acentos e sem diferenciar maiúsculas (trecho de texto).' },
  softDelete: 'excluido_em',
  defaultSort: 'createdAt',
});

/** Fields a client writes with POST/PATCH (stage, status and loss go through the stage rules). */
export const OPPORTUNITY_WRITABLE = [
  'title', 'description', 'companyId', 'contactId', 'amount', 'currency', 'probability', 'expectedCloseDate', 'dealType', 'originId', 'ownerId',
] as const;

/** Everything the audit compares between two versions of a deal. */
export const OPPORTUNITY_AUDITED = [
  ...OPPORTUNITY_WRITABLE, 'pipelineId', 'stageId', 'status', 'lossReasonId', 'lossNote', 'closedAt', 'tags',
] as const;

/** tb_oportunidade_historico of one deal (scoped by the caller to oportunidade_id): every stage or status change. */
export const STAGE_HISTORY_LIST = defineList({
  resource: 'stage-history',
  table: 'tb_oportunidade_historico',
  fields: {
    id: { column: 'id', type: 'uuid', nullable: false },
    changedAt: { column: 'alterado_em', type: 'timestamp', nullable: false, sort: true, filter: ['range'], description: 'Quando' },
    fromStageId: { column: 'etapa_anterior_id', type: 'uuid', description: 'Etapa anterior (null na criação)' },
    toStageId: { column: 'etapa_nova_id', type: 'uuid', filter: ['eq'], description: 'Etapa nova (id)' },
    status: { column: 'status', type: 'enum', values: OPPORTUNITY_STATUSES, nullable: false, filter: ['eq', 'in'], description: 'Situação após a mudança' },
    amount: { column: 'valor', type: 'number' },
    probability: { column: 'probabilidade', type: 'integer', pgType: 'int2' },
    userId: { column: 'usuario_id', type: 'uuid', filter: ['eq'], description: 'Quem mudou (usuário)' },
  },
  computed: {
    fromStageName: { sql: nameOf('tb_etapa', 'nome', 'etapa_anterior_id'), description: 'Nome da etapa anterior.' },
    toStageName: { sql: nameOf('tb_etapa', 'nome', 'etapa_nova_id'), description: 'Nome da etapa nova.' },
  },
  defaultSort: '-changedAt',
});
