import { Injectable } from '@nestjs/common';
import { ConflictError, DomainError, NotFoundError } from '../../common/domain-error';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { AuditService, HistoryItem } from '../audit/audit.service';
import { isUniqueViolation } from '../shared/db-errors';
import { parseListQuery, RawQuery } from '../shared/list/list-plan';
import { Page } from '../shared/list/list.repository';
import { changedFields, fillsFrom, sameTags, sentFields } from '../shared/record-changes';
import { FieldValues } from '../shared/record-sql';
import { ReferencesRepository } from '../shared/references.repository';
import { expectedVersion, requiredVersion, versionConflict } from '../shared/version';
import { CONTACT_LIST, CONTACT_MERGE_FILLS, CONTACT_WRITABLE } from './contacts.list';
import { ContactsRepository } from './contacts.repository';
import { ContactRecord } from './dto/contact.dto';
import { CreateContactDto, MergeContactDto, UpdateContactDto } from './dto/contact-write.dto';

const AUDITED = [...CONTACT_WRITABLE, 'convertedAt', 'tags'];

const notFound = (id: string) => new NotFoundError('CONTACT_NOT_FOUND', 'Contato não encontrado.', { id });
const duplicate = (field: string, existingId: string | null) =>
  new ConflictError(
    'DUPLICATE_CONTACT',
    existingId ? `Já existe um contato com este ${FIELD_LABEL[field]}.` : `Já existe um contato com este ${FIELD_LABEL[field]} (fora da sua carteira).`,
    { field, existingId },
  );
const FIELD_LABEL: Record<string, string> = { cpf: 'CPF', email: 'e-mail', phone: 'telefone' };

/**
 * Contacts: lifecycle lead → cliente, duplicates by CPF/e-mail/phone, optimistic versions, audit, merge.
 * Visibility is RLS: a record the caller may not see is simply not found.
 */
@Injectable()
export class ContactsService {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly refs: ReferencesRepository,
    private readonly audit: AuditService,
    private readonly db: TenantDb,
  ) {}

  list(query: RawQuery): Promise<Page<ContactRecord>> {
    return this.contacts.findPage(parseListQuery(CONTACT_LIST, query, this.db.scope.userId));
  }

  async get(id: string): Promise<ContactRecord> {
    const row = await this.contacts.findById(id);
    if (!row) throw notFound(id);
    return row;
  }

  /** New contacts belong to whoever creates them unless ownerId says otherwise (API tokens: the pool). */
  async create(input: CreateContactDto): Promise<ContactRecord> {
    const values: FieldValues = { ownerId: this.db.scope.userId, ...sentFields(input, CONTACT_WRITABLE) };
    if (values.lifecycleStage === 'cliente') values.convertedAt = new Date();
    await this.refs.assertExist({ companyId: input.companyId, ownerId: input.ownerId, originId: input.originId });
    await this.assertNotDuplicate(values, null);
    let row = await this.contacts.insert(values).catch((err) => this.rethrowDuplicate(err));
    if (input.tags?.length) {
      await this.contacts.replaceTags(row.id, input.tags);
      row = (await this.contacts.findById(row.id))!;
    }
    await this.audit.created(CONTACT_LIST, row.id, sentFields(row, AUDITED));
    return row;
  }

  async update(id: string, input: UpdateContactDto, ifMatch: string | undefined): Promise<ContactRecord> {
    const version = requiredVersion(ifMatch, input.version);
    const current = await this.contacts.findById(id, { forUpdate: true });
    if (!current) throw notFound(id);
    if (current.version !== version) throw versionConflict(current.version);

    const changes = changedFields(current, sentFields(input, CONTACT_WRITABLE));
    const tagsChanged = input.tags !== undefined && !sameTags(input.tags, current.tags);
    if (!Object.keys(changes).length && !tagsChanged) return current;
    if (changes.lifecycleStage === 'cliente' && !current.convertedAt) changes.convertedAt = new Date();
    await this.refs.assertExist({ companyId: changes.companyId as string, ownerId: changes.ownerId as string, originId: changes.originId as string });
    await this.assertNotDuplicate(changes, id);

    let updated = await this.contacts.update(id, version, changes).catch((err) => this.rethrowDuplicate(err));
    if (!updated) throw versionConflict((await this.contacts.findById(id))?.version ?? version);
    if (tagsChanged) {
      await this.contacts.replaceTags(id, input.tags!);
      updated = (await this.contacts.findById(id))!;
    }
    await this.audit.changed(CONTACT_LIST, id, AuditService.diff(current, updated, AUDITED));
    return updated;
  }

  async remove(id: string, ifMatch: string | undefined): Promise<void> {
    const version = expectedVersion(ifMatch, undefined);
    const deleted = await this.contacts.setDeleted(id, true, version);
    if (!deleted) {
      const current = await this.contacts.findById(id);
      throw current ? versionConflict(current.version) : notFound(id);
    }
    await this.audit.deleted(CONTACT_LIST, id, deleted.deletedAt);
  }

  async restore(id: string): Promise<ContactRecord> {
    const current = await this.contacts.findById(id, { includeDeleted: true, forUpdate: true });
    if (!current) throw notFound(id);
    if (!current.deletedAt) throw new ConflictError('NOT_DELETED', 'O contato não está excluído.', { id });
    // The CPF, e-mail or phone may have been reused by a live contact meanwhile.
    await this.assertNotDuplicate(current, id);
    const restored = (await this.contacts.setDeleted(id, false, null).catch((err) => this.rethrowDuplicate(err)))!;
    await this.audit.restored(CONTACT_LIST, id, current.deletedAt);
    return restored;
  }

  /** Moves the source's links to the target, fills the target's empty fields, deletes the source: one transaction. */
  async merge(targetId: string, input: MergeContactDto, ifMatch: string | undefined): Promise<ContactRecord> {
    if (input.sourceId === targetId) throw new DomainError('MERGE_SAME_RECORD', 'Um contato não pode ser mesclado com ele mesmo.', 400);
    const expected = expectedVersion(ifMatch, input.version);
    // Lock both rows in id order, so two merges of the same pair cannot deadlock.
    const locked = new Map<string, ContactRecord | null>();
    for (const id of [targetId, input.sourceId].sort()) locked.set(id, await this.contacts.findById(id, { forUpdate: true }));
    const target = locked.get(targetId);
    const source = locked.get(input.sourceId);
    if (!target) throw notFound(targetId);
    if (!source) throw notFound(input.sourceId);
    if (expected !== null && target.version !== expected) throw versionConflict(target.version);

    const deletedSource = (await this.contacts.setDeleted(source.id, true, null))!;
    const moved = await this.contacts.moveLinks(source.id, target.id);
    const fills = fillsFrom(target, source, CONTACT_MERGE_FILLS);
    const merged = (await this.contacts.update(target.id, target.version, fills))!;
    await this.audit.merged(CONTACT_LIST, target.id, source.id, moved, AuditService.diff(target, merged, CONTACT_MERGE_FILLS));
    await this.audit.deleted(CONTACT_LIST, source.id, deletedSource.deletedAt);
    return merged;
  }

  /** History of a record the caller can see (deleted ones included); 404 otherwise, so nothing leaks. */
  async history(id: string, query: RawQuery): Promise<Page<HistoryItem>> {
    if (!(await this.contacts.findById(id, { includeDeleted: true }))) throw notFound(id);
    return this.audit.history(CONTACT_LIST, id, query);
  }

  private async assertNotDuplicate(values: Partial<ContactRecord> | FieldValues, excludeId: string | null): Promise<void> {
    const v = values as Partial<ContactRecord>;
    const keys = { cpf: v.cpf ?? null, email: v.email ?? null, phones: [v.phone, v.mobile].filter((p): p is string => !!p) };
    if (!keys.cpf && !keys.email && !keys.phones.length) return;
    const found = await this.contacts.findDuplicate(keys, excludeId);
    if (found) throw duplicate(found.field, found.id);
  }

  // A CPF taken by a contact the caller cannot see surfaces as the unique index; its id is not revealed.
  private rethrowDuplicate(err: unknown): never {
    if (isUniqueViolation(err, 'ux_contato_cpf')) throw duplicate('cpf', null);
    throw err;
  }
}
