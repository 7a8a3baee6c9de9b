import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../../../common/domain-error';
import { TenantDb } from '../../../tenancy/tenant-transaction';
import { AuditService } from '../../audit/audit.service';
import { isUniqueViolation } from '../../shared/db-errors';
import { parseListQuery, RawQuery } from '../../shared/list/list-plan';
import { Page } from '../../shared/list/list.repository';
import { changedFields, sentFields } from '../../shared/record-changes';
import { COMPETITOR_LIST, COMPETITOR_WRITABLE } from './competitors.list';
import { CompetitorsRepository } from './competitors.repository';
import { CompetitorRecord } from './dto/competitor.dto';
import { CreateCompetitorDto, UpdateCompetitorDto } from './dto/competitor-write.dto';

export const competitorNotFound = (id: string) => new NotFoundError('COMPETITOR_NOT_FOUND', 'Concorrente não encontrado.', { id });
const duplicate = (existingId: string | null) =>
  new ConflictError('DUPLICATE_COMPETITOR', 'Já existe um concorrente com este nome.', { field: 'name', existingId });

/** Competitors: names unique among live ones, soft delete and restore. Audited; no versions (a lookup). */
@Injectable()
export class CompetitorsService {
  constructor(
    private readonly competitors: CompetitorsRepository,
    private readonly audit: AuditService,
    private readonly db: TenantDb,
  ) {}

  list(query: RawQuery): Promise<Page<CompetitorRecord>> {
    return this.competitors.findPage(parseListQuery(COMPETITOR_LIST, query, this.db.scope.userId));
  }

  async get(id: string): Promise<CompetitorRecord> {
    const row = await this.competitors.findById(id);
    if (!row) throw competitorNotFound(id);
    return row;
  }

  async create(input: CreateCompetitorDto): Promise<CompetitorRecord> {
    await this.assertNameFree(input.name, null);
    const row = await this.competitors.insert(sentFields(input, COMPETITOR_WRITABLE)).catch(rethrowDuplicate);
    await this.audit.created(COMPETITOR_LIST, row.id, sentFields(row, COMPETITOR_WRITABLE));
    return row;
  }

  async update(id: string, input: UpdateCompetitorDto): Promise<CompetitorRecord> {
    const current = await this.competitors.findById(id, { forUpdate: true });
    if (!current) throw competitorNotFound(id);
    const changes = changedFields(current, sentFields(input, COMPETITOR_WRITABLE));
    if (!Object.keys(changes).length) return current;
    if (changes.name !== undefined) await this.assertNameFree(changes.name as string, id);
    const updated = (await this.competitors.update(id, changes).catch(rethrowDuplicate))!;
    await this.audit.changed(COMPETITOR_LIST, id, AuditService.diff(current, updated, COMPETITOR_WRITABLE));
    return updated;
  }

  /** Soft delete: deals keep their links (and show the name); a deleted competitor cannot be added to deals. */
  async remove(id: string): Promise<void> {
    const deleted = await this.competitors.setDeleted(id, true);
    if (!deleted) throw competitorNotFound(id);
    await this.audit.deleted(COMPETITOR_LIST, id, deleted.deletedAt);
  }

  async restore(id: string): Promise<CompetitorRecord> {
    const current = await this.competitors.findById(id, { includeDeleted: true, forUpdate: true });
    if (!current) throw competitorNotFound(id);
    if (!current.deletedAt) throw new ConflictError('NOT_DELETED', 'O concorrente não está excluído.', { id });
    // The name may have been given to another competitor meanwhile.
    await this.assertNameFree(current.name, id);
    const restored = (await this.competitors.setDeleted(id, false).catch(rethrowDuplicate))!;
    await this.audit.restored(COMPETITOR_LIST, id, current.deletedAt);
    return restored;
  }

  private async assertNameFree(name: string, excludeId: string | null): Promise<void> {
    const found = await this.competitors.findByName(name, excludeId);
    if (found) throw duplicate(found.id);
  }
}

// Two concurrent creations can both pass the check; the partial unique index decides.
function rethrowDuplicate(err: unknown): never {
  if (isUniqueViolation(err, 'ux_concorrente_nome')) throw duplicate(null);
  throw err;
}
