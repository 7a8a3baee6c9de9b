import { Injectable } from '@nestjs/common';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { ListPlan } from '../shared/list/list-plan';
import { ListRepository, Page } from '../shared/list/list.repository';
import { SqlQuery } from '../shared/list/list-sql';
import { FieldValues, insertSql, selectByIdSql, setDeletedSql, updateSql } from '../shared/record-sql';
import { queryRows } from '../shared/tenant-sql';
import { NoteRecord } from './dto/note.dto';
import { NOTE_LIST } from './notes.list';

/** SQL of tb_nota, inside the caller's tenant transaction (RLS applies). */
@Injectable()
export class NotesRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly lists: ListRepository,
  ) {}

  findPage(plan: ListPlan): Promise<Page<NoteRecord>> {
    return this.lists.findPage<NoteRecord>(NOTE_LIST, plan);
  }

  findById(id: string, opts: { includeDeleted?: boolean; forUpdate?: boolean } = {}): Promise<NoteRecord | null> {
    return this.one(selectByIdSql(NOTE_LIST, id, opts));
  }

  async insert(values: FieldValues): Promise<NoteRecord> {
    return (await this.one(insertSql(NOTE_LIST, values)))!;
  }

  /** null when no live row has that id at that version (the caller tells 404 from 409). */
  update(id: string, version: number, changes: FieldValues): Promise<NoteRecord | null> {
    return this.one(updateSql(NOTE_LIST, id, version, changes));
  }

  setDeleted(id: string, deleted: boolean, version: number | null): Promise<NoteRecord | null> {
    return this.one(setDeletedSql(NOTE_LIST, id, deleted, version));
  }

  private async one(q: SqlQuery): Promise<NoteRecord | null> {
    return (await queryRows<NoteRecord>(this.db, q))[0] ?? null;
  }
}
