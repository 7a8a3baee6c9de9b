import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../../common/domain-error';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { AuditService, HistoryItem } from '../audit/audit.service';
import { parseListQuery, RawQuery } from '../shared/list/list-plan';
import { Page } from '../shared/list/list.repository';
import { invalidFields } from '../shared/field-errors';
import { MoreReferencesRepository } from '../shared/more-references.repository';
import { changedFields, sentFields } from '../shared/record-changes';
import { FieldValues } from '../shared/record-sql';
import { expectedVersion, requiredVersion, versionConflict } from '../shared/version';
import { NoteRecord } from './dto/note.dto';
import { CreateNoteDto, UpdateNoteDto } from './dto/note-write.dto';
import { NOTE_LINKS, NOTE_LIST, NOTE_WRITABLE } from './notes.list';
import { NotesRepository } from './notes.repository';

const notFound = (id: string) => new NotFoundError('NOTE_NOT_FOUND', 'Nota não encontrada.', { id });

/** A note belongs somewhere: refused when it would be linked to no contact, company or deal. */
function assertLinked(v: FieldValues): void {
  if (NOTE_LINKS.some((f) => v[f])) return;
  const message = 'a nota precisa de um contato, uma empresa ou uma oportunidade';
  throw invalidFields(`Dados inválidos: ${message}.`, NOTE_LINKS.map((field) => ({ field, message })));
}

/** Notes (Markdown) on contacts, companies and deals: optimistic versions, audit. Visibility is RLS. */
@Injectable()
export class NotesService {
  constructor(
    private readonly notes: NotesRepository,
    private readonly refs: MoreReferencesRepository,
    private readonly audit: AuditService,
    private readonly db: TenantDb,
  ) {}

  list(query: RawQuery): Promise<Page<NoteRecord>> {
    return this.notes.findPage(parseListQuery(NOTE_LIST, query, this.db.scope.userId));
  }

  async get(id: string): Promise<NoteRecord> {
    const row = await this.notes.findById(id);
    if (!row) throw notFound(id);
    return row;
  }

  async create(input: CreateNoteDto): Promise<NoteRecord> {
    const values: FieldValues = { ownerId: this.db.scope.userId, ...sentFields(input, NOTE_WRITABLE) };
    assertLinked(values);
    await this.refs.assertExist({ contactId: input.contactId, companyId: input.companyId, opportunityId: input.opportunityId, ownerId: input.ownerId });
    const row = await this.notes.insert(values);
    await this.audit.created(NOTE_LIST, row.id, sentFields(row, NOTE_WRITABLE));
    return row;
  }

  async update(id: string, input: UpdateNoteDto, ifMatch: string | undefined): Promise<NoteRecord> {
    const version = requiredVersion(ifMatch, input.version);
    const current = await this.notes.findById(id, { forUpdate: true });
    if (!current) throw notFound(id);
    if (current.version !== version) throw versionConflict(current.version);

    const changes = changedFields(current, sentFields(input, NOTE_WRITABLE));
    if (!Object.keys(changes).length) return current;
    assertLinked({ ...current, ...changes });
    await this.refs.assertExist({
      contactId: changes.contactId as string,
      companyId: changes.companyId as string,
      opportunityId: changes.opportunityId as string,
      ownerId: changes.ownerId as string,
    });
    const updated = await this.notes.update(id, version, changes);
    if (!updated) throw versionConflict((await this.notes.findById(id))?.version ?? version);
    await this.audit.changed(NOTE_LIST, id, AuditService.diff(current, updated, NOTE_WRITABLE));
    return updated;
  }

  async remove(id: string, ifMatch: string | undefined): Promise<void> {
    const version = expectedVersion(ifMatch, undefined);
    const deleted = await this.notes.setDeleted(id, true, version);
    if (!deleted) {
      const current = await this.notes.findById(id);
      throw current ? versionConflict(current.version) : notFound(id);
    }
    await this.audit.deleted(NOTE_LIST, id, deleted.deletedAt);
  }

  async restore(id: string): Promise<NoteRecord> {
    const current = await this.notes.findById(id, { includeDeleted: true, forUpdate: true });
    if (!current) throw notFound(id);
    if (!current.deletedAt) throw new ConflictError('NOT_DELETED', 'A nota não está excluída.', { id });
    const restored = (await this.notes.setDeleted(id, false, null))!;
    await this.audit.restored(NOTE_LIST, id, current.deletedAt);
    return restored;
  }

  async history(id: string, query: RawQuery): Promise<Page<HistoryItem>> {
    if (!(await this.notes.findById(id, { includeDeleted: true }))) throw notFound(id);
    return this.audit.history(NOTE_LIST, id, query);
  }
}
