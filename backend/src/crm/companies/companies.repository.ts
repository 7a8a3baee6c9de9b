import { Injectable } from '@nestjs/common';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { ListPlan } from '../shared/list/list-plan';
import { ListRepository, Page } from '../shared/list/list.repository';
import { SqlQuery } from '../shared/list/list-sql';
import { moveLinksSql, RecordLink } from '../shared/record-links';
import { FieldValues, insertSql, selectByIdSql, setDeletedSql, updateSql } from '../shared/record-sql';
import { RecordTagsRepository } from '../shared/record-tags.repository';
import { queryRows } from '../shared/tenant-sql';
import { COMPANY_LIST } from './companies.list';
import { AddressRecord, CompanyRecord } from './dto/company.dto';

// What points at a company and follows it into a merge.
const versioned = (name: string, table: string): RecordLink => ({ name, table, column: 'empresa_id', versioned: true });
const COMPANY_LINKS: RecordLink[] = [
  versioned('contacts', 'tb_contato'),
  versioned('activities', 'tb_atividade'),
  versioned('notes', 'tb_nota'),
  versioned('opportunities', 'tb_oportunidade'),
  versioned('emails', 'tb_email_mensagem'),
  versioned('documents', 'tb_documento'),
  versioned('tickets', 'tb_chamado'),
  versioned('proposals', 'tb_proposta'),
  versioned('contracts', 'tb_contrato'),
  versioned('orders', 'tb_pedido'),
  { name: 'branches', table: 'tb_empresa', column: 'empresa_pai_id', versioned: true, extraWhere: 'id <> $2::uuid' },
  {
    name: 'addresses',
    table: 'tb_endereco',
    column: 'empresa_id',
    extraSet: 'principal = principal AND NOT EXISTS (SELECT 1 FROM tb_endereco x WHERE x.empresa_id = $2::uuid AND x.principal)',
  },
];

/** SQL of tb_empresa (and its main address), inside the caller's tenant transaction; RLS applies. */
@Injectable()
export class CompaniesRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly lists: ListRepository,
    private readonly tags: RecordTagsRepository,
  ) {}

  findPage(plan: ListPlan): Promise<Page<CompanyRecord>> {
    return this.lists.findPage<CompanyRecord>(COMPANY_LIST, plan);
  }

  findById(id: string, opts: { includeDeleted?: boolean; forUpdate?: boolean } = {}): Promise<CompanyRecord | null> {
    return this.one(selectByIdSql(COMPANY_LIST, id, opts));
  }

  async insert(values: FieldValues): Promise<CompanyRecord> {
    return (await this.one(insertSql(COMPANY_LIST, values)))!;
  }

  /** null when no live row has that id at that version (the caller tells 404 from 409). */
  update(id: string, version: number, changes: FieldValues): Promise<CompanyRecord | null> {
    return this.one(updateSql(COMPANY_LIST, id, version, changes));
  }

  setDeleted(id: string, deleted: boolean, version: number | null): Promise<CompanyRecord | null> {
    return this.one(setDeletedSql(COMPANY_LIST, id, deleted, version));
  }

  async findByCnpj(cnpj: string, excludeId: string | null): Promise<{ id: string } | null> {
    const rows = await this.db.query<{ id: string }>(
      'SELECT id FROM tb_empresa WHERE cnpj = $1::text AND excluido_em IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid) LIMIT 1',
      [cnpj, excludeId],
    );
    return rows[0] ?? null;
  }

  /** Sets (creating it if needed) or, with null, removes the company's main address. */
  async writeMainAddress(companyId: string, address: AddressRecord | null): Promise<void> {
    if (!address) {
      await this.db.query('DELETE FROM tb_endereco WHERE empresa_id = $1::uuid AND principal', [companyId]);
      return;
    }
    const a = address;
    await this.db.query(
      `WITH main AS (
         UPDATE tb_endereco SET cep = $2::text, logradouro = $3::text, numero = $4::text, complemento = $5::text, bairro = $6::text,
                cidade = $7::text, uf = $8::bpchar,
                atualizado_em = now()
          WHERE id = (SELECT id FROM tb_endereco WHERE empresa_id = $1::uuid AND principal ORDER BY criado_em LIMIT 1)
         RETURNING id)
       INSERT INTO tb_endereco (empresa_id, tipo, principal, cep, logradouro, numero, complemento, bairro, cidade, uf)
       SELECT $1::uuid, 'comercial', true, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::bpchar WHERE NOT EXISTS (SELECT 1 FROM main)`,
      [companyId, a.postalCode, a.street, a.number, a.complement, a.district, a.city, a.state],
    );
  }

  replaceTags(id: string, names: string[]): Promise<void> {
    return this.tags.replace('empresa_id', id, names);
  }

  async moveLinks(sourceId: string, targetId: string): Promise<Record<string, number>> {
    const q = moveLinksSql(COMPANY_LINKS, 'empresa_id', sourceId, targetId);
    return (await this.db.query<Record<string, number>>(q.text, q.values))[0];
  }

  private async one(q: SqlQuery): Promise<CompanyRecord | null> {
    return (await queryRows<CompanyRecord>(this.db, q))[0] ?? null;
  }
}
