import { Injectable } from '@nestjs/common';
import { DEFAULT_TIME_ZONE } from '../../common/br';
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
import { COMPANY_LIST, COMPANY_MERGE_FILLS, COMPANY_WRITABLE } from './companies.list';
import { CompaniesRepository } from './companies.repository';
import { AddressRecord, CompanyRecord } from './dto/company.dto';
import { AddressInputDto, CreateCompanyDto, MergeCompanyDto, UpdateCompanyDto } from './dto/company-write.dto';

const AUDITED = [...COMPANY_WRITABLE, 'address', 'tags'];
const ADDRESS_PARTS: (keyof AddressRecord)[] = ['postalCode', 'street', 'number', 'complement', 'district', 'city', 'state'];

const notFound = (id: string) => new NotFoundError('COMPANY_NOT_FOUND', 'Empresa não encontrada.', { id });
const duplicate = (existingId: string | null) =>
  new ConflictError('DUPLICATE_COMPANY', existingId ? 'Já existe uma empresa com este CNPJ.' : 'Já existe uma empresa com este CNPJ (fora da sua carteira).', {
    field: 'cnpj',
    existingId,
  });

/** The main address in a fixed shape; null when it has no part at all. */
function addressOf(parts: Partial<AddressRecord> | null | undefined): AddressRecord | null {
  if (!parts) return null;
  const a = Object.fromEntries(ADDRESS_PARTS.map((k) => [k, parts[k] ?? null])) as unknown as AddressRecord;
  return ADDRESS_PARTS.some((k) => a[k] !== null) ? a : null;
}

/** On PATCH, the parts sent replace the current ones; address: null removes it. */
function patchedAddress(current: AddressRecord | null, sent: AddressInputDto | null): AddressRecord | null {
  if (sent === null) return null;
  const defined = Object.fromEntries(Object.entries(sent).filter(([, v]) => v !== undefined));
  return addressOf({ ...(current ?? {}), ...defined });
}

/** Companies (accounts): CNPJ duplicates, main address, optimistic versions, audit, merge. Visibility is RLS. */
@Injectable()
export class CompaniesService {
  constructor(
    private readonly companies: CompaniesRepository,
    private readonly refs: ReferencesRepository,
    private readonly audit: AuditService,
    private readonly db: TenantDb,
  ) {}

  list(query: RawQuery): Promise<Page<CompanyRecord>> {
    return this.companies.findPage(parseListQuery(COMPANY_LIST, query, this.db.scope.userId));
  }

  async get(id: string): Promise<CompanyRecord> {
    const row = await this.companies.findById(id);
    if (!row) throw notFound(id);
    return row;
  }

  async create(input: CreateCompanyDto): Promise<CompanyRecord> {
    const values: FieldValues = { ownerId: this.db.scope.userId, ...sentFields(input, COMPANY_WRITABLE) };
    if (values.lifecycleStage === 'cliente' && values.customerSince === undefined) values.customerSince = today();
    await this.refs.assertExist({ parentCompanyId: input.parentCompanyId, ownerId: input.ownerId, originId: input.originId });
    await this.assertCnpjFree(input.cnpj, null);
    let row = await this.companies.insert(values).catch(rethrowDuplicate);
    const address = addressOf(input.address);
    if (address || input.tags?.length) {
      if (address) await this.companies.writeMainAddress(row.id, address);
      if (input.tags?.length) await this.companies.replaceTags(row.id, input.tags);
      row = (await this.companies.findById(row.id))!;
    }
    await this.audit.created(COMPANY_LIST, row.id, sentFields(row, AUDITED));
    return row;
  }

  async update(id: string, input: UpdateCompanyDto, ifMatch: string | undefined): Promise<CompanyRecord> {
    const version = requiredVersion(ifMatch, input.version);
    const current = await this.companies.findById(id, { forUpdate: true });
    if (!current) throw notFound(id);
    if (current.version !== version) throw versionConflict(current.version);

    const changes = changedFields(current, sentFields(input, COMPANY_WRITABLE));
    const address = input.address === undefined ? undefined : patchedAddress(current.address, input.address);
    const addressChanged = address !== undefined && JSON.stringify(address) !== JSON.stringify(addressOf(current.address));
    const tagsChanged = input.tags !== undefined && !sameTags(input.tags, current.tags);
    if (!Object.keys(changes).length && !addressChanged && !tagsChanged) return current;
    if (changes.parentCompanyId === id) {
      throw new DomainError('INVALID_REFERENCE', 'Referência inválida.', 400, { fields: [{ field: 'parentCompanyId', message: 'uma empresa não é matriz de si mesma' }] });
    }
    if (changes.lifecycleStage === 'cliente' && !current.customerSince && changes.customerSince === undefined) changes.customerSince = today();
    await this.refs.assertExist({ parentCompanyId: changes.parentCompanyId as string, ownerId: changes.ownerId as string, originId: changes.originId as string });
    await this.assertCnpjFree(changes.cnpj as string | undefined, id);

    let updated = await this.companies.update(id, version, changes).catch(rethrowDuplicate);
    if (!updated) throw versionConflict((await this.companies.findById(id))?.version ?? version);
    if (addressChanged || tagsChanged) {
      if (addressChanged) await this.companies.writeMainAddress(id, address!);
      if (tagsChanged) await this.companies.replaceTags(id, input.tags!);
      updated = (await this.companies.findById(id))!;
    }
    await this.audit.changed(COMPANY_LIST, id, AuditService.diff(current, updated, AUDITED));
    return updated;
  }

  async remove(id: string, ifMatch: string | undefined): Promise<void> {
    const version = expectedVersion(ifMatch, undefined);
    const deleted = await this.companies.setDeleted(id, true, version);
    if (!deleted) {
      const current = await this.companies.findById(id);
      throw current ? versionConflict(current.version) : notFound(id);
    }
    await this.audit.deleted(COMPANY_LIST, id, deleted.deletedAt);
  }

  async restore(id: string): Promise<CompanyRecord> {
    const current = await this.companies.findById(id, { includeDeleted: true, forUpdate: true });
    if (!current) throw notFound(id);
    if (!current.deletedAt) throw new ConflictError('NOT_DELETED', 'A empresa não está excluída.', { id });
    await this.assertCnpjFree(current.cnpj, id);
    const restored = (await this.companies.setDeleted(id, false, null).catch(rethrowDuplicate))!;
    await this.audit.restored(COMPANY_LIST, id, current.deletedAt);
    return restored;
  }

  /** Moves the source's contacts, deals, activities, notes, tags… to the target, fills its empty fields, deletes the source. */
  async merge(targetId: string, input: MergeCompanyDto, ifMatch: string | undefined): Promise<CompanyRecord> {
    if (input.sourceId === targetId) throw new DomainError('MERGE_SAME_RECORD', 'Uma empresa não pode ser mesclada com ela mesma.', 400);
    const expected = expectedVersion(ifMatch, input.version);
    const locked = new Map<string, CompanyRecord | null>();
    for (const id of [targetId, input.sourceId].sort()) locked.set(id, await this.companies.findById(id, { forUpdate: true }));
    const target = locked.get(targetId);
    const source = locked.get(input.sourceId);
    if (!target) throw notFound(targetId);
    if (!source) throw notFound(input.sourceId);
    if (expected !== null && target.version !== expected) throw versionConflict(target.version);

    const deletedSource = (await this.companies.setDeleted(source.id, true, null))!;
    const moved = await this.companies.moveLinks(source.id, target.id);
    const fills = fillsFrom(target, source, COMPANY_MERGE_FILLS);
    // Never make the target its own head office.
    if (fills.parentCompanyId === target.id) delete fills.parentCompanyId;
    if (target.parentCompanyId === source.id) fills.parentCompanyId = null;
    const merged = (await this.companies.update(target.id, target.version, fills))!;
    await this.audit.merged(COMPANY_LIST, target.id, source.id, moved, AuditService.diff(target, merged, [...COMPANY_MERGE_FILLS, 'address']));
    await this.audit.deleted(COMPANY_LIST, source.id, deletedSource.deletedAt);
    return merged;
  }

  async history(id: string, query: RawQuery): Promise<Page<HistoryItem>> {
    if (!(await this.companies.findById(id, { includeDeleted: true }))) throw notFound(id);
    return this.audit.history(COMPANY_LIST, id, query);
  }

  private async assertCnpjFree(cnpj: string | null | undefined, excludeId: string | null): Promise<void> {
    if (!cnpj) return;
    const found = await this.companies.findByCnpj(cnpj, excludeId);
    if (found) throw duplicate(found.id);
  }
}

// A CNPJ taken by a company the caller cannot see surfaces as the unique index; its id is not revealed.
function rethrowDuplicate(err: unknown): never {
  if (isUniqueViolation(err, 'ux_empresa_cnpj')) throw duplicate(null);
  throw err;
}

/** The date in the tenant's default time zone (YYYY-MM-DD). */
function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: DEFAULT_TIME_ZONE });
}
