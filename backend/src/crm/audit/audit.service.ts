import { Injectable } from '@nestjs/common';
import { CLS_REQ, ClsService } from 'nestjs-cls';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { ListSpec } from '../shared/list/list-definition';
import { parseListQuery, RawQuery } from '../shared/list/list-plan';
import { Page } from '../shared/list/list.repository';
import { AUDIT_LIST, AuditAction } from './audit.list';
import { AuditEntry, AuditRepository, AuditRow } from './audit.repository';

export interface FieldChange {
  /** API field name (camelCase). */
  field: string;
  from: unknown;
  to: unknown;
}

export interface HistoryItem extends Omit<AuditRow, 'field'> {
  /** API name of the changed field (column name when the field is not part of the API). */
  field: string | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Who changed what, written in the same transaction as the change (tb_auditoria). Fields are stored by column
 * name (entidade is the table) and translated back to API names when read.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly db: TenantDb,
    private readonly cls: ClsService,
  ) {}

  /** The fields whose value differs between two versions of a record (API representation). */
  static diff(before: object, after: object, fields: readonly string[]): FieldChange[] {
    const b = before as Record<string, unknown>;
    const a = after as Record<string, unknown>;
    return fields.filter((f) => !same(b[f], a[f])).map((f) => ({ field: f, from: b[f] ?? null, to: a[f] ?? null }));
  }

  created(spec: ListSpec, id: string, snapshot: Record<string, unknown>): Promise<void> {
    return this.write([{ entity: spec.def.table, recordId: id, action: 'criar', column: null, to: snapshot }]);
  }

  /** One row per changed field; an ownerId change is the audited reassignment (campo owner_id). */
  changed(spec: ListSpec, id: string, changes: FieldChange[], action: AuditAction = 'atualizar'): Promise<void> {
    return this.write(
      changes.map((c) => ({ entity: spec.def.table, recordId: id, action, column: columnOf(spec, c.field), from: c.from, to: c.to })),
    );
  }

  deleted(spec: ListSpec, id: string, at: unknown): Promise<void> {
    return this.write([{ entity: spec.def.table, recordId: id, action: 'excluir', column: spec.def.softDelete ?? null, from: null, to: at }]);
  }

  restored(spec: ListSpec, id: string, deletedAt: unknown): Promise<void> {
    return this.write([{ entity: spec.def.table, recordId: id, action: 'restaurar', column: spec.def.softDelete ?? null, from: deletedAt, to: null }]);
  }

  /** A merge: on the target, what came from where; on the source, where it went. */
  merged(spec: ListSpec, targetId: string, sourceId: string, moved: Record<string, number>, filled: FieldChange[]): Promise<void> {
    const entity = spec.def.table;
    return this.write([
      { entity, recordId: targetId, action: 'mesclar', column: null, to: { sourceId, moved } },
      ...filled.map((c): AuditEntry => ({ entity, recordId: targetId, action: 'mesclar', column: columnOf(spec, c.field), from: c.from, to: c.to })),
      { entity, recordId: sourceId, action: 'mesclar', column: null, to: { mergedInto: targetId } },
    ]);
  }

  async history(spec: ListSpec, id: string, raw: RawQuery): Promise<Page<HistoryItem>> {
    const plan = parseListQuery(AUDIT_LIST, raw, this.db.scope.userId);
    const page = await this.audit.findPageOfRecord(spec.def.table, id, plan);
    const apiName = new Map(Object.entries(spec.def.fields).map(([name, f]) => [f.column, name]));
    return { ...page, items: page.items.map((r) => ({ ...r, field: r.field === null ? null : (apiName.get(r.field) ?? r.field) })) };
  }

  private write(entries: AuditEntry[]): Promise<void> {
    const req = this.cls.isActive() ? this.cls.get<{ id?: unknown } | undefined>(CLS_REQ) : undefined;
    return this.audit.insertMany(entries, this.db.scope.userId, req?.id ? String(req.id) : null);
  }
}

function columnOf(spec: ListSpec, field: string): string {
  return spec.def.fields[field]?.column ?? field;
}
