import { Injectable } from '@nestjs/common';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { ListRepository, Page } from '../shared/list/list.repository';
import { ListPlan } from '../shared/list/list-plan';
import { AUDIT_LIST, AuditAction } from './audit.list';

export interface AuditEntry {
  entity: string;
  recordId: string;
  action: AuditAction;
  /** Column name, or null when the record as a whole is concerned. */
  column: string | null;
  from?: unknown;
  to?: unknown;
}

export interface AuditRow {
  id: string;
  occurredAt: Date;
  action: AuditAction;
  field: string | null;
  from: unknown;
  to: unknown;
  userId: string | null;
  origin: string;
  requestId: string | null;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** tb_auditoria: append-only (RLS forbids UPDATE; DELETE is for tenant admins and retention jobs). */
@Injectable()
export class AuditRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly lists: ListRepository,
  ) {}

  /** All entries of one change in one statement. */
  async insertMany(entries: AuditEntry[], userId: string | null, requestId: string | null): Promise<void> {
    if (!entries.length) return;
    await this.db.query(
      `INSERT INTO tb_auditoria (entidade, registro_id, acao, campo, valor_anterior, valor_novo, usuario_id, requisicao_id, origem)
       SELECT e, r, a, c, va, vn, $7::uuid, $8::text, 'api'
         FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[]) AS u(e, r, a, c, va, vn)`,
      [
        entries.map((e) => e.entity),
        entries.map((e) => e.recordId),
        entries.map((e) => e.action),
        entries.map((e) => e.column),
        entries.map((e) => json(e.from)),
        entries.map((e) => json(e.to)),
        userId,
        requestId,
      ],
    );
  }

  findPageOfRecord(entity: string, recordId: string, plan: ListPlan): Promise<Page<AuditRow>> {
    return this.lists.findPage<AuditRow>(AUDIT_LIST, plan, [
      { column: 'entidade', value: entity, pgType: 'text' },
      { column: 'registro_id', value: recordId, pgType: 'uuid' },
    ]);
  }
}
