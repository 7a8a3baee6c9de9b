import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TenantStatus } from '../../tenancy/tenant.types';
import { TenantRole } from '../principal';

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  role: TenantRole;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
}

/** What authentication needs, in one read: the token, its state, and its tenant from the catalog. */
export interface ApiTokenCredential {
  id: string;
  hash: Buffer;
  role: TenantRole;
  usable: boolean;
  touchDue: boolean;
  tenantId: string;
  slug: string;
  tenantName: string;
  tenantStatus: TenantStatus;
}

const COLUMNS = `id, nome AS name, prefixo AS prefix, papel AS role, expira_em AS "expiresAt", revogado_em AS "revokedAt",
  ultimo_uso_em AS "lastUsedAt", criado_por AS "createdBy", criado_em AS "createdAt"`;

/** SQL of tenant_admin.tb_api_token. Every query that lists or changes tokens is keyed by tenant. */
@Injectable()
export class ApiTokensRepository {
  constructor(private readonly db: DataSource) {}

  async insert(t: {
    tenantId: string;
    name: string;
    prefix: string;
    hash: Buffer;
    role: TenantRole;
    expiresAt: Date | null;
    createdBy: string | null;
  }): Promise<ApiTokenRow> {
    const rows: ApiTokenRow[] = await this.db.query(
      `INSERT INTO tenant_admin.tb_api_token (tenant_id, nome, prefixo, segredo_hash, papel, expira_em, criado_por)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [t.tenantId, t.name, t.prefix, t.hash, t.role, t.expiresAt, t.createdBy],
    );
    return rows[0];
  }

  async listByTenant(tenantId: string): Promise<ApiTokenRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM tenant_admin.tb_api_token WHERE tenant_id = $1 ORDER BY criado_em DESC, id LIMIT 1000`,
      [tenantId],
    );
  }

  /** Revokes a token of this tenant; false when the tenant has no such token. */
  async revoke(tenantId: string, id: string): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [, affected]: [unknown[], number] = await this.db.query(
      `UPDATE tenant_admin.tb_api_token SET revogado_em = coalesce(revogado_em, now())
        WHERE id = $1 AND tenant_id = $2`,
      [id, tenantId],
    );
    return affected === 1;
  }

  async findCredential(prefix: string, touchAfterSeconds: number): Promise<ApiTokenCredential | null> {
    const rows: ApiTokenCredential[] = await this.db.query(
      `SELECT k.id, k.segredo_hash AS hash, k.papel AS role,
              (k.revogado_em IS NULL AND (k.expira_em IS NULL OR k.expira_em > now())) AS usable,
              (k.ultimo_uso_em IS NULL OR k.ultimo_uso_em < now() - make_interval(secs => $2)) AS "touchDue",
              t.id AS "tenantId", t.slug, t.nome AS "tenantName", t.status AS "tenantStatus"
         FROM tenant_admin.tb_api_token k
         JOIN tenant_admin.tb_tenant t ON t.id = k.tenant_id
        WHERE k.prefixo = $1`,
      [prefix, touchAfterSeconds],
    );
    return rows[0] ?? null;
  }

  /** Records use; the condition keeps concurrent requests from writing the row more than once a period. */
  async touch(id: string, touchAfterSeconds: number): Promise<void> {
    await this.db.query(
      `UPDATE tenant_admin.tb_api_token SET ultimo_uso_em = now()
        WHERE id = $1 AND (ultimo_uso_em IS NULL OR ultimo_uso_em < now() - make_interval(secs => $2))`,
      [id, touchAfterSeconds],
    );
  }
}
