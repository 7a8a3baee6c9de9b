import { Injectable } from '@nestjs/common';
import { ident } from '../../database/sql';
import { TenantDb } from '../../tenancy/tenant-transaction';

/** Tags of a contact, company or deal (tb_tag_registro.<fkColumn>), by name; unknown names become new tags. */
@Injectable()
export class RecordTagsRepository {
  constructor(private readonly db: TenantDb) {}

  /** Replaces the record's tags with these names (case-insensitive, existing spelling kept). */
  async replace(fkColumn: 'contato_id' | 'empresa_id' | 'oportunidade_id', recordId: string, names: string[]): Promise<void> {
    const fk = ident(fkColumn);
    await this.db.query(
      `INSERT INTO tb_tag (nome) SELECT DISTINCT ON (lower(n)) n FROM unnest($1::text[]) AS n
        WHERE NOT EXISTS (SELECT 1 FROM tb_tag t WHERE lower(t.nome) = lower(n) AND t.excluido_em IS NULL)
       ON CONFLICT DO NOTHING`,
      [names],
    );
    await this.db.query(
      `DELETE FROM tb_tag_registro tr USING tb_tag t
        WHERE t.id = tr.tag_id AND tr.${fk} = $1::uuid AND NOT (lower(t.nome) = ANY ($2::text[]))`,
      [recordId, names.map((n) => n.toLowerCase())],
    );
    await this.db.query(
      `INSERT INTO tb_tag_registro (tag_id, ${fk})
       SELECT t.id, $1::uuid FROM tb_tag t WHERE t.excluido_em IS NULL AND lower(t.nome) = ANY ($2::text[])
       ON CONFLICT DO NOTHING`,
      [recordId, names.map((n) => n.toLowerCase())],
    );
  }
}
