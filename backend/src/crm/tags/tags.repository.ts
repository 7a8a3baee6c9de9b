import { Injectable } from '@nestjs/common';
import { ident } from '../../database/sql';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { tagNames } from '../shared/list/common-filters';
import { ListPlan } from '../shared/list/list-plan';
import { ListRepository, Page } from '../shared/list/list.repository';
import { SqlQuery } from '../shared/list/list-sql';
import { setDeletedPlainSql, updatePlainSql } from '../shared/plain-record-sql';
import { FieldValues, insertSql, selectByIdSql } from '../shared/record-sql';
import { queryRows } from '../shared/tenant-sql';
import { Taggable, TagRecord } from './dto/tag.dto';
import { TAG_LIST } from './tags.list';

/** Where each taggable record lives and which tb_tag_registro column points at it. */
export const TAG_TARGETS: Record<Taggable, { table: string; fk: 'contato_id' | 'empresa_id' | 'oportunidade_id' }> = {
  contact: { table: 'tb_contato', fk: 'contato_id' },
  company: { table: 'tb_empresa', fk: 'empresa_id' },
  opportunity: { table: 'tb_oportunidade', fk: 'oportunidade_id' },
};

/** SQL of tb_tag and of tagging one record (tb_tag_registro), inside the caller's tenant transaction. */
@Injectable()
export class TagsRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly lists: ListRepository,
  ) {}

  findPage(plan: ListPlan): Promise<Page<TagRecord>> {
    return this.lists.findPage<TagRecord>(TAG_LIST, plan);
  }

  findById(id: string, opts: { includeDeleted?: boolean; forUpdate?: boolean } = {}): Promise<TagRecord | null> {
    return this.one(selectByIdSql(TAG_LIST, id, opts));
  }

  async insert(values: FieldValues): Promise<TagRecord> {
    return (await this.one(insertSql(TAG_LIST, values)))!;
  }

  update(id: string, changes: FieldValues): Promise<TagRecord | null> {
    return this.one(updatePlainSql(TAG_LIST, id, changes));
  }

  setDeleted(id: string, deleted: boolean): Promise<TagRecord | null> {
    return this.one(setDeletedPlainSql(TAG_LIST, id, deleted));
  }

  /** A live tag (other than excludeId) with this name, ignoring case. */
  async findLiveByName(name: string, excludeId: string | null): Promise<{ id: string } | null> {
    const rows = await this.db.query<{ id: string }>(
      'SELECT id FROM tb_tag WHERE lower(nome) = lower($1::text) AND excluido_em IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid) LIMIT 1',
      [name, excludeId],
    );
    return rows[0] ?? null;
  }

  /** The record's version and tag names, locked; null when it is not visible or not live. */
  async lockTarget(type: Taggable, id: string): Promise<{ version: number; tags: string[] } | null> {
    const { table, fk } = TAG_TARGETS[type];
    const rows = await this.db.query<{ version: number; tags: string[] }>(
      `SELECT versao AS version, ${tagNames(fk).sql(ident(table))} AS tags FROM ${ident(table)} WHERE id = $1::uuid AND excluido_em IS NULL FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** true when the tag was not on the record yet. */
  async attach(tagId: string, type: Taggable, id: string): Promise<boolean> {
    const fk = ident(TAG_TARGETS[type].fk);
    const rows = await queryRows(this.db, {
      text: `INSERT INTO tb_tag_registro (tag_id, ${fk}) VALUES ($1::uuid, $2::uuid) ON CONFLICT DO NOTHING RETURNING 1`,
      values: [tagId, id],
    });
    return rows.length > 0;
  }

  /** true when the tag was on the record. */
  async detach(tagId: string, type: Taggable, id: string): Promise<boolean> {
    const fk = ident(TAG_TARGETS[type].fk);
    const rows = await queryRows(this.db, { text: `DELETE FROM tb_tag_registro WHERE tag_id = $1::uuid AND ${fk} = $2::uuid RETURNING 1`, values: [tagId, id] });
    return rows.length > 0;
  }

  /** Tagging is a change of the record: new version, new atualizado_em; returns both with the tags now. */
  async bumpTarget(type: Taggable, id: string): Promise<{ version: number; tags: string[] }> {
    const { table, fk } = TAG_TARGETS[type];
    const rows = await queryRows<{ version: number; tags: string[] }>(this.db, {
      text: `UPDATE ${ident(table)} SET versao = versao + 1, atualizado_em = now() WHERE id = $1::uuid RETURNING versao AS version, ${tagNames(fk).sql(ident(table))} AS tags`,
      values: [id],
    });
    return rows[0];
  }

  private async one(q: SqlQuery): Promise<TagRecord | null> {
    return (await queryRows<TagRecord>(this.db, q))[0] ?? null;
  }
}
