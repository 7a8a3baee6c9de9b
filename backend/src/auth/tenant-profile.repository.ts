import { Injectable } from '@nestjs/common';
import { TenantDb } from '../tenancy/tenant-transaction';
import { TenantRole } from './principal';

/** The member's tenant-local profile (tenant_<slug>.tb_usuario, same id as the platform user). */
@Injectable()
export class TenantProfileRepository {
  constructor(private readonly tenantDb: TenantDb) {}

  /** Runs inside a pinned tenant transaction: unqualified names resolve to the tenant schema only. */
  async upsert(p: { id: string; name: string; email: string; role: TenantRole }): Promise<void> {
    await this.tenantDb.query(
      `INSERT INTO tb_usuario (id, nome, email, papel) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE
         SET nome = EXCLUDED.nome, email = EXCLUDED.email, papel = EXCLUDED.papel, ativo = true, atualizado_em = now()`,
      [p.id, p.name, p.email, p.role],
    );
  }
}
