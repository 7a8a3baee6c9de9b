import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { TenantRole } from '../../auth/principal';
import { ConflictError, DomainError, NotFoundError } from '../../common/domain-error';
import { ENV } from '../../config/config.module';
import type { Env } from '../../config/env.schema';
import { Binder } from '../../crm/shared/list/list-sql';
import { QueryExecutorService, SqlColumn, TenantRelations } from '../../query-executor';
import { SqlValidationError, SqlValidator } from '../../query-executor/sql-validator';
import { TenantScope } from '../../tenancy/tenant-transaction';
import { checkRoles } from '../custom-objects.service';
import { DdlContext, MetadataDdlRunner } from '../metadata-ddl.runner';
import { MetadataStore } from '../metadata.store';
import { Dependent, MetaField, MetaObject, MetaObjectWithFields } from '../metadata.types';
import { validateObjectApiName } from '../names';
import { compileQueryModel, ModelColumn, parseQueryModel } from '../query-model/query-model.compiler';
import { QueryModel } from '../query-model/query-model.schema';
import { fieldsOfVisual } from '../visuals/visual-config.schema';
import { inferColumn } from './column-types';
import { catalogOf, ctePrefix, embeddable, ObjectCatalog } from './object-sql';
import { versionConflict } from '../../crm/shared/version';

export interface QueryObjectInput {
  apiName: string;
  labelPt: string;
  labelEn?: string;
  description?: string;
  roles?: string[] | null;
  sql?: string;
  model?: unknown;
}

export interface QueryChange {
  labelPt?: string;
  labelEn?: string;
  description?: string | null;
  roles?: string[] | null;
  sql?: string;
  model?: unknown;
}

/** What a query object reads: objects, and per object the fields (null = every field, e.g. `SELECT *`). */
type Uses = Map<string, Set<string> | null>;

interface Prepared {
  /** The object's own text: the user's SQL, or the model compiled. */
  own: string;
  sql: string | null;
  model: QueryModel | null;
  uses: Uses;
  /** Query objects read directly (expanded as CTEs). */
  queries: MetaObjectWithFields[];
  modelColumns: ModelColumn[] | null;
}

export interface Runnable {
  sql: string;
  params: (string | number | boolean | null)[];
  allowedRelations: Set<string>;
}

export interface PreviewResult {
  sql: string;
  params: (string | number | boolean | null)[];
  columns: { name: string; type: string; fieldType: string; labelPt: string; labelEn: string }[];
  rows: unknown[][];
  rowCount: number;
  truncated: boolean;
  elapsedMs: number;
}

const MAX_COLUMNS = 300;

/**
 * Query objects (kind `consulta`): a SELECT saved by a tenant_admin or analyst, or a designer model compiled to one.
 * At save time the SQL is validated (the executor's parser lock, allowed relations = the tenant's tables and query
 * objects), other query objects it names are expanded (CTEs, cycles refused), its columns are inferred with the
 * executor's `describe` (run as the tenant's read-only role, nothing executed) and stored as fields, and what it
 * reads is recorded in tb_meta_dependencia so removals of used objects and fields are refused.
 */
@Injectable()
export class QueryObjectsService implements OnModuleInit {
  private validator!: SqlValidator;

  constructor(
    private readonly ddl: MetadataDdlRunner,
    private readonly executor: QueryExecutorService,
    private readonly relations: TenantRelations,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async onModuleInit(): Promise<void> {
    this.validator = await SqlValidator.create({ maxLength: this.env.SQL_MAX_LENGTH });
  }

  async create(scope: TenantScope, input: QueryObjectInput): Promise<MetaObjectWithFields> {
    const apiName = validateObjectApiName(input.apiName);
    const roles = checkRoles(input.roles);
    const result = await this.ddl.run(scope, async (ctx) => {
      if (await ctx.store.findObject(apiName)) throw new ConflictError('OBJECT_EXISTS', `Já existe um objeto "${apiName}".`, { apiName });
      const catalog = await loadCatalog(ctx.store);
      const b = new Binder();
      const prepared = this.prepare(catalog, input, { id: null, apiName }, b);
      const columns = await this.describe(scope, catalog, prepared, { id: null, apiName }, b);
      const [{ id }] = await ctx.run<{ id: string }>(
        `INSERT INTO tenant_admin.tb_meta_objeto (tenant_id, api_nome, rotulo_pt, rotulo_en, tipo, descricao, sql, modelo, papeis, criado_por, atualizado_por)
         VALUES ($1, $2, $3, $4, 'consulta', $5, $6, $7::jsonb, $8, $9, $9) RETURNING id`,
        [ctx.tenantId, apiName, input.labelPt, input.labelEn ?? input.labelPt, input.description ?? null, prepared.own,
          prepared.model ? JSON.stringify(prepared.model) : null, roles, ctx.userId],
      );
      await this.writeFields(ctx, id, catalog, prepared, columns, []);
      await this.writeDependencies(ctx, id, prepared.uses, catalog);
      return ctx.store.withFields((await ctx.store.findObject(id))!);
    });
    this.relations.invalidate(scope.slug);
    return result;
  }

  /** Labels, roles, or a new SQL/model (re-validated and re-described; columns other objects use must stay). */
  async update(scope: TenantScope, object: MetaObject, change: QueryChange, expected: number | null = null): Promise<MetaObjectWithFields> {
    const roles = change.roles === undefined ? undefined : checkRoles(change.roles);
    const result = await this.ddl.run(scope, async (ctx) => {
      const current = await ctx.store.findObject(object.id);
      if (!current) throw new NotFoundError('OBJECT_NOT_FOUND', `Objeto "${object.apiName}" não encontrado.`);
      if (expected !== null && current.version !== expected) throw versionConflict(current.version);
      let own = current.sql;
      let model = current.model;
      if (change.sql !== undefined || change.model !== undefined) {
        const catalog = await loadCatalog(ctx.store);
        const b = new Binder();
        const prepared = this.prepare(catalog, change, { id: current.id, apiName: current.apiName }, b);
        const columns = await this.describe(scope, catalog, prepared, { id: current.id, apiName: current.apiName }, b);
        const existing = await ctx.store.fields([current.id]);
        await this.writeFields(ctx, current.id, catalog, prepared, columns, existing);
        await ctx.run('DELETE FROM tenant_admin.tb_meta_dependencia WHERE tenant_id = $1 AND objeto_id = $2', [ctx.tenantId, current.id]);
        await this.writeDependencies(ctx, current.id, prepared.uses, catalog);
        own = prepared.own;
        model = prepared.model;
      }
      await ctx.run(
        `UPDATE tenant_admin.tb_meta_objeto
            SET rotulo_pt = coalesce($3, rotulo_pt), rotulo_en = coalesce($4, rotulo_en),
                descricao = CASE WHEN $5 THEN $6 ELSE descricao END, papeis = CASE WHEN $7 THEN $8::text[] ELSE papeis END,
                sql = $9, modelo = $10::jsonb, versao = versao + 1, atualizado_em = now(), atualizado_por = $11
          WHERE tenant_id = $1 AND id = $2`,
        [ctx.tenantId, current.id, change.labelPt ?? null, change.labelEn ?? null, change.description !== undefined, change.description ?? null,
          roles !== undefined, roles ?? null, own, model ? JSON.stringify(model) : null, ctx.userId],
      );
      return ctx.store.withFields((await ctx.store.findObject(current.id))!);
    });
    this.relations.invalidate(scope.slug);
    return result;
  }

  /** Compiles a designer model and runs it (no save): the SQL, its bound values, the columns and rows. */
  async preview(scope: TenantScope, store: () => Promise<ObjectCatalog>, modelInput: unknown, limit: number): Promise<PreviewResult> {
    const model = parseQueryModel(modelInput);
    const catalog = await store();
    const b = new Binder();
    const compiled = compileQueryModel(model, (n) => catalog.byName.get(n), b);
    const prefix = ctePrefix(compiled.queries, catalog, b);
    const sql = `${prefix}${compiled.sql}`;
    const result = await this.executor.execute({
      tenant: { id: scope.tenantId, slug: scope.slug },
      userId: scope.userId,
      role: scope.role as TenantRole,
      sql,
      params: b.values as (string | number | boolean | null)[],
      limit,
      allowedRelations: allowedRelations(catalog),
      source: 'preview',
    });
    return {
      sql,
      params: b.values as (string | number | boolean | null)[],
      columns: result.columns.map((c, i) => {
        const m = compiled.columns[i];
        return { name: c.name, type: c.type, fieldType: m?.type ?? 'text', labelPt: m?.labelPt ?? c.name, labelEn: m?.labelEn ?? c.name };
      }),
      rows: result.rows,
      rowCount: result.rowCount,
      truncated: result.truncated,
      elapsedMs: result.elapsedMs,
    };
  }

  /** The statement that produces a query object's rows, with the CTEs of the query objects it reads. */
  runnable(object: MetaObjectWithFields, catalog: ObjectCatalog, b: Binder): { prefix: string; body: string } {
    const roots = [...(catalog.edges.get(object.id) ?? [])].map((id) => catalog.byId.get(id)).filter((o): o is MetaObjectWithFields => o?.kind === 'consulta');
    const prefix = ctePrefix(roots, catalog, b, { id: object.id, apiName: object.apiName });
    const body = object.model ? compileQueryModel(object.model, (n) => catalog.byName.get(n), b).sql : object.sql!;
    return { prefix, body };
  }

  // -------------------------------------------------------------------------------------------------------------

  private prepare(catalog: ObjectCatalog, def: { sql?: string; model?: unknown }, self: { id: string | null; apiName: string }, b: Binder): Prepared {
    if ((def.sql === undefined) === (def.model === undefined)) {
      throw new DomainError('VALIDATION_FAILED', 'Dados inválidos: informe sql ou model (um dos dois).', 400, {
        fields: [{ field: 'sql', message: 'informe sql ou model (um dos dois)' }],
      });
    }
    if (def.model !== undefined) {
      const model = parseQueryModel(def.model);
      const compiled = compileQueryModel(model, (n) => catalog.byName.get(n), b);
      if (compiled.uses.has(self.id ?? '') || model.base === self.apiName || model.joins.some((j) => j.object === self.apiName)) {
        throw new DomainError('OBJECT_CYCLE', `A consulta ${self.apiName} não pode usar a si mesma.`, 400, { path: [self.apiName, self.apiName] });
      }
      const uses: Uses = new Map([...compiled.uses].map(([k, v]) => [k, v]));
      return { own: compiled.sql, sql: null, model, uses, queries: compiled.queries, modelColumns: compiled.columns };
    }
    if (typeof def.sql !== 'string') throw new DomainError('VALIDATION_FAILED', 'Dados inválidos: sql deve ser um texto.', 400, { fields: [{ field: 'sql', message: 'texto' }] });
    const own = embeddable(def.sql);
    const r = this.validator.validate(own, { allowedRelations: allowedRelations(catalog) });
    if (!r.ok) throw new SqlValidationError(r);
    const refs = columnRefs(r.statement);
    const uses: Uses = new Map();
    const queries: MetaObjectWithFields[] = [];
    for (const name of r.relations) {
      const o = catalog.byName.get(name)?.kind === 'consulta' ? catalog.byName.get(name)! : catalog.tables.get(name);
      if (!o) continue;
      if (self.id && o.id === self.id) throw new DomainError('OBJECT_CYCLE', `A consulta ${self.apiName} não pode usar a si mesma.`, 400, { path: [self.apiName, self.apiName] });
      if (o.kind === 'consulta') queries.push(o);
      if (refs.star) uses.set(o.id, null);
      else uses.set(o.id, new Set(o.fields.filter((f) => refs.names.has(f.column) || refs.names.has(f.apiName)).map((f) => f.id)));
    }
    return { own, sql: own, model: null, uses, queries, modelColumns: null };
  }

  private async describe(scope: TenantScope, catalog: ObjectCatalog, p: Prepared, self: { id: string | null; apiName: string }, b: Binder): Promise<SqlColumn[]> {
    const prefix = ctePrefix(p.queries, catalog, b, self);
    const sql = prefix ? `${prefix}SELECT * FROM (\n${p.own}\n) AS "q"` : p.own;
    const { columns } = await this.executor.describe({
      tenant: { id: scope.tenantId, slug: scope.slug },
      userId: scope.userId,
      role: scope.role as TenantRole,
      sql,
      params: b.values as (string | number | boolean | null)[],
      allowedRelations: allowedRelations(catalog),
    });
    const seen = new Set<string>();
    const dup = columns.map((c) => c.name).filter((n) => (seen.has(n) ? true : (seen.add(n), false)));
    if (dup.length) {
      throw new DomainError('QUERY_DUPLICATE_COLUMN', `A consulta tem colunas com o mesmo nome: ${[...new Set(dup)].join(', ')}. Use AS para nomeá-las.`, 400, {
        columns: [...new Set(dup)],
      });
    }
    if (!columns.length) throw new DomainError('QUERY_NO_COLUMNS', 'A consulta não retorna colunas.', 400);
    if (columns.length > MAX_COLUMNS) throw new DomainError('QUERY_TOO_MANY_COLUMNS', `No máximo ${MAX_COLUMNS} colunas.`, 400);
    return columns;
  }

  /** Field metadata of the result columns; ids kept for columns that stay (dependencies point at them). */
  private async writeFields(ctx: DdlContext, objectId: string, catalog: ObjectCatalog, p: Prepared, columns: SqlColumn[], existing: MetaField[]): Promise<void> {
    const candidates = [...p.uses.keys()].flatMap((id) => catalog.byId.get(id)?.fields ?? []);
    const rows = columns.map((c, i) => {
      const m = p.modelColumns?.find((x) => x.name === c.name);
      const inferred = m
        ? { type: m.type, labelPt: m.labelPt, labelEn: m.labelEn, options: m.source?.field.options ?? null, targetObjectId: m.type === 'lookup' ? m.source?.field.targetObjectId ?? null : null }
        : inferColumn(c.name, c.type, candidates);
      const type = inferred.type === 'lookup' && !inferred.targetObjectId ? 'uuid' : inferred.type;
      return { name: c.name, pgType: c.type, order: i + 1, ...inferred, type };
    });
    // Columns that disappear or change type must not be used by other query objects or views.
    const changed = existing.filter((f) => {
      const next = rows.find((r) => r.name === f.apiName);
      return !next || next.type !== f.type;
    });
    const dependents: Dependent[] = [];
    for (const f of changed) dependents.push(...(await ctx.store.dependentsOfField(objectId, f.id)));
    for (const v of await ctx.store.visuals(objectId)) {
      if (changed.some((f) => fieldsOfVisual(v.kind, v.config).includes(f.apiName))) dependents.push({ id: v.id, apiName: v.name, kind: 'visual' });
    }
    if (dependents.length) {
      const unique = [...new Map(dependents.map((d) => [d.id, d])).values()];
      throw new ConflictError('FIELD_IN_USE', `A nova versão remove ou muda colunas usadas por: ${unique.map((d) => `${d.apiName} (${d.kind})`).join(', ')}.`, {
        dependents: unique,
        columns: changed.map((f) => f.apiName),
      });
    }
    const gone = existing.filter((f) => !rows.some((r) => r.name === f.apiName)).map((f) => f.id);
    if (gone.length) await ctx.run('DELETE FROM tenant_admin.tb_meta_campo WHERE tenant_id = $1 AND id = ANY ($2::uuid[])', [ctx.tenantId, gone]);
    await ctx.run(
      `INSERT INTO tenant_admin.tb_meta_campo (tenant_id, objeto_id, api_nome, coluna, rotulo_pt, rotulo_en, tipo, tipo_coluna, opcoes,
                                               alvo_objeto_id, ordem, somente_leitura)
       SELECT $1, $2, r.name, r.name, r.pt, r.en, r.tipo, r.pg, r.opcoes, r.alvo, r.ord, true
         FROM jsonb_to_recordset($3::jsonb) AS r(name text, pt text, en text, tipo text, pg text, opcoes jsonb, alvo uuid, ord int)
       ON CONFLICT (objeto_id, api_nome) DO UPDATE
          SET tipo = EXCLUDED.tipo, tipo_coluna = EXCLUDED.tipo_coluna, opcoes = EXCLUDED.opcoes, alvo_objeto_id = EXCLUDED.alvo_objeto_id,
              ordem = EXCLUDED.ordem, atualizado_em = now()`,
      [
        ctx.tenantId,
        objectId,
        JSON.stringify(
          rows.map((r) => ({
            name: r.name, pt: r.labelPt.slice(0, 120) || r.name, en: r.labelEn.slice(0, 120) || r.name, tipo: r.type, pg: r.pgType,
            opcoes: r.type === 'select' || r.type === 'multi_select' ? r.options : null, alvo: r.type === 'lookup' ? r.targetObjectId : null, ord: r.order,
          })),
        ),
      ],
    );
  }

  private async writeDependencies(ctx: DdlContext, objectId: string, uses: Uses, catalog: ObjectCatalog): Promise<void> {
    const objects: string[] = [];
    const fields: (string | null)[] = [];
    for (const [dep, set] of uses) {
      if (dep === objectId) continue;
      const all = set === null ? (catalog.byId.get(dep)?.fields ?? []).map((f) => f.id) : [...set];
      if (!all.length) {
        objects.push(dep);
        fields.push(null);
      }
      for (const f of all) {
        objects.push(dep);
        fields.push(f);
      }
    }
    if (!objects.length) return;
    await ctx.run(
      `INSERT INTO tenant_admin.tb_meta_dependencia (tenant_id, objeto_id, depende_objeto_id, depende_campo_id)
       SELECT $1, $2, d.o, d.f FROM unnest($3::uuid[], $4::uuid[]) AS d(o, f) ON CONFLICT DO NOTHING`,
      [ctx.tenantId, objectId, objects, fields],
    );
  }
}

/** Every object of the tenant with its fields, and the recorded dependency edges. */
export async function loadCatalog(store: MetadataStore, objects?: MetaObject[]): Promise<ObjectCatalog> {
  const all = objects ?? (await store.listObjects());
  const fields = await store.fields(all.map((o) => o.id));
  const byObject = new Map<string, MetaField[]>();
  for (const f of fields) {
    if (!byObject.has(f.objectId)) byObject.set(f.objectId, []);
    byObject.get(f.objectId)!.push(f);
  }
  const withFields = all.map((o) => ({ ...o, fields: byObject.get(o.id) ?? [] }));
  return catalogOf(withFields, await store.dependencyEdges());
}

/** What a tenant's query may name: its tables (base and custom) and its query objects. */
export function allowedRelations(catalog: ObjectCatalog): Set<string> {
  const names = new Set<string>();
  for (const o of catalog.byName.values()) names.add(o.table ?? o.apiName);
  return names;
}

/** Column names a statement mentions (last part of each column reference), and whether it selects `*`. */
function columnRefs(tree: unknown): { names: Set<string>; star: boolean } {
  const names = new Set<string>();
  let star = false;
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const node = n as Record<string, unknown>;
    const ref = node.ColumnRef as { fields?: Record<string, unknown>[] } | undefined;
    if (ref?.fields?.length) {
      const last = ref.fields[ref.fields.length - 1];
      if ('A_Star' in last) star = true;
      const s = (last.String as { sval?: string } | undefined)?.sval;
      if (s) names.add(s);
    }
    for (const v of Object.values(node)) walk(v);
  };
  walk(tree);
  return { names, star };
}
