/**
 * Allow-lists of the SQL validator (the "parser lock", docs/architecture.md §4).
 *
 * Everything here is an ALLOW-list except the forbidden type names: a function, operator or construct not listed is
 * refused. Adding a name is a security decision: it must be pure (no side effects, no dynamic SQL, no catalog or
 * file access, no session state) — see the spec, which also asserts that none of the known-dangerous names slipped in.
 */

/** Aggregates (plain, ordered-set, hypothetical-set). */
const AGGREGATES = [
  'count', 'sum', 'avg', 'min', 'max', 'any_value',
  'array_agg', 'string_agg',
  'bool_and', 'bool_or', 'every', 'bit_and', 'bit_or', 'bit_xor',
  'json_agg', 'json_agg_strict', 'jsonb_agg', 'jsonb_agg_strict',
  'json_object_agg', 'json_object_agg_strict', 'json_object_agg_unique', 'json_object_agg_unique_strict',
  'jsonb_object_agg', 'jsonb_object_agg_strict', 'jsonb_object_agg_unique', 'jsonb_object_agg_unique_strict',
  'stddev', 'stddev_pop', 'stddev_samp', 'variance', 'var_pop', 'var_samp',
  'corr', 'covar_pop', 'covar_samp',
  'regr_avgx', 'regr_avgy', 'regr_count', 'regr_intercept', 'regr_r2', 'regr_slope', 'regr_sxx', 'regr_sxy', 'regr_syy',
  'mode', 'percentile_cont', 'percentile_disc',
  'range_agg', 'range_intersect_agg',
];

/** Window functions (rank & co. are also hypothetical-set aggregates). */
const WINDOW = [
  'row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'ntile',
  'lag', 'lead', 'first_value', 'last_value', 'nth_value',
];

const MATH = [
  'abs', 'cbrt', 'ceil', 'ceiling', 'degrees', 'div', 'exp', 'factorial', 'floor', 'gcd', 'lcm', 'ln', 'log', 'log10',
  'min_scale', 'mod', 'pi', 'power', 'radians', 'round', 'scale', 'sign', 'sqrt', 'trim_scale', 'trunc', 'width_bucket',
  'random', 'random_normal',
  'sin', 'cos', 'tan', 'cot', 'asin', 'acos', 'atan', 'atan2',
  'sind', 'cosd', 'tand', 'cotd', 'asind', 'acosd', 'atand', 'atan2d',
  'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'erf', 'erfc', 'gamma', 'lgamma',
];

const STRING = [
  'ascii', 'bit_length', 'btrim', 'casefold', 'char_length', 'character_length', 'chr', 'concat', 'concat_ws', 'format',
  'initcap', 'left', 'length', 'lower', 'lpad', 'ltrim', 'normalize', 'is_normalized', 'octet_length', 'overlay',
  'position', 'quote_ident', 'quote_literal', 'quote_nullable',
  'regexp_count', 'regexp_instr', 'regexp_like', 'regexp_match', 'regexp_matches', 'regexp_replace',
  'regexp_split_to_array', 'regexp_split_to_table', 'regexp_substr',
  'repeat', 'replace', 'reverse', 'right', 'rpad', 'rtrim', 'split_part', 'starts_with', 'string_to_array',
  'string_to_table', 'strpos', 'substr', 'substring', 'to_hex', 'to_bin', 'to_oct', 'translate', 'upper', 'unistr',
  'to_ascii', 'unaccent',
  'md5', 'sha224', 'sha256', 'sha384', 'sha512', 'crc32', 'crc32c', 'encode', 'decode',
  // produced by the grammar for LIKE … ESCAPE and SIMILAR TO
  'like_escape', 'similar_to_escape',
];

const DATE_TIME = [
  'age', 'clock_timestamp', 'date_add', 'date_bin', 'date_part', 'date_subtract', 'date_trunc', 'extract', 'isfinite',
  'justify_days', 'justify_hours', 'justify_interval',
  'make_date', 'make_interval', 'make_time', 'make_timestamp', 'make_timestamptz',
  'now', 'statement_timestamp', 'transaction_timestamp', 'timeofday',
  'to_char', 'to_date', 'to_number', 'to_timestamp',
  // AT TIME ZONE / AT LOCAL and (a, b) OVERLAPS (c, d)
  'timezone', 'overlaps',
];

const JSON_FUNCTIONS = [
  'to_json', 'to_jsonb', 'array_to_json', 'row_to_json',
  'json_build_array', 'jsonb_build_array', 'json_build_object', 'jsonb_build_object', 'json_object', 'jsonb_object',
  'json_array_elements', 'jsonb_array_elements', 'json_array_elements_text', 'jsonb_array_elements_text',
  'json_array_length', 'jsonb_array_length',
  'json_each', 'jsonb_each', 'json_each_text', 'jsonb_each_text',
  'json_extract_path', 'jsonb_extract_path', 'json_extract_path_text', 'jsonb_extract_path_text',
  'json_object_keys', 'jsonb_object_keys',
  'json_populate_record', 'jsonb_populate_record', 'jsonb_populate_record_valid',
  'json_populate_recordset', 'jsonb_populate_recordset',
  'json_to_record', 'jsonb_to_record', 'json_to_recordset', 'jsonb_to_recordset',
  'json_strip_nulls', 'jsonb_strip_nulls', 'jsonb_set', 'jsonb_set_lax', 'jsonb_insert', 'jsonb_pretty',
  'json_typeof', 'jsonb_typeof',
  'jsonb_path_exists', 'jsonb_path_match', 'jsonb_path_query', 'jsonb_path_query_array', 'jsonb_path_query_first',
  'jsonb_path_exists_tz', 'jsonb_path_match_tz', 'jsonb_path_query_tz', 'jsonb_path_query_array_tz',
  'jsonb_path_query_first_tz',
];

const ARRAY = [
  'array_append', 'array_cat', 'array_dims', 'array_fill', 'array_length', 'array_lower', 'array_ndims',
  'array_position', 'array_positions', 'array_prepend', 'array_remove', 'array_replace', 'array_reverse',
  'array_sample', 'array_shuffle', 'array_sort', 'array_to_string', 'array_upper', 'cardinality', 'trim_array',
  'unnest', 'generate_series', 'generate_subscripts',
];

const RANGE = [
  'isempty', 'lower_inc', 'upper_inc', 'lower_inf', 'upper_inf', 'range_merge',
  'int4range', 'int8range', 'numrange', 'tsrange', 'tstzrange', 'daterange',
  'int4multirange', 'int8multirange', 'nummultirange', 'tsmultirange', 'tstzmultirange', 'datemultirange',
  'multirange',
];

const TEXT_SEARCH = [
  // ts_stat and ts_rewrite(query, text) run SQL given as text: deliberately absent.
  'to_tsvector', 'to_tsquery', 'plainto_tsquery', 'phraseto_tsquery', 'websearch_to_tsquery',
  'ts_rank', 'ts_rank_cd', 'ts_headline', 'setweight', 'strip', 'tsvector_to_array', 'array_to_tsvector',
  'numnode', 'querytree', 'ts_delete', 'ts_filter', 'tsquery_phrase',
];

const CONDITIONAL_AND_TYPES = [
  // COALESCE, NULLIF, GREATEST, LEAST and CASE are their own nodes, not function calls.
  'num_nulls', 'num_nonnulls', 'pg_typeof', 'pg_size_pretty',
  'gen_random_uuid', 'uuidv4', 'uuidv7', 'uuid_extract_timestamp', 'uuid_extract_version',
];

/** Functions callable unqualified. */
export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([
  ...AGGREGATES, ...WINDOW, ...MATH, ...STRING, ...DATE_TIME, ...JSON_FUNCTIONS, ...ARRAY, ...RANGE, ...TEXT_SEARCH,
  ...CONDITIONAL_AND_TYPES,
]);

/**
 * Functions the grammar itself emits qualified as `pg_catalog.<name>` (EXTRACT, SUBSTRING … FROM, TRIM, POSITION … IN,
 * OVERLAY, AT TIME ZONE, LIKE … ESCAPE, SIMILAR TO, NORMALIZE, IS NORMALIZED, OVERLAPS). These, and only these, are
 * accepted with a `pg_catalog.` prefix; every other schema-qualified call is refused.
 */
export const GRAMMAR_QUALIFIED_FUNCTIONS: ReadonlySet<string> = new Set([
  'extract', 'substring', 'btrim', 'ltrim', 'rtrim', 'position', 'overlay', 'timezone', 'like_escape',
  'similar_to_escape', 'normalize', 'is_normalized', 'overlaps',
]);

/** Binary operators (`a OP b`, `a OP ANY (…)`, `ORDER BY … USING OP`). */
export const ALLOWED_BINARY_OPERATORS: ReadonlySet<string> = new Set([
  '=', '<>', '<', '>', '<=', '>=',
  '+', '-', '*', '/', '%', '^',
  '||',
  '~', '~*', '!~', '!~*', '~~', '~~*', '!~~', '!~~*', '^@',
  '&', '|', '#', '<<', '>>',
  // JSON / JSONB
  '->', '->>', '#>', '#>>', '@>', '<@', '?', '?|', '?&', '#-', '@?', '@@',
  // arrays, ranges, network containment
  '&&', '-|-', '&<', '&>', '<<=', '>>=',
  // tsquery FOLLOWED BY
  '<->',
]);

/** Prefix operators (`OP a`). */
export const ALLOWED_PREFIX_OPERATORS: ReadonlySet<string> = new Set(['-', '+', '~', '@', '|/', '||/', '!!']);

/** Names that A_Expr nodes of a non-operator kind carry (set by the grammar, not by the user). */
export const GRAMMAR_EXPR_NAMES: Readonly<Record<string, ReadonlySet<string>>> = {
  AEXPR_DISTINCT: new Set(['=']),
  AEXPR_NOT_DISTINCT: new Set(['=']),
  AEXPR_NULLIF: new Set(['=']),
  AEXPR_IN: new Set(['=', '<>']),
  AEXPR_LIKE: new Set(['~~', '!~~']),
  AEXPR_ILIKE: new Set(['~~*', '!~~*']),
  AEXPR_SIMILAR: new Set(['~', '!~']),
  AEXPR_BETWEEN: new Set(['BETWEEN']),
  AEXPR_NOT_BETWEEN: new Set(['NOT BETWEEN']),
  AEXPR_BETWEEN_SYM: new Set(['BETWEEN SYMMETRIC']),
  AEXPR_NOT_BETWEEN_SYM: new Set(['NOT BETWEEN SYMMETRIC']),
};

/**
 * Type names a cast (or a column definition list, or a JSON RETURNING clause) may not name. Input functions of the
 * reg* types look names up in the catalogs (an existence oracle for other tenants' objects and roles); xml runs
 * libxml; aclitem looks up roles; pseudo-types have no business in a query. An `_`-prefixed array spelling of any of
 * these is refused too. `oid` is allowed: a bare number, useless without the catalog functions that are not allowed.
 */
export const FORBIDDEN_TYPES: ReadonlySet<string> = new Set([
  'regclass', 'regcollation', 'regconfig', 'regdictionary', 'regnamespace', 'regoper', 'regoperator', 'regproc',
  'regprocedure', 'regrole', 'regtype',
  'xml', 'aclitem',
  'any', 'anyarray', 'anycompatible', 'anycompatiblearray', 'anycompatiblemultirange', 'anycompatiblenonarray',
  'anycompatiblerange', 'anyelement', 'anyenum', 'anymultirange', 'anynonarray', 'anyrange',
  'cstring', 'internal', 'language_handler', 'fdw_handler', 'table_am_handler', 'index_am_handler', 'tsm_handler',
  'trigger', 'event_trigger', 'pg_ddl_command', 'opaque',
  'pg_node_tree', 'pg_ndistinct', 'pg_dependencies', 'pg_mcv_list', 'pg_brin_bloom_summary',
  'pg_brin_minmax_multi_summary',
]);

/** SQL value functions (keywords without parentheses) that are allowed: the clock only, never the identity. */
export const ALLOWED_SQL_VALUE_FUNCTIONS: ReadonlySet<string> = new Set([
  'SVFOP_CURRENT_DATE', 'SVFOP_CURRENT_TIME', 'SVFOP_CURRENT_TIME_N', 'SVFOP_CURRENT_TIMESTAMP',
  'SVFOP_CURRENT_TIMESTAMP_N', 'SVFOP_LOCALTIME', 'SVFOP_LOCALTIME_N', 'SVFOP_LOCALTIMESTAMP', 'SVFOP_LOCALTIMESTAMP_N',
]);

/** TABLESAMPLE methods built into PostgreSQL. */
export const ALLOWED_TABLESAMPLE_METHODS: ReadonlySet<string> = new Set(['bernoulli', 'system']);

/** A schema that belongs to the system: `pg_catalog`, `pg_toast`, `pg_temp_N`, `information_schema`… */
export function isSystemSchema(name: string): boolean {
  return name.startsWith('pg_') || name === 'information_schema';
}
