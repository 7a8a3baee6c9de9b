import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { NotFoundError } from '../common/domain-error';
import { DB_ROLES } from '../database/database.tokens';
import { PrivilegedDb } from '../database/privileged-db';
import { DbRoles } from '../database/roles';
import { ident } from '../database/sql';
import { TenantScope } from '../tenancy/tenant-transaction';
import { MetadataStore } from './metadata.store';
import { SqlRunner } from './metadata.types';

export type DdlOperation = 'criar_objeto' | 'excluir_objeto' | 'criar_campo' | 'alterar_campo' | 'renomear_campo' | 'excluir_campo';

/** What a metadata change gets: the privileged client, pinned to one tenant, and helpers. */
export interface DdlContext {
  client: PoolClient;
  tenantId: string;
  userId: string | null;
  schema: string;
  /** Roles of the tenant (grants on new tables). */
  rw: string;
  ro: string;
  run: SqlRunner;
  store: MetadataStore;
  /** Runs one DDL statement (no values: identifiers through ident(), nothing else interpolated) and logs it. */
  ddl(object: { id: string | null; apiName: string }, operation: DdlOperation, statement: string): Promise<void>;
}

/**
 * Metadata changes and the DDL they imply run here: ONE transaction on the privileged connection, so the schema,
 * the metadata and the DDL log commit or roll back together. The tenant's catalog row is locked first (FOR NO KEY
 * UPDATE), which serialises the metadata changes of a tenant with each other and with its migrations (the fan-out
 * locks the same row FOR UPDATE), and `app.tenant_id` is set so the forced RLS of the metadata tables applies when
 * the privileged role is not a superuser. `lock_timeout` keeps a DDL from queueing forever behind long requests.
 */
@Injectable()
export class MetadataDdlRunner {
  constructor(
    private readonly db: PrivilegedDb,
    @Inject(DB_ROLES) private readonly roles: DbRoles,
  ) {}

  async run<T>(scope: TenantScope, work: (ctx: DdlContext) => Promise<T>): Promise<T> {
    return this.db.transaction(async (client) => {
      const { rows } = await client.query<{ schema: string; slug: string }>(
        `SELECT schema_nome AS schema, slug FROM tenant_admin.tb_tenant WHERE id = $1 AND status = 'ativo' FOR NO KEY UPDATE`,
        [scope.tenantId],
      );
      if (!rows[0]) throw new NotFoundError('TENANT_NOT_FOUND', 'Tenant não encontrado ou arquivado.');
      const { schema, slug } = rows[0];
      await client.query(
        `SELECT set_config('app.tenant_id', $1, true), set_config('search_path', $2, true),
                set_config('lock_timeout', '5s', true), set_config('app.role', '', true),
                set_config('TimeZone', 'America/Sao_Paulo', true), set_config('DateStyle', 'ISO, YMD', true)`,
        [scope.tenantId, ident(schema)],
      );
      const run: SqlRunner = async <R>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows as R[];
      const ctx: DdlContext = {
        client,
        tenantId: scope.tenantId,
        userId: scope.userId,
        schema,
        rw: this.roles.tenantReadWrite(slug),
        ro: this.roles.tenantReadOnly(slug),
        run,
        store: new MetadataStore(run, scope.tenantId),
        ddl: async (object, operation, statement) => {
          await client.query(statement);
          await client.query(
            `INSERT INTO tenant_admin.tb_meta_ddl (tenant_id, objeto_id, objeto_api, operacao, ddl, executado_por)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [scope.tenantId, object.id, object.apiName, operation, statement, scope.userId],
          );
        },
      };
      return work(ctx);
    });
  }
}
