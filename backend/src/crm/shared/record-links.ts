import { ident } from '../../database/sql';
import { SqlQuery } from './list/list-sql';

/** A table whose rows point at a record (tb_atividade.contato_id → tb_contato): what a merge moves. */
export interface RecordLink {
  /** Key of the count in the merge result ('activities'). */
  name: string;
  table: string;
  column: string;
  /** The linked table has versao/atualizado_em: moving a row is a change to it. */
  versioned?: boolean;
  /** Extra assignment, e.g. demoting a moved main address when the target has one. `$2` is the target id. */
  extraSet?: string;
  /** Extra condition, e.g. not re-pointing the target at itself. `$2` is the target id. */
  extraWhere?: string;
}

/**
 * One statement that re-points every link from the source record ($1) to the target ($2) and returns how many
 * rows each link moved. Tags move without duplicates (the unique key of tb_tag_registro).
 */
export function moveLinksSql(links: RecordLink[], tagColumn: string | null, sourceId: string, targetId: string): SqlQuery {
  const ctes = links.map((l, i) => {
    const sets = [`${ident(l.column)} = $2::uuid`, ...(l.versioned ? ['versao = versao + 1'] : []), 'atualizado_em = now()', ...(l.extraSet ? [l.extraSet] : [])];
    return `m${i} AS (UPDATE ${ident(l.table)} SET ${sets.join(', ')} WHERE ${ident(l.column)} = $1::uuid${l.extraWhere ? ` AND ${l.extraWhere}` : ''} RETURNING 1)`;
  });
  const counts = links.map((l, i) => `(SELECT count(*) FROM m${i})::int AS ${ident(l.name)}`);
  if (tagColumn) {
    const fk = ident(tagColumn);
    ctes.push(
      `tags_copied AS (INSERT INTO tb_tag_registro (tag_id, ${fk}) SELECT tag_id, $2::uuid FROM tb_tag_registro WHERE ${fk} = $1::uuid ON CONFLICT DO NOTHING RETURNING 1)`,
      `tags_moved AS (DELETE FROM tb_tag_registro WHERE ${fk} = $1::uuid RETURNING 1)`,
    );
    counts.push(`(SELECT count(*) FROM tags_moved)::int AS tags`, `(SELECT count(*) FROM tags_copied)::int AS "tagsAdded"`);
  }
  return { text: `WITH ${ctes.join(',\n')}\nSELECT ${counts.join(', ')}`, values: [sourceId, targetId] };
}
