import { defineList } from '../shared/list/list-definition';

export const STAGE_TYPES = ['aberto', 'ganho', 'perdido'] as const;
export type StageType = (typeof STAGE_TYPES)[number];

// The live stages of a pipeline, in board order, as the API names them.
const STAGES_OF = (table: string) =>
  `(SELECT coalesce(jsonb_agg(jsonb_build_object('id', e.id, 'name', e.nome, 'order', e.ordem, 'probability', e.probabilidade,` +
  ` 'type', e.tipo, 'color', e.cor, 'stagnationDays', e.dias_estagnacao) ORDER BY e.ordem, e.criado_em, e.id), '[]'::jsonb)` +
  ` FROM tb_etapa e WHERE e.funil_id = ${table}.id AND e.excluido_em IS NULL)`;

/** tb_funil as the API exposes it, with its stages. Also drives record reads and writes. */
export const PIPELINE_LIST = defineList({
  resource: 'pipelines',
  table: 'tb_funil',
  fields: {
    id: { column: 'id', type: 'uuid', nullable: false, filter: ['in'], description: 'Id' },
    name: { column: 'nome', type: 'text', nullable: false, sort: true },
    description: { column: 'descricao', type: 'text' },
    isDefault: { column: 'padrao', type: 'boolean', nullable: false, filter: ['eq'], description: 'Funil padrão' },
    order: { column: 'ordem', type: 'integer', nullable: false, sort: true },
    active: { column: 'ativo', type: 'boolean', nullable: false, filter: ['eq'], description: 'Ativo' },
    version: { column: 'versao', type: 'integer', nullable: false },
    createdAt: { column: 'criado_em', type: 'timestamp', nullable: false, sort: true },
    updatedAt: { column: 'atualizado_em', type: 'timestamp', nullable: false },
    deletedAt: { column: 'excluido_em', type: 'timestamp' },
  },
  computed: { stages: { sql: STAGES_OF, description: 'Etapas, na ordem do quadro.' } },
  softDelete: 'excluido_em',
  defaultSort: 'order,name',
});

export const PIPELINE_WRITABLE = ['name', 'description', 'isDefault', 'order', 'active'] as const;

/** tb_etapa: record reads and writes of one stage (stages are listed inside their pipeline). */
export const STAGE_LIST = defineList({
  resource: 'stages',
  table: 'tb_etapa',
  fields: {
    id: { column: 'id', type: 'uuid', nullable: false },
    pipelineId: { column: 'funil_id', type: 'uuid', nullable: false },
    name: { column: 'nome', type: 'text', nullable: false },
    order: { column: 'ordem', type: 'integer', nullable: false, sort: true },
    probability: { column: 'probabilidade', type: 'integer', pgType: 'int2', nullable: false },
    type: { column: 'tipo', type: 'enum', values: STAGE_TYPES, nullable: false },
    color: { column: 'cor', type: 'text' },
    stagnationDays: { column: 'dias_estagnacao', type: 'integer' },
    createdAt: { column: 'criado_em', type: 'timestamp', nullable: false },
    updatedAt: { column: 'atualizado_em', type: 'timestamp', nullable: false },
    deletedAt: { column: 'excluido_em', type: 'timestamp' },
  },
  softDelete: 'excluido_em',
  defaultSort: 'order',
});

export const STAGE_WRITABLE = ['name', 'probability', 'type', 'color', 'stagnationDays'] as const;

/** The stages a pipeline gets when it is created without any (the tenant's default pipeline has the same). */
export const DEFAULT_STAGES: { name: string; probability: number; type: StageType; color: string }[] = [
  { name: 'Prospecção', probability: 10, type: 'aberto', color: '#90CAF9' },
  { name: 'Qualificação', probability: 25, type: 'aberto', color: '#64B5F6' },
  { name: 'Proposta', probability: 50, type: 'aberto', color: '#42A5F5' },
  { name: 'Negociação', probability: 75, type: 'aberto', color: '#1E88E5' },
  { name: 'Ganho', probability: 100, type: 'ganho', color: '#43A047' },
  { name: 'Perdido', probability: 0, type: 'perdido', color: '#E53935' },
];
