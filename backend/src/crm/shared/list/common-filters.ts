import { ident } from '../../../database/sql';
import { ComputedField, CustomFilter } from './list-definition';

/**
 * Filters and computed fields several resources share. Ownership visibility itself is RLS (0003); these only
 * narrow what the caller already sees.
 */

/** `?owner=me` (the caller's records) or `?owner=none` (the unassigned pool). */
export function ownerFilter(column = 'owner_id'): CustomFilter {
  return {
    description: 'me: registros do usuário da sessão; none: sem dono (o pool não atribuído).',
    example: 'me',
    validate: (values, userId) => {
      if (values.length !== 1 || !['me', 'none'].includes(values[0])) return 'use me ou none';
      if (values[0] === 'me' && !userId) return 'owner=me exige uma sessão de usuário (tokens de API não têm usuário)';
      return null;
    },
    build: ([v], { bind, userId }) => (v === 'none' ? `${ident(column)} IS NULL` : `${ident(column)} = ${bind(userId, 'uuid')}`),
  };
}

/** `?tag=vip` (tag name, any case; repeat for any of several) through tb_tag_registro.<fkColumn>. */
export function tagFilter(fkColumn: string): CustomFilter {
  return {
    description: 'Nome da etiqueta (sem diferenciar maiúsculas); repita o parâmetro para qualquer uma de várias.',
    example: 'vip',
    build: (values, { table, bind }) =>
      `EXISTS (SELECT 1 FROM tb_tag_registro tr JOIN tb_tag tg ON tg.id = tr.tag_id` +
      ` WHERE tr.${ident(fkColumn)} = ${table}.id AND tg.excluido_em IS NULL AND lower(tg.nome) = ANY (${bind(values.map((v) => v.toLowerCase()), 'text[]')}))`,
  };
}

/** `?origin=Indicação`: lead origin by name (any case), for integrators that do not keep origin ids. */
export function originNameFilter(column = 'origem_id'): CustomFilter {
  return {
    description: 'Nome da origem do lead (sem diferenciar maiúsculas); use originId para filtrar por id.',
    example: 'Indicação',
    build: (values, { bind }) =>
      `${ident(column)} IN (SELECT o.id FROM tb_origem_lead o WHERE lower(o.nome) = ANY (${bind(values.map((v) => v.toLowerCase()), 'text[]')}))`,
  };
}

/**
 * Names of the record's live tags, alphabetical. Driven from the record's tb_tag_registro rows (its unique key
 * leads with the record), then one primary-key look-up per tag: cost per row is its own tags, not the tenant's.
 */
export function tagNames(fkColumn: string): ComputedField {
  return {
    description: 'Etiquetas (nomes).',
    sql: (table) =>
      `ARRAY(SELECT t.n FROM (SELECT (SELECT tg.nome FROM tb_tag tg WHERE tg.id = tr.tag_id AND tg.excluido_em IS NULL) AS n` +
      ` FROM tb_tag_registro tr WHERE tr.${ident(fkColumn)} = ${table}.id) AS t WHERE t.n IS NOT NULL ORDER BY lower(t.n), t.n)`,
  };
}
