import { Injectable } from '@nestjs/common';
import { DomainError, NotFoundError } from '../../common/domain-error';
import { TenantScope, TenantTransaction } from '../../tenancy/tenant-transaction';
import { checkRoles } from '../custom-objects.service';
import { MetadataDdlRunner } from '../metadata-ddl.runner';
import { MetadataReader } from '../metadata.reader';
import { MetaField } from '../metadata.types';
import { checkVisualFields, parseVisualConfig, VisualConfig, VisualKind } from './visual-config.schema';

export interface Visual {
  id: string;
  objectId: string;
  name: string;
  kind: string;
  config: Record<string, unknown>;
  roles: string[] | null;
  isDefault: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `v.id, v.objeto_id AS "objectId", v.nome AS name, v.tipo AS kind, v.config, v.papeis AS roles, v.padrao AS "isDefault",
  v.versao AS version, v.criado_em AS "createdAt", v.atualizado_em AS "updatedAt"`;

/**
 * Views of an object (tb_meta_visual): grid, kanban, chart or form, with a config validated by a zod schema per kind
 * and against the object's fields, and the roles that see it. Read in the request transaction (RLS), written
 * through the privileged metadata path like every metadata change.
 */
@Injectable()
export class VisualsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly reader: MetadataReader,
    private readonly ddl: MetadataDdlRunner,
  ) {}

  /** Views of a visible object that the caller's role may see. */
  async list(scope: TenantScope, idOrApiName: string): Promise<Visual[]> {
    return this.tx.run(scope, async () => {
      const object = await this.reader.visibleObject(idOrApiName);
      const rows = await this.reader.query<Visual>(
        `SELECT ${COLUMNS} FROM tenant_admin.tb_meta_visual v
          WHERE v.tenant_id = $1 AND v.objeto_id = $2 AND ($3 = 'tenant_admin' OR v.papeis IS NULL OR $3 = ANY (v.papeis))
          ORDER BY v.padrao DESC, v.nome`,
        [scope.tenantId, object.id, scope.role],
      );
      return rows;
    });
  }

  create(scope: TenantScope, idOrApiName: string, input: { name: string; kind: VisualKind; config: unknown; roles?: string[] | null; isDefault?: boolean }): Promise<Visual> {
    const roles = checkRoles(input.roles);
    return this.ddl.run(scope, async (ctx) => {
      const object = await ctx.store.findObject(idOrApiName);
      if (!object) throw new NotFoundError('OBJECT_NOT_FOUND', `Objeto "${idOrApiName}" não encontrado.`);
      const config = validConfig(input.kind, input.config, await ctx.store.fields([object.id]));
      if (input.isDefault) await ctx.run('UPDATE tenant_admin.tb_meta_visual SET padrao = false WHERE tenant_id = $1 AND objeto_id = $2', [ctx.tenantId, object.id]);
      const [v] = await ctx.run<Visual>(
        `INSERT INTO tenant_admin.tb_meta_visual AS v (tenant_id, objeto_id, nome, tipo, config, papeis, padrao, criado_por)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8) RETURNING ${COLUMNS}`,
        [ctx.tenantId, object.id, input.name, input.kind, JSON.stringify(config), roles, !!input.isDefault, ctx.userId],
      );
      return v;
    });
  }

  update(scope: TenantScope, idOrApiName: string, visualId: string, change: { name?: string; config?: unknown; roles?: string[] | null; isDefault?: boolean }): Promise<Visual> {
    const roles = change.roles === undefined ? undefined : checkRoles(change.roles);
    return this.ddl.run(scope, async (ctx) => {
      const { object, visual } = await this.find(ctx.store, idOrApiName, visualId);
      const config = change.config !== undefined ? validConfig(visual.kind as VisualKind, change.config, await ctx.store.fields([object.id])) : undefined;
      if (change.isDefault) await ctx.run('UPDATE tenant_admin.tb_meta_visual SET padrao = false WHERE tenant_id = $1 AND objeto_id = $2', [ctx.tenantId, object.id]);
      const [v] = await ctx.run<Visual>(
        `UPDATE tenant_admin.tb_meta_visual AS v
            SET nome = coalesce($3, nome), config = coalesce($4::jsonb, config), papeis = CASE WHEN $5 THEN $6::text[] ELSE papeis END,
                padrao = coalesce($7, padrao), versao = versao + 1, atualizado_em = now()
          WHERE v.tenant_id = $1 AND v.id = $2 RETURNING ${COLUMNS}`,
        [ctx.tenantId, visual.id, change.name ?? null, config ? JSON.stringify(config) : null, roles !== undefined, roles ?? null, change.isDefault ?? null],
      );
      return v;
    });
  }

  remove(scope: TenantScope, idOrApiName: string, visualId: string): Promise<void> {
    return this.ddl.run(scope, async (ctx) => {
      const { visual } = await this.find(ctx.store, idOrApiName, visualId);
      await ctx.run('DELETE FROM tenant_admin.tb_meta_visual WHERE tenant_id = $1 AND id = $2', [ctx.tenantId, visual.id]);
    });
  }

  private async find(store: import('../metadata.store').MetadataStore, idOrApiName: string, visualId: string) {
    const object = await store.findObject(idOrApiName);
    if (!object) throw new NotFoundError('OBJECT_NOT_FOUND', `Objeto "${idOrApiName}" não encontrado.`);
    const visual = (await store.visuals(object.id)).find((v) => v.id === visualId);
    if (!visual) throw new NotFoundError('VISUAL_NOT_FOUND', 'Visão não encontrada.');
    return { object, visual };
  }
}

function validConfig(kind: VisualKind, config: unknown, fields: MetaField[]): VisualConfig {
  const parsed = parseVisualConfig(kind, config);
  const problems = parsed.ok ? checkVisualFields(kind, parsed.config, fields) : parsed.problems;
  if (!parsed.ok || problems.length) {
    throw new DomainError('VALIDATION_FAILED', `Configuração de visão inválida: ${problems.map((p) => `${p.field} (${p.message})`).join('; ')}.`, 400, { fields: problems });
  }
  return parsed.config;
}
