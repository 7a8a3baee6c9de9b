/** Names and rules of the metadata engine shared by its services, repositories and DTOs. */

/** Metadata tables the tenant's rw role may read (through RLS on app.tenant_id). */
export const READABLE_META_TABLES = ['tb_meta_objeto', 'tb_meta_campo', 'tb_meta_visual', 'tb_meta_dependencia'] as const;

export const OBJECT_KINDS = ['base', 'tabela', 'consulta'] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

export const FIELD_TYPES = [
  'text', 'long_text', 'integer', 'decimal', 'currency_brl', 'percent', 'date', 'datetime', 'boolean', 'select',
  'multi_select', 'email', 'phone', 'cpf', 'cnpj', 'cep', 'url', 'lookup', 'uuid', 'json',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Types a client may give a new field (uuid and json are only inferred: base columns, query results). */
export const CREATABLE_FIELD_TYPES = FIELD_TYPES.filter((t) => t !== 'uuid' && t !== 'json');

/** The column type each field type gets in a custom table or a cf_ column. */
export const COLUMN_TYPE: Record<FieldType, string> = {
  text: 'text',
  long_text: 'text',
  integer: 'integer',
  decimal: 'numeric',
  currency_brl: 'numeric(14,2)',
  percent: 'numeric(7,2)',
  date: 'date',
  datetime: 'timestamptz',
  boolean: 'boolean',
  select: 'text',
  multi_select: 'text[]',
  email: 'text',
  phone: 'text',
  cpf: 'text',
  cnpj: 'text',
  cep: 'text',
  url: 'text',
  lookup: 'uuid',
  uuid: 'uuid',
  json: 'jsonb',
};

export const TENANT_ROLE_NAMES = ['tenant_admin', 'analyst', 'manager', 'sales'] as const;

/** API names of objects and fields: lower-case snake case, 2 to 41 characters. */
export const API_NAME = /^[a-z][a-z0-9_]{1,40}$/;

/** Custom tables live beside the base model under a prefix base tables never use. */
export const CUSTOM_TABLE_PREFIX = 'cx_';
/** Custom fields of base objects are real columns with this prefix. */
export const CUSTOM_COLUMN_PREFIX = 'cf_';

/** Standard columns of every custom table (names a custom field cannot take). */
export const STANDARD_COLUMNS = ['id', 'tenant_id', 'owner_id', 'criado_em', 'atualizado_em', 'versao', 'excluido_em'] as const;

/** Query-string parameters of the list and data endpoints: no field may be called like them. */
export const RESERVED_PARAM_NAMES = ['limit', 'cursor', 'sort', 'fields', 'q', 'include_total', 'deleted', 'owner', 'offset', 'version'];

/**
 * Words refused as API names: SQL key words (PostgreSQL reserved and type-like non-reserved ones), system column
 * names, and names of the platform. Quoting would make them work, but people write SQL by hand against these
 * objects in the playground, where an unquoted `select`, `user` or `order` would fail or surprise.
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'asymmetric', 'authorization', 'between', 'bigint',
  'binary', 'bit', 'boolean', 'both', 'case', 'cast', 'char', 'character', 'check', 'coalesce', 'collate',
  'collation', 'column', 'concurrently', 'constraint', 'create', 'cross', 'current_catalog', 'current_date',
  'current_role', 'current_schema', 'current_time', 'current_timestamp', 'current_user', 'dec', 'decimal', 'default',
  'deferrable', 'delete', 'desc', 'distinct', 'do', 'drop', 'else', 'end', 'except', 'exists', 'extract', 'false',
  'fetch', 'float', 'for', 'foreign', 'freeze', 'from', 'full', 'grant', 'greatest', 'group', 'grouping', 'having',
  'ilike', 'in', 'initially', 'inner', 'inout', 'insert', 'int', 'integer', 'intersect', 'interval', 'into', 'is',
  'isnull', 'join', 'lateral', 'leading', 'least', 'left', 'like', 'limit', 'localtime', 'localtimestamp',
  'national', 'natural', 'nchar', 'none', 'normalize', 'not', 'notnull', 'null', 'nullif', 'numeric', 'offset', 'on',
  'only', 'or', 'order', 'out', 'outer', 'overlaps', 'overlay', 'placing', 'position', 'precision', 'primary',
  'real', 'references', 'returning', 'right', 'row', 'select', 'session_user', 'setof', 'similar', 'smallint',
  'some', 'substring', 'symmetric', 'system_user', 'table', 'tablesample', 'then', 'time', 'timestamp', 'to',
  'trailing', 'treat', 'trim', 'true', 'truncate', 'union', 'unique', 'update', 'user', 'using', 'values', 'varchar',
  'variadic', 'verbose', 'when', 'where', 'window', 'with', 'xmlattributes', 'xmlconcat', 'xmlelement', 'xmlexists',
  'xmlforest', 'xmlnamespaces', 'xmlparse', 'xmlpi', 'xmlroot', 'xmlserialize', 'xmltable',
  // system columns and platform names
  'oid', 'tableoid', 'xmin', 'xmax', 'cmin', 'cmax', 'ctid', 'public', 'tenant_admin', 'extensions',
  'information_schema',
]);

/** Prefixes no object or field API name may start with (they name real tables, columns or system objects). */
export const RESERVED_PREFIXES = ['tb_', 'cx_', 'cf_', 'pg_', 'tenant_', 'sql_', 'meta_'];
