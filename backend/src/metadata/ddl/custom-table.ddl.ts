import { createHash } from 'node:crypto';
import { ident, qualified } from '../../database/sql';
import { COLUMN_TYPE, FieldType } from '../metadata.constants';

/**
 * DDL of custom tables and custom columns, generated from validated metadata only: table and column names passed
 * here have already matched the API-name rule (names.ts) and are quoted by ident(); column types come from the
 * fixed COLUMN_TYPE map; the only value ever embedded is the tenant id, a server-side UUID checked for its shape
 * (DDL cannot take bound parameters). Everything else (defaults, existing data fixes) is bound by the callers.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_NAME = 63;

/** A constraint/index name from parts; hashed when it would pass PostgreSQL's 63-byte limit. */
export function objectName(prefix: string, ...parts: string[]): string {
  const plain = [prefix, ...parts].join('_');
  if (plain.length <= MAX_NAME) return plain;
  return `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`;
}

function tenantLiteral(tenantId: string): string {
  if (!UUID.test(tenantId)) throw new Error('tenant id with an unexpected shape');
  return `'${tenantId}'::uuid`;
}

const TENANT_POLICY = `(tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))`;

/**
 * A custom table with the standard columns, the three isolation barriers of the base model (RLS enabled and
 * forced with the tenant_isolation policy, the tenant CHECK, schema privileges for the tenant roles only), the
 * ownership policy of owned records (docs/data-model.md, "Ownership visibility") and the list index.
 */
export function createTableDdl(p: { schema: string; table: string; tenantId: string; rw: string; ro: string }): string {
  const t = qualified(p.schema, p.table);
  const fn = (name: string) => qualified(p.schema, name);
  const visible = `((SELECT ${fn('fn_ve_todos')}()) OR owner_id IS NULL OR owner_id = ANY ((SELECT ${fn('fn_donos_visiveis')}())::uuid[]))`;
  return [
    `CREATE TABLE ${t} (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    owner_id      uuid REFERENCES ${qualified(p.schema, 'tb_usuario')} (id),
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now(),
    versao        integer NOT NULL DEFAULT 1,
    excluido_em   timestamptz,
    CONSTRAINT ${ident(objectName('ck', p.table, 'tenant'))} CHECK (tenant_id = ${tenantLiteral(p.tenantId)})
)`,
    `ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON ${t} USING ${TENANT_POLICY} WITH CHECK ${TENANT_POLICY}`,
    `CREATE POLICY visibilidade_dono ON ${t} AS RESTRICTIVE FOR ALL USING ${visible} WITH CHECK ${visible}`,
    `CREATE INDEX ${ident(objectName('ix', p.table, 'criado'))} ON ${t} (criado_em, id) WHERE excluido_em IS NULL`,
    `CREATE INDEX ${ident(objectName('ix', p.table, 'owner'))} ON ${t} (owner_id, criado_em, id) WHERE excluido_em IS NULL`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ${t} TO ${ident(p.rw)}`,
    `GRANT SELECT ON ${t} TO ${ident(p.ro)}`,
  ].join(';\n');
}

export function dropTableDdl(schema: string, table: string): string {
  return `DROP TABLE ${qualified(schema, table)}`;
}

export interface ColumnSpec {
  column: string;
  type: FieldType;
  /** Lookup target table (same schema). */
  targetTable?: string | null;
}

export function columnType(type: FieldType): string {
  return COLUMN_TYPE[type];
}

export function addColumnDdl(schema: string, table: string, c: ColumnSpec): string {
  const ref = c.type === 'lookup' && c.targetTable ? ` REFERENCES ${qualified(schema, c.targetTable)} (id) ON DELETE SET NULL` : '';
  return `ALTER TABLE ${qualified(schema, table)} ADD COLUMN ${ident(c.column)} ${columnType(c.type)}${ref}`;
}

export function dropColumnDdl(schema: string, table: string, column: string): string {
  return `ALTER TABLE ${qualified(schema, table)} DROP COLUMN ${ident(column)}`;
}

export function renameColumnDdl(schema: string, table: string, from: string, to: string): string {
  return `ALTER TABLE ${qualified(schema, table)} RENAME COLUMN ${ident(from)} TO ${ident(to)}`;
}

export function setNotNullDdl(schema: string, table: string, column: string, required: boolean): string {
  return `ALTER TABLE ${qualified(schema, table)} ALTER COLUMN ${ident(column)} ${required ? 'SET' : 'DROP'} NOT NULL`;
}

/** Unique among live rows, like the base model's CPF/CNPJ rules. */
export function uniqueIndexDdl(schema: string, table: string, column: string, softDelete: boolean): string {
  const name = ident(objectName('ux', table, column));
  return `CREATE UNIQUE INDEX ${name} ON ${qualified(schema, table)} (${ident(column)})${softDelete ? ' WHERE excluido_em IS NULL' : ''}`;
}

export function dropUniqueIndexDdl(schema: string, table: string, column: string): string {
  return `DROP INDEX ${qualified(schema, objectName('ux', table, column))}`;
}

export function renameUniqueIndexDdl(schema: string, table: string, from: string, to: string): string {
  return `ALTER INDEX ${qualified(schema, objectName('ux', table, from))} RENAME TO ${ident(objectName('ux', table, to))}`;
}

/** ALTER … TYPE with the USING expression of a conversion the caller has checked (type-change.ts). */
export function alterTypeDdl(schema: string, table: string, column: string, to: FieldType, using: string): string {
  return `ALTER TABLE ${qualified(schema, table)} ALTER COLUMN ${ident(column)} TYPE ${columnType(to)} USING ${using}`;
}
