import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../../../common/domain-error';
import { TenantDb } from '../../../tenancy/tenant-transaction';
import { AuditService } from '../../audit/audit.service';
import { isUniqueViolation } from '../../shared/db-errors';
import { parseListQuery, RawQuery } from '../../shared/list/list-plan';
import { Page } from '../../shared/list/list.repository';
import { changedFields, sentFields } from '../../shared/record-changes';
import { LossReasonRecord } from './dto/loss-reason.dto';
import { CreateLossReasonDto, UpdateLossReasonDto } from './dto/loss-reason-write.dto';
import { LOSS_REASON_LIST, LOSS_REASON_WRITABLE } from './loss-reasons.list';
import { LossReasonsRepository } from './loss-reasons.repository';

const notFound = (id: string) => new NotFoundError('LOSS_REASON_NOT_FOUND', 'Motivo de perda não encontrado.', { id });
const duplicate = (existingId: string | null) =>
  new ConflictError('DUPLICATE_LOSS_REASON', 'Já existe um motivo de perda com este nome.', { field: 'name', existingId });

/** Loss reasons: unique names, deactivated instead of deleted. Audited; no versions (a lookup). */
@Injectable()
export class LossReasonsService {
  constructor(
    private readonly reasons: LossReasonsRepository,
    private readonly audit: AuditService,
    private readonly db: TenantDb,
  ) {}

  list(query: RawQuery): Promise<Page<LossReasonRecord>> {
    return this.reasons.findPage(parseListQuery(LOSS_REASON_LIST, query, this.db.scope.userId));
  }

  async get(id: string): Promise<LossReasonRecord> {
    const row = await this.reasons.findById(id);
    if (!row) throw notFound(id);
    return row;
  }

  async create(input: CreateLossReasonDto): Promise<LossReasonRecord> {
    await this.assertNameFree(input.name, null);
    const row = await this.reasons.insert(sentFields(input, LOSS_REASON_WRITABLE)).catch(rethrowDuplicate);
    await this.audit.created(LOSS_REASON_LIST, row.id, sentFields(row, LOSS_REASON_WRITABLE));
    return row;
  }

  async update(id: string, input: UpdateLossReasonDto): Promise<LossReasonRecord> {
    const current = await this.reasons.findById(id, { forUpdate: true });
    if (!current) throw notFound(id);
    const changes = changedFields(current, sentFields(input, LOSS_REASON_WRITABLE));
    if (!Object.keys(changes).length) return current;
    if (changes.name !== undefined) await this.assertNameFree(changes.name as string, id);
    const updated = await this.reasons.update(id, changes).catch(rethrowDuplicate);
    await this.audit.changed(LOSS_REASON_LIST, id, AuditService.diff(current, updated, LOSS_REASON_WRITABLE));
    return updated;
  }

  /** Deactivated reasons stay on the deals lost with them, and can no longer be chosen. */
  setActive(id: string, active: boolean): Promise<LossReasonRecord> {
    return this.update(id, { active });
  }

  private async assertNameFree(name: string, excludeId: string | null): Promise<void> {
    const found = await this.reasons.findByName(name, excludeId);
    if (found) throw duplicate(found.id);
  }
}

function rethrowDuplicate(err: unknown): never {
  if (isUniqueViolation(err, 'ux_motivo_perda_nome')) throw duplicate(null);
  throw err;
}
