import type { PoolClient } from 'pg';
import { ident } from '../../database/sql';
import { READABLE_META_TABLES } from '../metadata.constants';
import { COLUMN_LABELS, HIDDEN_COLUMNS, SYSTEM_COLUMNS, TABLE_LABELS, TEXT_TYPE_BY_COLUMN } from './base-labels';

/**
 * Registers the tables of a tenant schema as `base` objects with their fields, derived from the catalog of that
 * schema (pg_catalog of the new schema, in the caller's transaction; every catalog access goes through an index from
 * the schema's own objects — pg_depend from the namespace, then by oid — never a scan of the whole catalog, which
 * holds every tenant's relations), set-based: one INSERT for the objects, one
 * for the fields, one GRANT so the tenant's rw role can read its metadata. Idempotent (ON CONFLICT DO NOTHING):
 * the backfill of existing tenants and later schema versions run the same statements.
 *
 * Type mapping: single/composite FK to `id` of another registered table → lookup; uuid → uuid; text with a
 * `CHECK (col = ANY (ARRAY[...]))` enum → select with those options; numeric(14,2) → currency_brl; numeric(5,2) →
 * percent; other numerics → decimal; int2/4/8 → integer; text by column convention (email, telefone, cpf, cnpj,
 * cep, url, descrição…) else text; arrays → multi_select; json(b) → json; timestamptz → datetime.
 * Runs on the privileged connection; `app.tenant_id` must already be the tenant (RLS of the metadata is forced).
 */
export interface BaseObjectsTarget {
  tenantId: string;
  schema: string;
  readWriteRole: string;
  schemaVersion: number;
  /**
   * Identity of the migration set that has just built this schema (provisioning of a fresh schema only). Schemas
   * built by the same migrations have the same columns, so the field rows derived from the catalog for the first
   * one are kept (per process, per migration set) and the next tenants get them from that template, skipping the
   * catalog scan. Absent (backfill, later schema versions): always from the catalog.
   */
  template?: string;
}

const TABLES = Object.entries(TABLE_LABELS);
const COLUMNS = Object.entries(COLUMN_LABELS);
const TEXT_TYPES = Object.entries(TEXT_TYPE_BY_COLUMN);

// Humanised fallback label: tb_foo_bar → "Foo bar"; foo_bar → "Foo bar".
const FALLBACK = (expr: string) => `upper(left(replace(${expr}, '_', ' '), 1)) || substr(replace(${expr}, '_', ' '), 2)`;

export const REGISTER_OBJECTS_SQL = `
WITH lbl AS (SELECT * FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS l(nome, pt, en, papeis)),
     -- The schema's relations, from pg_depend (indexed by namespace), then pg_class by oid; MATERIALIZED and no LIKE
     -- on relname, so the plan cannot start from a relname range over every tenant's tables (stale catalog statistics
     -- right after the schema was created would make that plan look cheap).
     rels AS MATERIALIZED (
       SELECT c.relname
         FROM pg_depend d
         JOIN pg_class c ON c.oid = d.objid
        WHERE d.refclassid = 'pg_namespace'::regclass AND d.refobjid = (SELECT oid FROM pg_namespace WHERE nspname = $2)
          AND d.classid = 'pg_class'::regclass AND d.deptype = 'n'
          AND c.relkind IN ('r', 'p') AND left(c.relname, 3) = 'tb_'),
     objs AS (
       INSERT INTO tenant_admin.tb_meta_objeto (tenant_id, api_nome, rotulo_pt, rotulo_en, tipo, tabela, papeis)
       SELECT $1::uuid, r.relname, coalesce(l.pt, ${FALLBACK('substr(r.relname, 4)')}),
              coalesce(l.en, ${FALLBACK('substr(r.relname, 4)')}), 'base', r.relname, string_to_array(l.papeis, ',')
         FROM rels r
         LEFT JOIN lbl l ON l.nome = r.relname
       ON CONFLICT (tenant_id, api_nome) DO NOTHING
       RETURNING 1)
INSERT INTO tenant_admin.tb_meta_sincronizacao (tenant_id, versao_schema)
SELECT $1::uuid, $7::int FROM (SELECT count(*) FROM objs) AS done
ON CONFLICT (tenant_id) DO UPDATE SET versao_schema = EXCLUDED.versao_schema, sincronizado_em = now()`;

export const REGISTER_FIELDS_SQL = `
WITH ns AS (SELECT oid FROM pg_namespace WHERE nspname = $2),
     obj AS MATERIALIZED (
       SELECT o.id, c.oid AS relid
         FROM tenant_admin.tb_meta_objeto o
         JOIN pg_class c ON c.relname = o.tabela AND c.relnamespace = (SELECT oid FROM ns)
        WHERE o.tenant_id = $1::uuid AND o.tipo = 'base'),
     lbl AS (SELECT * FROM unnest($3::text[], $4::text[], $5::text[]) AS l(nome, pt, en)),
     conv AS (SELECT * FROM unnest($6::text[], $7::text[]) AS t(coluna, tipo)),
     fk AS (
       SELECT DISTINCT ON (k.conrelid, u.attnum) k.conrelid, u.attnum, tgt.id AS alvo
         FROM obj src
         JOIN pg_constraint k ON k.conrelid = src.relid AND k.contype = 'f'
        CROSS JOIN LATERAL unnest(k.conkey, k.confkey) AS u(attnum, refnum)
         JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = u.refnum AND ra.attname = 'id'
         JOIN obj tgt ON tgt.relid = k.confrelid
        ORDER BY k.conrelid, u.attnum, cardinality(k.conkey)),
     checks AS MATERIALIZED (
       SELECT k.oid, k.conrelid, k.conkey[1] AS attnum
         FROM pg_constraint k
         JOIN obj ON obj.relid = k.conrelid
         JOIN pg_attribute ca ON ca.attrelid = k.conrelid AND ca.attnum = k.conkey[1]
        WHERE k.contype = 'c' AND cardinality(k.conkey) = 1
          AND ca.atttypid IN ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype)),
     enums AS (
       SELECT DISTINCT ON (k.conrelid, k.attnum) k.conrelid, k.attnum,
              (SELECT jsonb_agg(jsonb_build_object('value', r.m[1]) ORDER BY r.ord)
                 FROM regexp_matches(d.def, '''([^'']*)''::(?:text|bpchar|character varying)', 'g') WITH ORDINALITY AS r(m, ord)) AS opcoes
         FROM checks k
        CROSS JOIN LATERAL (SELECT pg_get_constraintdef(k.oid) AS def) AS d
        WHERE d.def ~ '^CHECK \\(\\(\\(?[a-z_][a-z0-9_]*\\)?(::text)? = ANY \\(\\(?ARRAY\\[[^]]*\\]\\)?(::text\\[\\])?\\)\\)\\)$'
        ORDER BY k.conrelid, k.attnum, k.oid),
     uq AS (
       SELECT DISTINCT i.indrelid, i.indkey[0] AS attnum
         FROM pg_index i JOIN obj ON obj.relid = i.indrelid
        WHERE i.indisunique AND NOT i.indisprimary AND i.indnatts = 1 AND i.indkey[0] > 0)
INSERT INTO tenant_admin.tb_meta_campo (tenant_id, objeto_id, api_nome, coluna, rotulo_pt, rotulo_en, tipo, tipo_coluna,
                                        obrigatorio, unico, opcoes, alvo_objeto_id, ordem, sistema, somente_leitura)
SELECT $1::uuid, obj.id, a.attname, a.attname,
       coalesce(l.pt, ${FALLBACK('a.attname::text')}), coalesce(l.en, ${FALLBACK('a.attname::text')}),
       CASE
         WHEN fk.alvo IS NOT NULL THEN 'lookup'
         WHEN a.atttypid = 'uuid'::regtype THEN 'uuid'
         WHEN e.opcoes IS NOT NULL AND a.atttypid IN ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype) THEN 'select'
         WHEN a.atttypid IN ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype) THEN coalesce(cv.tipo, 'text')
         WHEN a.atttypid IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype) THEN 'integer'
         WHEN a.atttypid = 'numeric'::regtype AND a.atttypmod = ((14 << 16) | 2) + 4 THEN 'currency_brl'
         WHEN a.atttypid = 'numeric'::regtype AND a.atttypmod = ((5 << 16) | 2) + 4 THEN 'percent'
         WHEN a.atttypid IN ('numeric'::regtype, 'float4'::regtype, 'float8'::regtype) THEN 'decimal'
         WHEN a.atttypid = 'bool'::regtype THEN 'boolean'
         WHEN a.atttypid = 'date'::regtype THEN 'date'
         WHEN a.atttypid IN ('timestamptz'::regtype, 'timestamp'::regtype) THEN 'datetime'
         WHEN a.atttypid IN ('jsonb'::regtype, 'json'::regtype) THEN 'json'
         WHEN a.attndims > 0 OR t.typcategory = 'A' THEN 'multi_select'
         ELSE 'text'
       END,
       format_type(a.atttypid, a.atttypmod),
       a.attnotnull AND NOT a.atthasdef AND a.attgenerated = '' AND a.attidentity = '',
       uq.attnum IS NOT NULL,
       CASE WHEN fk.alvo IS NULL AND a.atttypid IN ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype) THEN e.opcoes END,
       fk.alvo,
       a.attnum,
       a.attname = ANY ($8::text[]),
       a.attname = ANY ($8::text[]) OR a.attgenerated <> '' OR a.attidentity <> ''
  FROM obj
  JOIN pg_attribute a ON a.attrelid = obj.relid AND a.attnum > 0 AND NOT a.attisdropped
  JOIN pg_type t ON t.oid = a.atttypid
  LEFT JOIN fk ON fk.conrelid = a.attrelid AND fk.attnum = a.attnum
  LEFT JOIN enums e ON e.conrelid = a.attrelid AND e.attnum = a.attnum
  LEFT JOIN uq ON uq.indrelid = a.attrelid AND uq.attnum = a.attnum
  LEFT JOIN lbl l ON l.nome = a.attname
  LEFT JOIN conv cv ON cv.coluna = a.attname
 WHERE NOT (a.attname = ANY ($9::text[])) AND a.atttypid <> 'bytea'::regtype
ON CONFLICT (objeto_id, api_nome) DO NOTHING`;

export function grantMetadataReadSql(readWriteRole: string): string {
  const rw = ident(readWriteRole);
  return `GRANT USAGE ON SCHEMA tenant_admin TO ${rw};
GRANT SELECT ON ${READABLE_META_TABLES.map((t) => `tenant_admin.${ident(t)}`).join(', ')} TO ${rw};`;
}

/** Field rows of a freshly registered tenant, as one JSON array (the template of the next fresh schemas). */
export const FIELDS_TEMPLATE_SQL = `
SELECT coalesce(jsonb_agg(jsonb_build_object(
         'tabela', o.tabela, 'api', c.api_nome, 'pt', c.rotulo_pt, 'en', c.rotulo_en, 'tipo', c.tipo, 'tc', c.tipo_coluna,
         'ob', c.obrigatorio, 'un', c.unico, 'op', c.opcoes, 'alvo', a.tabela, 'ord', c.ordem, 'sis', c.sistema,
         'ro', c.somente_leitura)), '[]')::text AS t
  FROM tenant_admin.tb_meta_campo c
  JOIN tenant_admin.tb_meta_objeto o ON o.tenant_id = c.tenant_id AND o.id = c.objeto_id
  LEFT JOIN tenant_admin.tb_meta_objeto a ON a.tenant_id = c.tenant_id AND a.id = c.alvo_objeto_id
 WHERE c.tenant_id = $1::uuid`;

export const REGISTER_FIELDS_FROM_TEMPLATE_SQL = `
INSERT INTO tenant_admin.tb_meta_campo (tenant_id, objeto_id, api_nome, coluna, rotulo_pt, rotulo_en, tipo, tipo_coluna,
                                        obrigatorio, unico, opcoes, alvo_objeto_id, ordem, sistema, somente_leitura)
SELECT $1::uuid, o.id, t.api, t.api, t.pt, t.en, t.tipo, t.tc, t.ob, t.un, t.op, a.id, t.ord, t.sis, t.ro
  FROM jsonb_to_recordset($2::jsonb) AS t(tabela text, api text, pt text, en text, tipo text, tc text, ob boolean, un boolean,
                                          op jsonb, alvo text, ord int, sis boolean, ro boolean)
  JOIN tenant_admin.tb_meta_objeto o ON o.tenant_id = $1::uuid AND o.tipo = 'base' AND o.tabela = t.tabela
  LEFT JOIN tenant_admin.tb_meta_objeto a ON a.tenant_id = $1::uuid AND a.tipo = 'base' AND a.tabela = t.alvo
ON CONFLICT (objeto_id, api_nome) DO NOTHING`;

const MAX_TEMPLATES = 8;
const templates = new Map<string, string>();

export async function registerBaseObjects(client: PoolClient, target: BaseObjectsTarget): Promise<void> {
  // Catalog look-ups are planned for each schema (unnamed statements: a generic plan cannot know the namespace and
  // may scan a catalog that holds every tenant's objects); the template insert below is a named statement.
  await client.query({ text: REGISTER_OBJECTS_SQL, values: [
    target.tenantId,
    target.schema,
    TABLES.map(([t]) => t),
    TABLES.map(([, l]) => l[0]),
    TABLES.map(([, l]) => l[1]),
    TABLES.map(([, l]) => (l[2] ? l[2].join(',') : null)),
    target.schemaVersion,
  ] });
  const cached = target.template !== undefined ? templates.get(target.template) : undefined;
  if (cached !== undefined) {
    await client.query({ name: 'meta_register_fields_tpl', text: REGISTER_FIELDS_FROM_TEMPLATE_SQL, values: [target.tenantId, cached] });
    await client.query(grantMetadataReadSql(target.readWriteRole));
    return;
  }
  await client.query({ text: REGISTER_FIELDS_SQL, values: [
    target.tenantId,
    target.schema,
    COLUMNS.map(([c]) => c),
    COLUMNS.map(([, l]) => l[0]),
    COLUMNS.map(([, l]) => l[1]),
    TEXT_TYPES.map(([c]) => c),
    TEXT_TYPES.map(([, t]) => t),
    SYSTEM_COLUMNS,
    HIDDEN_COLUMNS,
  ] });
  if (target.template !== undefined) {
    const { rows } = await client.query<{ t: string }>({ name: 'meta_fields_template', text: FIELDS_TEMPLATE_SQL, values: [target.tenantId] });
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    templates.set(target.template, rows[0].t);
  }
  await client.query(grantMetadataReadSql(target.readWriteRole));
}
