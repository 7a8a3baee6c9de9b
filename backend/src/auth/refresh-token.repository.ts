import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface RefreshTokenRow {
  id: string;
  familyId: string;
  userId: string;
  tenantId: string | null;
  expired: boolean;
  usedAt: Date | null;
  revokedAt: Date | null;
}

const COLUMNS = `id, familia_id AS "familyId", usuario_id AS "userId", tenant_id AS "tenantId", expira_em <= now() AS expired,
  usado_em AS "usedAt", revogado_em AS "revokedAt"`;

/** SQL of tenant_admin.tb_refresh_token (hashes only; the opaque token never reaches the database). */
@Injectable()
export class RefreshTokenRepository {
  constructor(private readonly db: DataSource) {}

  /** Rotation runs in one transaction: the row is locked so two concurrent uses cannot both succeed. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async insert(
    t: { familyId: string; userId: string; tenantId: string | null; hash: Buffer; ttlSeconds: number },
    manager: EntityManager = this.db.manager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO tenant_admin.tb_refresh_token (familia_id, usuario_id, tenant_id, token_hash, expira_em)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [t.familyId, t.userId, t.tenantId, t.hash, t.ttlSeconds],
    );
  }

  async findByHashForUpdate(hash: Buffer, manager: EntityManager): Promise<RefreshTokenRow | null> {
    const rows: RefreshTokenRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM tenant_admin.tb_refresh_token WHERE token_hash = $1 FOR UPDATE`,
      [hash],
    );
    return rows[0] ?? null;
  }

  async findByHash(hash: Buffer): Promise<RefreshTokenRow | null> {
    const rows: RefreshTokenRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM tenant_admin.tb_refresh_token WHERE token_hash = $1`,
      [hash],
    );
    return rows[0] ?? null;
  }

  async markUsed(id: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE tenant_admin.tb_refresh_token SET usado_em = now() WHERE id = $1', [id]);
  }

  async revokeFamily(familyId: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      'UPDATE tenant_admin.tb_refresh_token SET revogado_em = now() WHERE familia_id = $1 AND revogado_em IS NULL',
      [familyId],
    );
  }
}
