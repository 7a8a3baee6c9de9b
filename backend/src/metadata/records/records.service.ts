import { Injectable } from '@nestjs/common';
import { DomainError, NotFoundError } from '../../common/domain-error';
import { Page, ListRepository } from '../../crm/shared/list/list.repository';
import { parseListQuery, RawQuery } from '../../crm/shared/list/list-plan';
import { SqlQuery } from '../../crm/shared/list/list-sql';
import { insertSql, selectByIdSql, setDeletedSql, updateSql } from '../../crm/shared/record-sql';
import { queryRows } from '../../crm/shared/tenant-sql';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { MetadataReader } from '../metadata.reader';
import { MetaField, MetaObjectWithFields } from '../metadata.types';
import { coerceValue } from './field-values';
import { buildRecordList, engineKey, RecordList, rowOut, translateError, translateQuery } from './record-list';

export type RecordRow = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The generic record API of base and custom-table objects, on the trusted path: the request's pinned transaction
 * (role t_<slug>_rw, RLS tenant + ownership). SQL is generated from field metadata only (identifiers quoted by
 * ident(), values bound with their column's exact type). Custom tables are read-write; base objects read-only
 * here (their own CRM endpoints own the business rules of writes).
 */
@Injectable()
export class RecordsService {
  constructor(
    private readonly db: TenantDb,
    private readonly reader: MetadataReader,
    private readonly lists: ListRepository,
  ) {}

  private async object(apiName: string, write: boolean): Promise<{ object: MetaObjectWithFields; list: RecordList }> {
    const object = await this.reader.visibleObject(apiName);
    if (!object.table) {
      throw new DomainError('OBJECT_HAS_NO_RECORDS', `"${object.apiName}" é uma consulta: leia seus dados em /api/objects/${object.apiName}/data.`, 400);
    }
    if (write && object.kind !== 'tabela') {
      throw new DomainError('OBJECT_READ_ONLY', `Registros de "${object.apiName}" (objeto base) são alterados pela API própria do CRM; aqui são só leitura.`, 405);
    }
    return { object, list: buildRecordList(object, object.fields) };
  }

  async list(apiName: string, raw: RawQuery): Promise<Page<RecordRow>> {
    const { list } = await this.object(apiName, false);
    try {
      const plan = parseListQuery(list.spec, translateQuery(list, raw), this.db.scope.userId);
      const page = await this.lists.findPage<RecordRow>(list.spec, plan);
      return { ...page, items: page.items.map((r) => rowOut(list, r)) };
    } catch (err) {
      throw translateError(list, err);
    }
  }

  async get(apiName: string, id: string): Promise<RecordRow> {
    const { object, list } = await this.object(apiName, false);
    const row = await this.fetch(list, checkId(id), object.apiName);
    return row;
  }

  async create(apiName: string, body: Record<string, unknown>): Promise<RecordRow> {
    const { object, list } = await this.object(apiName, true);
    const values = this.values(object.fields, body, 'create');
    const owner = object.fields.find((f) => f.column === 'owner_id');
    if (owner && !values.has(owner)) values.set(owner, this.db.scope.userId);
    const rows = await this.write(list, values.size ? insertSql(list.spec, engineValues(list, values)) : { text: `INSERT INTO ${list.spec.table} DEFAULT VALUES RETURNING ${list.spec.selectList()}`, values: [] });
    return rowOut(list, rows[0]);
  }

  /** Optimistic locking: `version` (body) or If-Match must be the record's current version. */
  async update(apiName: string, id: string, body: Record<string, unknown>, ifMatch?: string): Promise<RecordRow> {
    const { object, list } = await this.object(apiName, true);
    const recordId = checkId(id);
    const { version: bodyVersion, ...changes } = body;
    const version = bodyVersion ?? (ifMatch !== undefined ? Number(ifMatch.replace(/^W\//, '').replace(/"/g, '')) : undefined);
    if (version === undefined) {
      throw new DomainError('VERSION_REQUIRED', 'Informe version no corpo ou o cabeçalho If-Match.', 428, { field: 'version' });
    }
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      throw validation([{ field: 'version', message: 'version deve ser um inteiro positivo' }]);
    }
    const values = this.values(object.fields, changes, 'update');
    const rows = await this.write(list, updateSql(list.spec, recordId, version, engineValues(list, values)));
    if (rows[0]) return rowOut(list, rows[0]);
    const current = await queryRows<{ versao: number }>(this.db, { text: `SELECT versao FROM ${list.spec.table} WHERE id = $1::uuid AND excluido_em IS NULL`, values: [recordId] });
    if (!current[0]) throw notFound(object.apiName);
    throw new DomainError('VERSION_CONFLICT', 'O registro foi alterado por outra pessoa; recarregue e tente de novo.', 409, {
      currentVersion: current[0].versao,
    });
  }

  /** Soft delete (excluido_em); the record disappears from lists and reads. */
  async remove(apiName: string, id: string): Promise<void> {
    const { object, list } = await this.object(apiName, true);
    const rows = await this.write(list, setDeletedSql(list.spec, checkId(id), true, null));
    if (!rows[0]) throw notFound(object.apiName);
  }

  private async fetch(list: RecordList, id: string, apiName: string): Promise<RecordRow> {
    const rows = await queryRows<RecordRow>(this.db, selectByIdSql(list.spec, id));
    if (!rows[0]) throw notFound(apiName);
    return rowOut(list, rows[0]);
  }

  /** Runs a write; a lookup to a missing record is a validation error naming the field. */
  private async write(list: RecordList, q: SqlQuery): Promise<RecordRow[]> {
    try {
      return await queryRows<RecordRow>(this.db, q);
    } catch (err) {
      const e = err as { code?: string; driverError?: { code?: string; detail?: string } };
      const code = e.driverError?.code ?? e.code;
      if (code === '23503') {
        const column = /Key \(([a-z0-9_]+)\)/.exec(e.driverError?.detail ?? '')?.[1];
        const field = list.fields.find((f) => f.column === column)?.apiName ?? column ?? 'lookup';
        throw validation([{ field, message: 'referência inexistente' }]);
      }
      throw err;
    }
  }

  /** Body (API names) → field → value to bind; every problem reported at once, naming the field. */
  private values(fields: MetaField[], body: Record<string, unknown>, mode: 'create' | 'update'): Map<MetaField, unknown> {
    const byName = new Map(fields.map((f) => [f.apiName, f]));
    const problems: { field: string; message: string }[] = [];
    const out = new Map<MetaField, unknown>();
    for (const [name, raw] of Object.entries(body)) {
      const f = byName.get(name);
      if (!f) problems.push({ field: name, message: 'campo desconhecido' });
      else if (f.readOnly || f.system) problems.push({ field: name, message: 'campo somente leitura' });
      else {
        const c = coerceValue(f, raw);
        if (!c.ok) problems.push({ field: name, message: c.problem });
        else if (c.value === null && f.required) problems.push({ field: name, message: 'obrigatório' });
        else out.set(f, c.value);
      }
    }
    if (mode === 'create') {
      for (const f of fields) {
        if (out.has(f) || f.readOnly || f.system || problems.some((p) => p.field === f.apiName)) continue;
        if (f.default !== null && f.default !== undefined) {
          const c = coerceValue(f, f.default);
          if (c.ok) out.set(f, c.value);
        } else if (f.required) problems.push({ field: f.apiName, message: 'obrigatório' });
      }
    }
    if (problems.length) throw validation(problems);
    return out;
  }
}

/** Field → value, keyed the way the list engine names fields (record-sql binds them with the column's type). */
function engineValues(list: RecordList, values: Map<MetaField, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [f, v] of values) out[list.keysIn.get(f.apiName) ?? engineKey(f.apiName)] = v;
  return out;
}

function checkId(id: string): string {
  if (!UUID.test(id)) throw new DomainError('INVALID_ID', 'Id inválido (esperado um UUID).', 400, { field: 'id' });
  return id.toLowerCase();
}

function notFound(apiName: string): NotFoundError {
  return new NotFoundError('RECORD_NOT_FOUND', `Registro de "${apiName}" não encontrado.`);
}

function validation(fields: { field: string; message: string }[]): DomainError {
  return new DomainError('VALIDATION_FAILED', `Dados inválidos: ${fields.map((f) => `${f.field} (${f.message})`).join('; ')}.`, 400, { fields });
}
