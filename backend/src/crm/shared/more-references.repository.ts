import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { References, ReferencesRepository } from './references.repository';

/** References ReferencesRepository does not know: deals, teams, activity types, lists of users or contacts. */
export interface MoreReferences extends References {
  opportunityId?: string | null;
  teamId?: string | null;
  /** A user that must be an active member, under another field name (a team's managerId). */
  managerId?: string | null;
  /** tb_tipo_atividade.codigo, active. */
  activityType?: string | null;
}

/** A list of ids under one field name (participants.userId…), each of which must resolve. */
export interface IdListReference {
  field: string;
  kind: 'user' | 'contact';
  ids: string[];
}

type Bad = { field: string; message: string };

const CHECKS: Record<Exclude<keyof MoreReferences, keyof References>, { field: string; sql: string; message: string }> = {
  opportunityId: { field: 'opportunityId', sql: 'SELECT 1 FROM tb_oportunidade WHERE id = $1::uuid AND excluido_em IS NULL', message: 'oportunidade não encontrada' },
  teamId: { field: 'teamId', sql: 'SELECT 1 FROM tb_equipe WHERE id = $1::uuid AND excluido_em IS NULL', message: 'equipe não encontrada' },
  managerId: { field: 'managerId', sql: 'SELECT 1 FROM tb_usuario WHERE id = $1::uuid AND ativo', message: 'usuário não encontrado ou inativo' },
  activityType: { field: 'type', sql: 'SELECT 1 FROM tb_tipo_atividade WHERE codigo = $1::text AND ativo', message: 'tipo de atividade desconhecido ou inativo' },
};

const LIST_SQL: Record<IdListReference['kind'], { sql: string; message: string }> = {
  user: { sql: 'SELECT id FROM tb_usuario WHERE id = ANY ($1::uuid[]) AND ativo', message: 'usuário não encontrado ou inativo' },
  contact: { sql: 'SELECT id FROM tb_contato WHERE id = ANY ($1::uuid[]) AND excluido_em IS NULL', message: 'contato não encontrado' },
};

/**
 * Checks every reference of a write under RLS (a seller can only link what they can see) and answers one
 * 400 INVALID_REFERENCE naming every field that does not resolve, whether ReferencesRepository or this one found it.
 */
@Injectable()
export class MoreReferencesRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly base: ReferencesRepository,
  ) {}

  async assertExist(refs: MoreReferences, lists: IdListReference[] = []): Promise<void> {
    const bad: Bad[] = [];
    const { opportunityId, teamId, managerId, activityType, ...baseRefs } = refs;
    try {
      await this.base.assertExist(baseRefs);
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'INVALID_REFERENCE') throw err;
      bad.push(...((err.details?.fields as Bad[]) ?? []));
    }
    for (const [key, value] of Object.entries({ opportunityId, teamId, managerId, activityType })) {
      if (!value) continue;
      const check = CHECKS[key as keyof typeof CHECKS];
      if (!(await this.db.query(check.sql, [value])).length) bad.push({ field: check.field, message: check.message });
    }
    for (const list of lists) {
      const ids = [...new Set(list.ids)];
      if (!ids.length) continue;
      const found = new Set((await this.db.query<{ id: string }>(LIST_SQL[list.kind].sql, [ids])).map((r) => r.id));
      for (const id of ids) if (!found.has(id)) bad.push({ field: list.field, message: `${LIST_SQL[list.kind].message}: ${id}` });
    }
    if (bad.length) throw new DomainError('INVALID_REFERENCE', 'Referência inválida.', 400, { fields: bad });
  }
}
