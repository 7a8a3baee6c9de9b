import { Injectable } from '@nestjs/common';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { ListPlan } from '../shared/list/list-plan';
import { ListRepository, Page } from '../shared/list/list.repository';
import { SqlQuery } from '../shared/list/list-sql';
import { FieldValues, insertSql, selectByIdSql, setDeletedSql, updateSql } from '../shared/record-sql';
import { moveLinksSql, RecordLink } from '../shared/record-links';
import { RecordTagsRepository } from '../shared/record-tags.repository';
import { queryRows } from '../shared/tenant-sql';
import { CONTACT_LIST } from './contacts.list';
import { ContactRecord } from './dto/contact.dto';

export interface DuplicateKeys {
  cpf: string | null;
  email: string | null;
  phones: string[];
}

// What points at a contact and follows it into a merge.
const CONTACT_LINKS: RecordLink[] = [
  { name: 'activities', table: 'tb_atividade', column: 'contato_id', versioned: true },
  { name: 'notes', table: 'tb_nota', column: 'contato_id', versioned: true },
  { name: 'opportunities', table: 'tb_oportunidade', column: 'contato_id', versioned: true },
  { name: 'emails', table: 'tb_email_mensagem', column: 'contato_id', versioned: true },
  { name: 'documents', table: 'tb_documento', column: 'contato_id', versioned: true },
  { name: 'tickets', table: 'tb_chamado', column: 'contato_id', versioned: true },
  { name: 'proposals', table: 'tb_proposta', column: 'contato_id', versioned: true },
  { name: 'contracts', table: 'tb_contrato', column: 'contato_id', versioned: true },
  { name: 'orders', table: 'tb_pedido', column: 'contato_id', versioned: true },
  { name: 'consents', table: 'tb_consentimento', column: 'contato_id' },
  { name: 'activityParticipants', table: 'tb_atividade_participante', column: 'contato_id' },
  {
    name: 'addresses',
    table: 'tb_endereco',
    column: 'contato_id',
    extraSet: 'principal = principal AND NOT EXISTS (SELECT 1 FROM tb_endereco x WHERE x.contato_id = $2::uuid AND x.principal)',
  },
];

/** SQL of tb_contato, run inside the caller's tenant transaction (RLS applies the tenant and ownership rules). */
@Injectable()
export class ContactsRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly lists: ListRepository,
    private readonly tags: RecordTagsRepository,
  ) {}

  findPage(plan: ListPlan): Promise<Page<ContactRecord>> {
    return this.lists.findPage<ContactRecord>(CONTACT_LIST, plan);
  }

  findById(id: string, opts: { includeDeleted?: boolean; forUpdate?: boolean } = {}): Promise<ContactRecord | null> {
    return this.one(selectByIdSql(CONTACT_LIST, id, opts));
  }

  async insert(values: FieldValues): Promise<ContactRecord> {
    return (await this.one(insertSql(CONTACT_LIST, values)))!;
  }

  /** null when no live row has that id at that version (the caller tells 404 from 409). */
  update(id: string, version: number, changes: FieldValues): Promise<ContactRecord | null> {
    return this.one(updateSql(CONTACT_LIST, id, version, changes));
  }

  setDeleted(id: string, deleted: boolean, version: number | null): Promise<ContactRecord | null> {
    return this.one(setDeletedSql(CONTACT_LIST, id, deleted, version));
  }

  /** A live contact (other than excludeId) with the same CPF, e-mail or phone; CPF first, then e-mail, then phone. */
  async findDuplicate(keys: DuplicateKeys, excludeId: string | null): Promise<{ id: string; field: 'cpf' | 'email' | 'phone' } | null> {
    const rows = await this.db.query<{ id: string; field: 'cpf' | 'email' | 'phone' }>(
      `SELECT id, CASE WHEN cpf = $1::bpchar THEN 'cpf' WHEN email = $2::text THEN 'email' ELSE 'phone' END AS field
         FROM tb_contato
        WHERE excluido_em IS NULL AND ($4::uuid IS NULL OR id <> $4::uuid)
          AND (cpf = $1::bpchar OR email = $2::text OR telefone = ANY ($3::text[]) OR celular = ANY ($3::text[]))
        ORDER BY (cpf = $1::bpchar) IS TRUE DESC, (email = $2::text) IS TRUE DESC, criado_em
        LIMIT 1`,
      [keys.cpf, keys.email, keys.phones, excludeId],
    );
    return rows[0] ?? null;
  }

  replaceTags(id: string, names: string[]): Promise<void> {
    return this.tags.replace('contato_id', id, names);
  }

  /** Re-points everything linked to the source contact to the target; returns the counts per kind. */
  async moveLinks(sourceId: string, targetId: string): Promise<Record<string, number>> {
    const q = moveLinksSql(CONTACT_LINKS, 'contato_id', sourceId, targetId);
    return (await this.db.query<Record<string, number>>(q.text, q.values))[0];
  }

  private async one(q: SqlQuery): Promise<ContactRecord | null> {
    return (await queryRows<ContactRecord>(this.db, q))[0] ?? null;
  }
}
