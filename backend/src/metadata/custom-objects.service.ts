import { Injectable } from '@nestjs/common';
import { ConflictError, DomainError, NotFoundError } from '../common/domain-error';
import { qualified, ident } from '../database/sql';
import { TenantScope } from '../tenancy/tenant-transaction';
import { addColumnDdl, alterTypeDdl, createTableDdl, dropColumnDdl, dropTableDdl, dropUniqueIndexDdl, renameColumnDdl, renameUniqueIndexDdl, setNotNullDdl, uniqueIndexDdl } from './ddl/custom-table.ddl';
import { planTypeChange } from './ddl/type-change';
import { COLUMN_TYPE, CREATABLE_FIELD_TYPES, FieldType, TENANT_ROLE_NAMES } from './metadata.constants';
import { DdlContext, MetadataDdlRunner } from './metadata-ddl.runner';
import { Dependent, MetaField, MetaObject, MetaObjectWithFields, SelectOption } from './metadata.types';
import { customColumnName, customTableName, validateFieldApiName, validateObjectApiName } from './names';
import { coerceValue } from './records/field-values';
import { engineKey } from './records/record-list';
import { fieldsOfVisual } from './visuals/visual-config.schema';
import { versionConflict } from '../crm/shared/version';

export interface FieldInput {
  apiName: string;
  labelPt: string;
  labelEn?: string;
  type: FieldType;
  required?: boolean;
  unique?: boolean;
  default?: unknown;
  options?: SelectOption[];
  /** Lookup target: API name of a base or custom-table object. */
  target?: string;
  order?: number;
}

export interface FieldChange {
  apiName?: string;
  labelPt?: string;
  labelEn?: string;
  type?: FieldType;
  required?: boolean;
  unique?: boolean;
  default?: unknown;
  options?: SelectOption[];
  order?: number;
}

export interface TableObjectInput {
  apiName: string;
  labelPt: string;
  labelEn?: string;
  description?: string;
  roles?: string[] | null;
  fields?: FieldInput[];
}

export interface ObjectChange {
  labelPt?: string;
  labelEn?: string;
  description?: string | null;
  roles?: string[] | null;
}

/** Standard columns of a custom table, as field metadata (see custom-table.ddl.ts). */
const STANDARD_FIELDS: { column: string; labelPt: string; labelEn: string; type: FieldType; columnType: string; system: boolean }[] = [
  { column: 'id', labelPt: 'Id', labelEn: 'Id', type: 'uuid', columnType: 'uuid', system: true },
  { column: 'owner_id', labelPt: 'Responsável', labelEn: 'Owner', type: 'lookup', columnType: 'uuid', system: false },
  { column: 'criado_em', labelPt: 'Criado em', labelEn: 'Created at', type: 'datetime', columnType: 'timestamp with time zone', system: true },
  { column: 'atualizado_em', labelPt: 'Atualizado em', labelEn: 'Updated at', type: 'datetime', columnType: 'timestamp with time zone', system: true },
  { column: 'versao', labelPt: 'Versão', labelEn: 'Version', type: 'integer', columnType: 'integer', system: true },
  { column: 'excluido_em', labelPt: 'Excluído em', labelEn: 'Deleted at', type: 'datetime', columnType: 'timestamp with time zone', system: true },
];

const NO_UNIQUE: FieldType[] = ['long_text', 'multi_select', 'boolean', 'json'];

/**
 * No-code custom tables and custom fields (kind `tabela`; `cf_` columns of base objects). Every change runs in
 * one privileged transaction with its DDL (MetadataDdlRunner), so the schema, the metadata and the DDL log never
 * disagree; names are validated (names.ts) before they reach ident().
 */
@Injectable()
export class CustomObjectsService {
  constructor(private readonly ddl: MetadataDdlRunner) {}

  createTable(scope: TenantScope, input: TableObjectInput): Promise<MetaObjectWithFields> {
    const apiName = validateObjectApiName(input.apiName);
    const roles = checkRoles(input.roles);
    return this.ddl.run(scope, async (ctx) => {
      if (await ctx.store.findObject(apiName)) throw new ConflictError('OBJECT_EXISTS', `Já existe um objeto "${apiName}".`, { apiName });
      const table = customTableName(apiName);
      const [{ taken }] = await ctx.run<{ taken: boolean }>('SELECT to_regclass($1) IS NOT NULL AS taken', [qualified(ctx.schema, table)]);
      if (taken) throw new ConflictError('OBJECT_EXISTS', `A tabela ${table} já existe no schema do tenant.`, { apiName, table });
      const [object] = await ctx.run<{ id: string }>(
        `INSERT INTO tenant_admin.tb_meta_objeto (tenant_id, api_nome, rotulo_pt, rotulo_en, tipo, descricao, tabela, papeis, criado_por, atualizado_por)
         VALUES ($1, $2, $3, $4, 'tabela', $5, $6, $7, $8, $8) RETURNING id`,
        [ctx.tenantId, apiName, input.labelPt, input.labelEn ?? input.labelPt, input.description ?? null, table, roles, ctx.userId],
      );
      await ctx.ddl({ id: object.id, apiName }, 'criar_objeto', createTableDdl({ schema: ctx.schema, table, tenantId: ctx.tenantId, rw: ctx.rw, ro: ctx.ro }));
      const users = await ctx.store.findObject('tb_usuario');
      await ctx.run(
        `INSERT INTO tenant_admin.tb_meta_campo (tenant_id, objeto_id, api_nome, coluna, rotulo_pt, rotulo_en, tipo, tipo_coluna,
                                                 alvo_objeto_id, ordem, sistema, somente_leitura)
         SELECT $1, $2, s.col, s.col, s.pt, s.en, s.tipo, s.tipo_coluna, CASE WHEN s.tipo = 'lookup' THEN $9::uuid END, s.ord, s.sis, s.sis
           FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[]) WITH ORDINALITY AS s(col, pt, en, tipo, tipo_coluna, sis, ord)`,
        [
          ctx.tenantId,
          object.id,
          STANDARD_FIELDS.map((f) => f.column),
          STANDARD_FIELDS.map((f) => f.labelPt),
          STANDARD_FIELDS.map((f) => f.labelEn),
          STANDARD_FIELDS.map((f) => (f.type === 'lookup' && !users ? 'uuid' : f.type)),
          STANDARD_FIELDS.map((f) => f.columnType),
          STANDARD_FIELDS.map((f) => f.system),
          users?.id ?? null,
        ],
      );
      const created = (await ctx.store.findObject(apiName))!;
      for (const [i, f] of (input.fields ?? []).entries()) {
        await this.addFieldIn(ctx, created, { ...f, order: f.order ?? 100 + i }, `fields[${i}]`);
      }
      return ctx.store.withFields(created);
    });
  }

  updateObject(scope: TenantScope, idOrApiName: string, change: ObjectChange, expected: number | null = null): Promise<MetaObjectWithFields> {
    const roles = change.roles === undefined ? undefined : checkRoles(change.roles);
    return this.ddl.run(scope, async (ctx) => {
      const object = await this.object(ctx, idOrApiName, expected);
      await ctx.run(
        `UPDATE tenant_admin.tb_meta_objeto
            SET rotulo_pt = coalesce($3, rotulo_pt), rotulo_en = coalesce($4, rotulo_en),
                descricao = CASE WHEN $5 THEN $6 ELSE descricao END,
                papeis = CASE WHEN $7 THEN $8::text[] ELSE papeis END,
                versao = versao + 1, atualizado_em = now(), atualizado_por = $9
          WHERE tenant_id = $1 AND id = $2`,
        [
          ctx.tenantId, object.id, change.labelPt ?? null, change.labelEn ?? null,
          change.description !== undefined, change.description ?? null,
          roles !== undefined, roles ?? null, ctx.userId,
        ],
      );
      return ctx.store.withFields((await ctx.store.findObject(object.id))!);
    });
  }

  /** Removes a custom table or a query object; refused while anything uses it (dependents listed). */
  deleteObject(scope: TenantScope, idOrApiName: string, expected: number | null = null): Promise<void> {
    return this.ddl.run(scope, async (ctx) => {
      const object = await this.object(ctx, idOrApiName, expected);
      if (object.kind === 'base') {
        throw new DomainError('OBJECT_NOT_REMOVABLE', `"${object.apiName}" é um objeto base do CRM e não pode ser removido.`, 400, { apiName: object.apiName });
      }
      const dependents = await ctx.store.dependentsOfObject(object.id);
      if (dependents.length) throw inUse('OBJECT_IN_USE', `O objeto "${object.apiName}"`, dependents);
      if (object.kind === 'tabela') {
        await ctx.ddl({ id: object.id, apiName: object.apiName }, 'excluir_objeto', dropTableDdl(ctx.schema, object.table!));
      }
      await ctx.run('DELETE FROM tenant_admin.tb_meta_objeto WHERE tenant_id = $1 AND id = $2', [ctx.tenantId, object.id]);
    });
  }

  addField(scope: TenantScope, idOrApiName: string, input: FieldInput): Promise<MetaField> {
    return this.ddl.run(scope, async (ctx) => this.addFieldIn(ctx, await this.object(ctx, idOrApiName), input, ''));
  }

  private async addFieldIn(ctx: DdlContext, object: MetaObject, input: FieldInput, at: string): Promise<MetaField> {
    const p = (name: string) => (at ? `${at}.${name}` : name);
    if (!object.table) {
      throw new DomainError('FIELD_NOT_ALLOWED', 'Campos de uma consulta vêm das colunas do seu SELECT; altere a consulta.', 400, { apiName: object.apiName });
    }
    const given = validateFieldApiName(input.apiName, p('apiName'));
    const column = object.kind === 'base' ? customColumnName(given) : given;
    const type = checkType(input.type, p('type'));
    const fields = await ctx.store.fields([object.id]);
    if (fields.some((f) => f.apiName === column || f.column === column)) {
      throw new ConflictError('FIELD_EXISTS', `"${object.apiName}" já tem o campo "${column}".`, { field: p('apiName'), apiName: column });
    }
    const clash = fields.find((f) => engineKey(f.apiName) === engineKey(column));
    if (clash) {
      throw new ConflictError('FIELD_NAME_CONFLICT', `"${column}" se confunde com o campo "${clash.apiName}" nos parâmetros das listas; escolha outro nome.`, {
        field: p('apiName'),
      });
    }
    const options = checkOptions(type, input.options, p('options'));
    const defaultValue = checkDefault({ type, options }, input.default, p('default'));
    let target: MetaObject | null = null;
    if (type === 'lookup') {
      if (!input.target) throw invalid(p('target'), 'um campo lookup precisa de target (o objeto referenciado)');
      target = await ctx.store.findObject(input.target);
      if (!target?.table) throw invalid(p('target'), `objeto referenciado desconhecido ou sem registros: ${input.target}`);
    } else if (input.target !== undefined) throw invalid(p('target'), 'target só vale para campos lookup');
    if (input.unique && NO_UNIQUE.includes(type)) throw invalid(p('unique'), `campos ${type} não podem ser únicos`);
    if (input.unique && defaultValue !== null) throw invalid(p('default'), 'um campo único não pode ter valor padrão');

    const ref = { id: object.id, apiName: object.apiName };
    await ctx.ddl(ref, 'criar_campo', addColumnDdl(ctx.schema, object.table, { column, type, targetTable: target?.table }));
    if (input.required) {
      if (await this.hasRows(ctx, object.table)) {
        if (defaultValue === null) {
          throw new DomainError('FIELD_REQUIRED_NEEDS_DEFAULT', `"${object.apiName}" já tem registros: um campo obrigatório novo precisa de um valor padrão para eles.`, 400, {
            field: p('default'),
          });
        }
        await ctx.run(`UPDATE ${qualified(ctx.schema, object.table)} SET ${ident(column)} = $1 WHERE ${ident(column)} IS NULL`, [defaultValue]);
      }
      await ctx.ddl(ref, 'criar_campo', setNotNullDdl(ctx.schema, object.table, column, true));
    }
    if (input.unique) await ctx.ddl(ref, 'criar_campo', uniqueIndexDdl(ctx.schema, object.table, column, hasSoftDelete(fields)));
    const [{ ordem }] = await ctx.run<{ ordem: number }>(
      'SELECT coalesce(max(ordem), 0) + 1 AS ordem FROM tenant_admin.tb_meta_campo WHERE tenant_id = $1 AND objeto_id = $2',
      [ctx.tenantId, object.id],
    );
    const [{ id }] = await ctx.run<{ id: string }>(
      `INSERT INTO tenant_admin.tb_meta_campo (tenant_id, objeto_id, api_nome, coluna, rotulo_pt, rotulo_en, tipo, tipo_coluna, obrigatorio,
                                               unico, padrao, opcoes, alvo_objeto_id, ordem, personalizado)
       VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12, $13, true) RETURNING id`,
      [
        ctx.tenantId, object.id, column, input.labelPt, input.labelEn ?? input.labelPt, type, columnTypeName(type),
        !!input.required, !!input.unique, json(defaultValue), json(options), target?.id ?? null, input.order ?? ordem,
      ],
    );
    await this.touch(ctx, object.id);
    return (await ctx.store.fields([object.id])).find((f) => f.id === id)!;
  }

  updateField(scope: TenantScope, idOrApiName: string, fieldName: string, change: FieldChange): Promise<MetaField> {
    return this.ddl.run(scope, async (ctx) => {
      const object = await this.object(ctx, idOrApiName);
      const fields = await ctx.store.fields([object.id]);
      const field = findField(object, fields, fieldName);
      const structural = ['apiName', 'type', 'required', 'unique', 'default', 'options'].filter((k) => (change as Record<string, unknown>)[k] !== undefined);
      if (structural.length && !field.custom) {
        throw new DomainError('FIELD_NOT_CUSTOM', `"${field.apiName}" não é um campo personalizado: só rótulos e ordem podem mudar.`, 400, {
          field: field.apiName,
          refused: structural,
        });
      }
      const table = object.table!;
      const ref = { id: object.id, apiName: object.apiName };
      let column = field.column;
      let type = field.type;
      let options = field.options;

      const renaming = change.apiName !== undefined && change.apiName !== field.apiName && change.apiName !== field.column.replace(/^cf_/, '');
      const retyping = change.type !== undefined && change.type !== field.type;
      if (renaming || retyping) {
        const dependents = await this.fieldDependents(ctx, object, field);
        if (dependents.length) throw inUse('FIELD_IN_USE', `O campo "${field.apiName}"`, dependents);
      }
      if (renaming) {
        const given = validateFieldApiName(change.apiName);
        const next = object.kind === 'base' ? customColumnName(given) : given;
        if (fields.some((f) => f.id !== field.id && (f.apiName === next || engineKey(f.apiName) === engineKey(next)))) {
          throw new ConflictError('FIELD_EXISTS', `"${object.apiName}" já tem um campo "${next}" (ou um que se confunde com ele).`, { field: 'apiName' });
        }
        await ctx.ddl(ref, 'renomear_campo', renameColumnDdl(ctx.schema, table, column, next));
        if (field.unique) await ctx.ddl(ref, 'renomear_campo', renameUniqueIndexDdl(ctx.schema, table, column, next));
        column = next;
      }
      if (change.type !== undefined) type = checkType(change.type, 'type');
      if (change.options !== undefined || retyping) options = checkOptions(type, change.options ?? (retyping ? field.options ?? undefined : undefined), 'options');
      if (retyping) {
        const plan = planTypeChange(field.type, type);
        if (!plan.ok) throw unsafe(field.apiName, field.type, type, plan.reason);
        const c = ident(column);
        if (plan.bad) {
          const params = plan.needsOptions ? [(options ?? []).map((o) => o.value)] : [];
          const bad = await ctx.run<{ v: string | null }>(
            `SELECT ${c}::text AS v FROM ${qualified(ctx.schema, table)} WHERE ${c} IS NOT NULL AND (${plan.bad(c)}) LIMIT 5`,
            params,
          );
          if (bad.length) {
            const [{ n }] = await ctx.run<{ n: number }>(
              `SELECT count(*)::int AS n FROM ${qualified(ctx.schema, table)} WHERE ${c} IS NOT NULL AND (${plan.bad(c)})`,
              params,
            );
            throw unsafe(field.apiName, field.type, type, `${n} registro(s) têm valores que não cabem em ${type}`, { count: n, examples: bad.map((b) => b.v) });
          }
        }
        if (field.unique && NO_UNIQUE.includes(type)) throw invalid('type', `campos ${type} não podem ser únicos; desmarque unique antes`);
        try {
          await ctx.client.query('SAVEPOINT retype');
          await ctx.ddl(ref, 'alterar_campo', alterTypeDdl(ctx.schema, table, column, type, plan.using(ident(column))));
          await ctx.client.query('RELEASE SAVEPOINT retype');
        } catch (err) {
          const code = (err as { code?: string }).code ?? '';
          if (/^2[23]/.test(code)) {
            await ctx.client.query('ROLLBACK TO SAVEPOINT retype');
            throw unsafe(field.apiName, field.type, type, 'há valores que o banco não conseguiu converter');
          }
          throw err;
        }
      } else if (change.options !== undefined && (type === 'select' || type === 'multi_select')) {
        const values = (options ?? []).map((o) => o.value);
        const c = ident(column);
        const cond = type === 'select' ? `NOT (${c} = ANY ($1::text[]))` : `NOT (${c} <@ $1::text[])`;
        const [{ n }] = await ctx.run<{ n: number }>(`SELECT count(*)::int AS n FROM ${qualified(ctx.schema, table)} WHERE ${c} IS NOT NULL AND ${cond}`, [values]);
        if (n > 0) {
          throw new ConflictError('FIELD_OPTION_IN_USE', `${n} registro(s) usam opções que a nova lista não tem; altere esses registros antes.`, { field: 'options', count: n });
        }
      }
      const defaultValue = change.default !== undefined ? checkDefault({ type, options }, change.default, 'default') : retyping ? null : field.default ?? null;
      let required = field.required;
      if (change.required !== undefined && change.required !== field.required) {
        if (change.required) {
          const [{ n }] = await ctx.run<{ n: number }>(`SELECT count(*)::int AS n FROM ${qualified(ctx.schema, table)} WHERE ${ident(column)} IS NULL`);
          if (n > 0) {
            if (defaultValue === null) {
              throw new ConflictError('FIELD_HAS_EMPTY_VALUES', `${n} registro(s) não têm "${field.apiName}"; informe um valor padrão para preenchê-los ou preencha-os antes.`, {
                field: 'required',
                count: n,
              });
            }
            await ctx.run(`UPDATE ${qualified(ctx.schema, table)} SET ${ident(column)} = $1 WHERE ${ident(column)} IS NULL`, [defaultValue]);
          }
        }
        await ctx.ddl(ref, 'alterar_campo', setNotNullDdl(ctx.schema, table, column, change.required));
        required = change.required;
      }
      let unique = field.unique;
      if (change.unique !== undefined && change.unique !== field.unique) {
        if (change.unique) {
          if (NO_UNIQUE.includes(type)) throw invalid('unique', `campos ${type} não podem ser únicos`);
          try {
            await ctx.client.query('SAVEPOINT uniq');
            await ctx.ddl(ref, 'alterar_campo', uniqueIndexDdl(ctx.schema, table, column, hasSoftDelete(fields)));
            await ctx.client.query('RELEASE SAVEPOINT uniq');
          } catch (err) {
            if ((err as { code?: string }).code === '23505') {
              await ctx.client.query('ROLLBACK TO SAVEPOINT uniq');
              throw new ConflictError('FIELD_VALUES_NOT_UNIQUE', `Há registros com o mesmo "${field.apiName}"; corrija as repetições antes.`, { field: 'unique' });
            }
            throw err;
          }
        } else {
          await ctx.ddl(ref, 'alterar_campo', dropUniqueIndexDdl(ctx.schema, table, column));
        }
        unique = change.unique;
      }
      await ctx.run(
        `UPDATE tenant_admin.tb_meta_campo
            SET api_nome = $3, coluna = $3, rotulo_pt = coalesce($4, rotulo_pt), rotulo_en = coalesce($5, rotulo_en), tipo = $6,
                tipo_coluna = $7, obrigatorio = $8, unico = $9, padrao = $10::jsonb, opcoes = $11::jsonb, ordem = coalesce($12, ordem),
                atualizado_em = now()
          WHERE tenant_id = $1 AND id = $2`,
        [
          ctx.tenantId, field.id, column, change.labelPt ?? null, change.labelEn ?? null, type,
          type === field.type ? field.columnType : columnTypeName(type), required, unique, json(defaultValue),
          json(type === 'select' || type === 'multi_select' ? options : null), change.order ?? null,
        ],
      );
      await this.touch(ctx, object.id);
      return (await ctx.store.fields([object.id])).find((f) => f.id === field.id)!;
    });
  }

  removeField(scope: TenantScope, idOrApiName: string, fieldName: string): Promise<void> {
    return this.ddl.run(scope, async (ctx) => {
      const object = await this.object(ctx, idOrApiName);
      const field = findField(object, await ctx.store.fields([object.id]), fieldName);
      if (!field.custom) {
        throw new DomainError('FIELD_NOT_CUSTOM', `"${field.apiName}" não é um campo personalizado e não pode ser removido.`, 400, { field: field.apiName });
      }
      const dependents = await this.fieldDependents(ctx, object, field);
      if (dependents.length) throw inUse('FIELD_IN_USE', `O campo "${field.apiName}"`, dependents);
      await ctx.ddl({ id: object.id, apiName: object.apiName }, 'excluir_campo', dropColumnDdl(ctx.schema, object.table!, field.column));
      await ctx.run('DELETE FROM tenant_admin.tb_meta_campo WHERE tenant_id = $1 AND id = $2', [ctx.tenantId, field.id]);
      await this.touch(ctx, object.id);
    });
  }

  /** Query objects and views that use a field. */
  private async fieldDependents(ctx: DdlContext, object: MetaObject, field: MetaField): Promise<Dependent[]> {
    const queries = await ctx.store.dependentsOfField(object.id, field.id);
    const visuals = (await ctx.store.visuals(object.id))
      .filter((v) => fieldsOfVisual(v.kind, v.config).includes(field.apiName))
      .map((v) => ({ id: v.id, apiName: v.name, kind: 'visual' as const }));
    return [...queries, ...visuals];
  }

  /** The object, at the `expected` version when one is given (the tenant's metadata changes are serialised). */
  private async object(ctx: DdlContext, idOrApiName: string, expected: number | null = null): Promise<MetaObject> {
    const object = await ctx.store.findObject(idOrApiName);
    if (!object) throw new NotFoundError('OBJECT_NOT_FOUND', `Objeto "${idOrApiName}" não encontrado.`, { object: idOrApiName });
    if (expected !== null && object.version !== expected) throw versionConflict(object.version);
    return object;
  }

  private async hasRows(ctx: DdlContext, table: string): Promise<boolean> {
    const [{ any }] = await ctx.run<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${qualified(ctx.schema, table)}) AS any`);
    return any;
  }

  private async touch(ctx: DdlContext, objectId: string): Promise<void> {
    await ctx.run(
      'UPDATE tenant_admin.tb_meta_objeto SET versao = versao + 1, atualizado_em = now(), atualizado_por = $3 WHERE tenant_id = $1 AND id = $2',
      [ctx.tenantId, objectId, ctx.userId],
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------------

function invalid(field: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `Dados inválidos: ${field} (${message}).`, 400, { fields: [{ field, message }] });
}

function inUse(code: string, what: string, dependents: Dependent[]): ConflictError {
  const names = dependents.map((d) => `${d.apiName} (${d.kind})`).join(', ');
  return new ConflictError(code, `${what} é usado por: ${names}. Remova ou altere esses itens antes.`, { dependents });
}

function unsafe(field: string, from: string, to: string, reason: string, extra: Record<string, unknown> = {}): ConflictError {
  return new ConflictError('FIELD_TYPE_CHANGE_UNSAFE', `Mudar "${field}" de ${from} para ${to} perderia dados: ${reason}.`, { field, from, to, reason, ...extra });
}

export function checkRoles(roles: string[] | null | undefined): string[] | null {
  if (roles === undefined || roles === null) return null;
  const bad = roles.filter((r) => !(TENANT_ROLE_NAMES as readonly string[]).includes(r));
  if (bad.length || !roles.length) throw invalid('roles', `papéis permitidos: ${TENANT_ROLE_NAMES.join(', ')} (ou null para todos)`);
  return [...new Set(roles)];
}

function checkType(type: unknown, field: string): FieldType {
  if (!(CREATABLE_FIELD_TYPES as readonly unknown[]).includes(type)) throw invalid(field, `tipos permitidos: ${CREATABLE_FIELD_TYPES.join(', ')}`);
  return type as FieldType;
}

function checkOptions(type: FieldType, options: SelectOption[] | undefined, field: string): SelectOption[] | null {
  if (type !== 'select' && type !== 'multi_select') {
    if (options !== undefined && options !== null && options.length) throw invalid(field, 'opções só valem para select e multi_select');
    return null;
  }
  if (!Array.isArray(options) || !options.length) throw invalid(field, 'informe as opções (1 a 200)');
  if (options.length > 200) throw invalid(field, 'no máximo 200 opções');
  const seen = new Set<string>();
  return options.map((o) => {
    if (!o || typeof o.value !== 'string' || !o.value.length || o.value.length > 100) throw invalid(field, 'cada opção precisa de value (texto de 1 a 100 caracteres)');
    if (seen.has(o.value)) throw invalid(field, `opção repetida: ${o.value}`);
    seen.add(o.value);
    return o.label !== undefined ? { value: o.value, label: String(o.label).slice(0, 120) } : { value: o.value };
  });
}

function checkDefault(f: Pick<MetaField, 'type' | 'options'>, value: unknown, field: string): unknown {
  if (value === undefined || value === null) return null;
  if (f.type === 'lookup') throw invalid(field, 'campos lookup não têm valor padrão');
  const c = coerceValue(f, value);
  if (!c.ok) throw invalid(field, c.problem);
  return c.value;
}

function findField(object: MetaObject, fields: MetaField[], name: string): MetaField {
  const f = fields.find((x) => x.apiName === name) ?? (object.kind === 'base' ? fields.find((x) => x.apiName === customColumnName(name)) : undefined);
  if (!f) throw new NotFoundError('FIELD_NOT_FOUND', `"${object.apiName}" não tem o campo "${name}".`, { field: name });
  return f;
}

function hasSoftDelete(fields: MetaField[]): boolean {
  return fields.some((f) => f.column === 'excluido_em');
}

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

/** format_type() spelling of the column type a field type gets (what the catalog would report). */
function columnTypeName(type: FieldType): string {
  const c = COLUMN_TYPE[type];
  return c === 'timestamptz' ? 'timestamp with time zone' : c;
}
