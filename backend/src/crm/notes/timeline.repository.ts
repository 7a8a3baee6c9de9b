import { Injectable } from '@nestjs/common';
import { ident } from '../../database/sql';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { ACTIVITY_LIST } from '../activities/activities.list';
import { ActivityRecord } from '../activities/dto/activity.dto';
import { NoteRecord } from './dto/note.dto';
import { NOTE_LIST } from './notes.list';

export type TimelineParent = 'contact' | 'company' | 'opportunity';
export type TimelineKind = 'activity' | 'note';

/** The record a timeline belongs to, and the column its activities and notes point at it with. */
export const TIMELINE_PARENTS: Record<TimelineParent, { table: string; fk: string }> = {
  contact: { table: 'tb_contato', fk: 'contato_id' },
  company: { table: 'tb_empresa', fk: 'empresa_id' },
  opportunity: { table: 'tb_oportunidade', fk: 'oportunidade_id' },
};

// Table of each kind, and the kind as a SQL literal (fixed strings, nothing from the request).
const SOURCES: Record<TimelineKind, { table: string; literal: string }> = {
  activity: { table: 'tb_atividade', literal: "'activity'" },
  note: { table: 'tb_nota', literal: "'note'" },
};

export interface TimelineKey {
  kind: TimelineKind;
  id: string;
  /** criado_em as PostgreSQL prints it (microseconds kept): the cursor's position. */
  key: string;
}

/**
 * The timeline of a record: its live activities and notes merged, newest first, keyset-paged on (criado_em, id).
 * Each source is read through its per-record index (ix_atividade_contato, ix_nota_contato…) with its own LIMIT,
 * then merged; RLS decides what the caller sees of each.
 */
@Injectable()
export class TimelineRepository {
  constructor(private readonly db: TenantDb) {}

  async parentExists(parent: TimelineParent, id: string): Promise<boolean> {
    const { table } = TIMELINE_PARENTS[parent];
    return (await this.db.query(`SELECT 1 FROM ${ident(table)} WHERE id = $1::uuid AND excluido_em IS NULL`, [id])).length > 0;
  }

  /** Up to `limit` keys after the cursor position (null = from the newest). */
  async findKeys(parent: TimelineParent, id: string, kinds: TimelineKind[], after: [string, string] | null, limit: number): Promise<TimelineKey[]> {
    const fk = ident(TIMELINE_PARENTS[parent].fk);
    const branches = kinds.map(
      (kind) =>
        `(SELECT ${SOURCES[kind].literal}::text AS kind, s.id, s.criado_em FROM ${ident(SOURCES[kind].table)} s` +
        ` WHERE s.${fk} = $1::uuid AND s.excluido_em IS NULL AND ($2::timestamptz IS NULL OR (s.criado_em, s.id) < ($2::timestamptz, $3::uuid))` +
        ` ORDER BY s.criado_em DESC, s.id DESC LIMIT $4::int4)`,
    );
    return this.db.query<TimelineKey>(
      `SELECT kind, id, criado_em::text AS key FROM (${branches.join(' UNION ALL ')}) t ORDER BY criado_em DESC, id DESC LIMIT $4::int4`,
      [id, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  findActivities(ids: string[]): Promise<ActivityRecord[]> {
    return ids.length ? this.db.query(`SELECT ${ACTIVITY_LIST.selectList()} FROM ${ACTIVITY_LIST.table} WHERE id = ANY ($1::uuid[])`, [ids]) : Promise.resolve([]);
  }

  findNotes(ids: string[]): Promise<NoteRecord[]> {
    return ids.length ? this.db.query(`SELECT ${NOTE_LIST.selectList()} FROM ${NOTE_LIST.table} WHERE id = ANY ($1::uuid[])`, [ids]) : Promise.resolve([]);
  }
}
