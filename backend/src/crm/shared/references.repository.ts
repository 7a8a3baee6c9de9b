import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { TenantDb } from '../../tenancy/tenant-transaction';

/** What a write may point at. Checked under RLS, so a seller can only link records they can see. */
export interface References {
  companyId?: string | null;
  contactId?: string | null;
  ownerId?: string | null;
  originId?: string | null;
  parentCompanyId?: string | null;
}

const CHECKS: Record<keyof References, { sql: string; message: string }> = {
  companyId: { sql: 'SELECT 1 FROM tb_empresa WHERE id = $1::uuid AND excluido_em IS NULL', message: 'empresa não encontrada' },
  parentCompanyId: { sql: 'SELECT 1 FROM tb_empresa WHERE id = $1::uuid AND excluido_em IS NULL', message: 'empresa não encontrada' },
  contactId: { sql: 'SELECT 1 FROM tb_contato WHERE id = $1::uuid AND excluido_em IS NULL', message: 'contato não encontrado' },
  ownerId: { sql: 'SELECT 1 FROM tb_usuario WHERE id = $1::uuid AND ativo', message: 'usuário não encontrado ou inativo' },
  originId: { sql: 'SELECT 1 FROM tb_origem_lead WHERE id = $1::uuid AND ativo', message: 'origem não encontrada ou inativa' },
};

@Injectable()
export class ReferencesRepository {
  constructor(private readonly db: TenantDb) {}

  /** 400 INVALID_REFERENCE naming every field whose id does not resolve (null/undefined ids are not checked). */
  async assertExist(refs: References): Promise<void> {
    const bad: { field: string; message: string }[] = [];
    for (const [field, id] of Object.entries(refs) as [keyof References, string | null | undefined][]) {
      if (!id) continue;
      const rows = await this.db.query(CHECKS[field].sql, [id]);
      if (!rows.length) bad.push({ field, message: CHECKS[field].message });
    }
    if (bad.length) throw new DomainError('INVALID_REFERENCE', 'Referência inválida.', 400, { fields: bad });
  }
}
