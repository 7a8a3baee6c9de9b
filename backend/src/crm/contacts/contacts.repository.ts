import { Injectable } from '@nestjs/common';
import { TenantDb } from '../../tenancy/tenant-transaction';

export interface ContactRow {
  id: string;
  name: string;
  email: string | null;
  ownerId: string | null;
  createdAt: Date;
  /** criado_em with full (microsecond) precision, for the keyset cursor. */
  cursorTs: string;
}

const COLUMNS = `id, nome AS name, email, owner_id AS "ownerId", criado_em AS "createdAt", criado_em::text AS "cursorTs"`;

/**
 * SQL of tb_contato. Runs only inside the pinned tenant transaction: table names are unqualified and resolve
 * to the caller's schema; RLS adds the tenant and ownership rules.
 */
@Injectable()
export class ContactsRepository {
  constructor(private readonly db: TenantDb) {}

  /** Page in (criado_em, id) order, after the keyset position when given. */
  findPageByCreation(after: { ts: string; id: string } | null, limit: number): Promise<ContactRow[]> {
    return this.db.query<ContactRow>(
      `SELECT ${COLUMNS} FROM tb_contato
        WHERE excluido_em IS NULL AND ($1::timestamptz IS NULL OR (criado_em, id) > ($1::timestamptz, $2::uuid))
        ORDER BY criado_em, id
        LIMIT $3`,
      [after?.ts ?? null, after?.id ?? null, limit],
    );
  }

  async insert(c: { name: string; email: string | null; ownerId: string | null }): Promise<ContactRow> {
    const rows = await this.db.query<ContactRow>(
      `INSERT INTO tb_contato (nome, email, owner_id) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
      [c.name, c.email, c.ownerId],
    );
    return rows[0];
  }
}
