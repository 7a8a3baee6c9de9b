import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../../common/domain-error';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { AuditService, HistoryItem } from '../audit/audit.service';
import { COMPANY_LIST } from '../companies/companies.list';
import { CONTACT_LIST } from '../contacts/contacts.list';
import { OPPORTUNITY_LIST } from '../opportunities/opportunities.list';
import { isUniqueViolation } from '../shared/db-errors';
import { invalidFields } from '../shared/field-errors';
import { ListSpec } from '../shared/list/list-definition';
import { parseListQuery, RawQuery } from '../shared/list/list-plan';
import { Page } from '../shared/list/list.repository';
import { changedFields, sentFields } from '../shared/record-changes';
import { Taggable, TaggedRecordDto, TagRecord } from './dto/tag.dto';
import { CreateTagDto, TagTargetDto, UpdateTagDto } from './dto/tag-write.dto';
import { TAG_LIST, TAG_WRITABLE } from './tags.list';
import { TagsRepository } from './tags.repository';

const notFound = (id: string) => new NotFoundError('TAG_NOT_FOUND', 'Etiqueta não encontrada.', { id });
const duplicate = (existingId: string | null) =>
  new ConflictError('DUPLICATE_TAG', 'Já existe uma etiqueta com este nome.', { field: 'name', existingId });

// The record a tag goes on, its list (audit names its table and fields) and its 404.
const TARGETS: Record<Taggable, { field: keyof TagTargetDto; spec: ListSpec; notFound: [string, string] }> = {
  contact: { field: 'contactId', spec: CONTACT_LIST, notFound: ['CONTACT_NOT_FOUND', 'Contato não encontrado.'] },
  company: { field: 'companyId', spec: COMPANY_LIST, notFound: ['COMPANY_NOT_FOUND', 'Empresa não encontrada.'] },
  opportunity: { field: 'opportunityId', spec: OPPORTUNITY_LIST, notFound: ['OPPORTUNITY_NOT_FOUND', 'Oportunidade não encontrada.'] },
};

/**
 * Tags of the tenant (unique names, case-insensitive) and tagging one record at a time. Tagging changes the
 * record (new version, audited on the record as its `tags` field), as replacing tags through its PATCH does.
 */
@Injectable()
export class TagsService {
  constructor(
    private readonly tags: TagsRepository,
    private readonly audit: AuditService,
    private readonly db: TenantDb,
  ) {}

  list(query: RawQuery): Promise<Page<TagRecord>> {
    return this.tags.findPage(parseListQuery(TAG_LIST, query, this.db.scope.userId));
  }

  async get(id: string): Promise<TagRecord> {
    const row = await this.tags.findById(id);
    if (!row) throw notFound(id);
    return row;
  }

  async create(input: CreateTagDto): Promise<TagRecord> {
    await this.assertNameFree(input.name, null);
    const row = await this.tags.insert(sentFields(input, TAG_WRITABLE)).catch(rethrowDuplicate);
    await this.audit.created(TAG_LIST, row.id, sentFields(row, TAG_WRITABLE));
    return row;
  }

  async update(id: string, input: UpdateTagDto): Promise<TagRecord> {
    const current = await this.tags.findById(id, { forUpdate: true });
    if (!current) throw notFound(id);
    const changes = changedFields(current, sentFields(input, TAG_WRITABLE));
    if (!Object.keys(changes).length) return current;
    if (changes.name !== undefined) await this.assertNameFree(changes.name as string, id);
    const updated = (await this.tags.update(id, changes).catch(rethrowDuplicate))!;
    await this.audit.changed(TAG_LIST, id, AuditService.diff(current, updated, TAG_WRITABLE));
    return updated;
  }

  /** Soft delete: the tag disappears from every record and comes back with them on restore. */
  async remove(id: string): Promise<void> {
    const deleted = await this.tags.setDeleted(id, true);
    if (!deleted) throw notFound(id);
    await this.audit.deleted(TAG_LIST, id, deleted.deletedAt);
  }

  async restore(id: string): Promise<TagRecord> {
    const current = await this.tags.findById(id, { includeDeleted: true, forUpdate: true });
    if (!current) throw notFound(id);
    if (!current.deletedAt) throw new ConflictError('NOT_DELETED', 'A etiqueta não está excluída.', { id });
    // The name may have been taken by another tag meanwhile.
    await this.assertNameFree(current.name, id);
    const restored = (await this.tags.setDeleted(id, false).catch(rethrowDuplicate))!;
    await this.audit.restored(TAG_LIST, id, current.deletedAt);
    return restored;
  }

  async history(id: string, query: RawQuery): Promise<Page<HistoryItem>> {
    if (!(await this.tags.findById(id, { includeDeleted: true }))) throw notFound(id);
    return this.audit.history(TAG_LIST, id, query);
  }

  attach(tagId: string, target: TagTargetDto): Promise<TaggedRecordDto> {
    return this.retag(tagId, target, (type, id) => this.tags.attach(tagId, type, id));
  }

  detach(tagId: string, target: TagTargetDto): Promise<TaggedRecordDto> {
    return this.retag(tagId, target, (type, id) => this.tags.detach(tagId, type, id));
  }

  private async retag(tagId: string, target: TagTargetDto, change: (type: Taggable, id: string) => Promise<boolean>): Promise<TaggedRecordDto> {
    const [type, recordId] = targetOf(target);
    if (!(await this.tags.findById(tagId))) throw notFound(tagId);
    // Under RLS: a record the caller cannot see is not found, and cannot be tagged.
    const before = await this.tags.lockTarget(type, recordId);
    if (!before) throw new NotFoundError(TARGETS[type].notFound[0], TARGETS[type].notFound[1], { id: recordId });
    if (!(await change(type, recordId))) return { recordType: type, recordId, ...before };
    const after = await this.tags.bumpTarget(type, recordId);
    await this.audit.changed(TARGETS[type].spec, recordId, [{ field: 'tags', from: before.tags, to: after.tags }]);
    return { recordType: type, recordId, ...after };
  }

  private async assertNameFree(name: string, excludeId: string | null): Promise<void> {
    const found = await this.tags.findLiveByName(name, excludeId);
    if (found) throw duplicate(found.id);
  }
}

function targetOf(target: TagTargetDto): [Taggable, string] {
  const given = (Object.keys(TARGETS) as Taggable[]).filter((t) => target[TARGETS[t].field] !== undefined);
  if (given.length !== 1) {
    const message = 'informe exatamente um de contactId, companyId ou opportunityId';
    throw invalidFields(`Dados inválidos: ${message}.`, Object.values(TARGETS).map((t) => ({ field: t.field, message })));
  }
  return [given[0], target[TARGETS[given[0]].field]!];
}

// Two concurrent creations of the same name: the loser meets the unique index.
function rethrowDuplicate(err: unknown): never {
  if (isUniqueViolation(err, 'ux_tag_nome')) throw duplicate(null);
  throw err;
}
