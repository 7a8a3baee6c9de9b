/**
 * The parser lock of the secure SQL executor (docs/architecture.md §4, docs/adr/0001-sql-parser.md).
 *
 * Untrusted SQL is parsed by PostgreSQL's own grammar (libpg-query, WASM) and the raw parse tree is walked with an
 * allow-list that FAILS CLOSED: every node type, every field of a node, every function, operator and cast target must
 * be explicitly recognised, or the query is refused. The validator only decides; it never rewrites, qualifies or
 * re-serialises the text: the executor runs the original text, as is, on the tenant's locked-down role (the second,
 * independent lock).
 *
 * Pure and synchronous once the WASM module is loaded (`await SqlValidator.create()` or `await initSqlParser()` once).
 */
import { DomainError } from '../../common/domain-error';
import type { SelectStmt } from 'libpg-query';
import {
  ALLOWED_BINARY_OPERATORS,
  ALLOWED_FUNCTIONS,
  ALLOWED_PREFIX_OPERATORS,
  ALLOWED_SQL_VALUE_FUNCTIONS,
  ALLOWED_TABLESAMPLE_METHODS,
  FORBIDDEN_TYPES,
  GRAMMAR_EXPR_NAMES,
  GRAMMAR_QUALIFIED_FUNCTIONS,
  isSystemSchema,
} from './allow-lists';
import { indexOfCodePointOffset, indexOfUtf8Offset, positionAt, type SourcePosition } from './position';
import { sharedWasmParser, type WasmParser } from './wasm-parser';

export type { SourcePosition } from './position';

/** Stable error codes (clients switch on them). Order = precedence when a query breaks several rules: the rule that
 * names the worst danger is reported (a `pg_cancel_backend(pid) FROM pg_stat_activity` is a forbidden function before
 * it is a catalog read; a `pg_proc` read filtered with a `::regnamespace` cast is a catalog read before it is a cast). */
export const SQL_VALIDATION_CODES = [
  'SQL_TOO_LONG',
  'SQL_EMPTY_QUERY',
  'SQL_INVALID_CHARACTER',
  'SQL_SYNTAX_ERROR',
  'SQL_MULTIPLE_STATEMENTS',
  'SQL_NOT_SELECT',
  'SQL_WRITE_IN_CTE',
  'SQL_SELECT_INTO',
  'SQL_LOCKING_CLAUSE',
  'SQL_FORBIDDEN_FUNCTION',
  'SQL_FOREIGN_SCHEMA',
  'SQL_SYSTEM_CATALOG',
  'SQL_FORBIDDEN_CAST',
  'SQL_FORBIDDEN_OPERATOR',
  'SQL_PARAMETER_NOT_ALLOWED',
  'SQL_UNKNOWN_RELATION',
  'SQL_UNSUPPORTED_CONSTRUCT',
  'SQL_TOO_COMPLEX',
  'SQL_PARSER_UNAVAILABLE',
] as const;
export type SqlValidationCode = (typeof SQL_VALIDATION_CODES)[number];

const RANK: Record<SqlValidationCode, number> = Object.fromEntries(
  SQL_VALIDATION_CODES.map((c, i) => [c, i]),
) as Record<SqlValidationCode, number>;

export interface SqlValidatorOptions {
  /** Refuse longer texts before parsing (JS string length). Default 20,000. */
  maxLength?: number;
  /** Refuse trees nested deeper than this (expressions, subqueries, joins). Default 1,000. */
  maxDepth?: number;
  /** Accept `$1`-style parameters (the executor binds them). Default false. */
  allowParameters?: boolean;
}

export interface ValidationContext {
  /** Lower-case names of the tenant's own tables and saved objects, as stored (quoted identifiers are case-sensitive). */
  allowedRelations: ReadonlySet<string>;
}

export interface ValidationSuccess {
  ok: true;
  /** The parsed statement (raw parse tree, PostgreSQL 18 grammar). Read-only: the executor runs the original text. */
  statement: SelectStmt;
  /** Tenant relations referenced (CTE names excluded), sorted: the dependencies of a saved query. */
  relations: string[];
}

export interface ValidationFailure {
  ok: false;
  code: SqlValidationCode;
  /** pt-BR, for the user; names what was refused. */
  message: string;
  /** The refused thing (function, relation, statement kind, node type…), when there is one. */
  subject?: string;
  position?: SourcePosition;
}

export type ValidationResult = ValidationSuccess | ValidationFailure;

/** Load the WASM parser once per process (idempotent). */
export async function initSqlParser(): Promise<void> {
  await sharedWasmParser();
}

export class SqlValidator {
  private readonly maxLength: number;
  private readonly maxDepth: number;
  private readonly allowParameters: boolean;

  private constructor(
    private readonly parser: WasmParser,
    opts: SqlValidatorOptions,
  ) {
    this.maxLength = opts.maxLength ?? 20_000;
    this.maxDepth = opts.maxDepth ?? 1_000;
    this.allowParameters = opts.allowParameters ?? false;
  }

  /** Loads the parser (once per process, shared by all validators) and returns a validator. */
  static async create(opts: SqlValidatorOptions = {}): Promise<SqlValidator> {
    return new SqlValidator(await sharedWasmParser(), opts);
  }

  validate(sql: string, ctx: ValidationContext): ValidationResult {
    if (typeof sql !== 'string' || !/\S/.test(sql)) return failure('SQL_EMPTY_QUERY', sql ?? '');
    if (sql.length > this.maxLength) {
      return failure('SQL_TOO_LONG', sql, undefined, -1, `${sql.length}/${this.maxLength}`);
    }
    const bad = invalidCharacterIndex(sql);
    if (bad >= 0) return failure('SQL_INVALID_CHARACTER', sql, undefined, -1, undefined, bad);

    const parsed = this.parser.parse(sql);
    switch (parsed.kind) {
      case 'error':
        return syntaxFailure(sql, parsed.message, parsed.cursor);
      case 'crashed': // the input broke the parser instance (a tree too deep to serialise); it has been replaced
        return failure('SQL_TOO_COMPLEX', sql);
      case 'unavailable':
        return failure('SQL_PARSER_UNAVAILABLE', sql);
    }
    const stmts = (parsed.tree.stmts ?? []) as Array<{ stmt?: N; stmt_location?: number }>;
    if (stmts.length === 0) return failure('SQL_EMPTY_QUERY', sql);
    if (stmts.length > 1) {
      return failure('SQL_MULTIPLE_STATEMENTS', sql, String(stmts.length), stmts[1].stmt_location ?? -1);
    }
    const stmt = stmts[0].stmt ?? {};
    const type = nodeType(stmt);
    if (type !== 'SelectStmt') {
      return failure('SQL_NOT_SELECT', sql, statementKind(type, stmt[type]), stmts[0].stmt_location ?? 0);
    }

    const walker = new Walker(ctx.allowedRelations, this.maxDepth, this.allowParameters);
    try {
      walker.select(stmt.SelectStmt as N, null);
    } catch (e) {
      // Fail closed: a JS stack exhausted before our own depth limit, or a tree shape the walker did not expect.
      if (e instanceof RangeError) walker.fail('SQL_TOO_COMPLEX', String(this.maxDepth));
      else walker.fail('SQL_UNSUPPORTED_CONSTRUCT', `árvore inesperada (${e instanceof Error ? e.message : e})`);
    }
    const v = walker.best;
    if (v) return failure(v.code, sql, v.subject, v.location);
    return { ok: true, statement: stmt.SelectStmt as SelectStmt, relations: [...walker.relations].sort() };
  }

  /** Relations a valid query depends on; throws {@link SqlValidationError} when the query is refused. */
  dependencies(sql: string, ctx: ValidationContext): string[] {
    const r = this.validate(sql, ctx);
    if (!r.ok) throw new SqlValidationError(r);
    return r.relations;
  }
}

/** A refused query as a domain error (HTTP 400 through the global filter), for callers that prefer throwing. */
export class SqlValidationError extends DomainError {
  constructor(readonly failure: ValidationFailure) {
    super(failure.code, failure.message, 400, {
      ...(failure.subject !== undefined ? { subject: failure.subject } : {}),
      ...(failure.position ? { position: failure.position } : {}),
    });
    this.name = 'SqlValidationError';
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// The walker

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type N = Record<string, any>;

interface Scope {
  readonly names: ReadonlySet<string>;
  readonly parent: Scope | null;
}

interface Violation {
  code: SqlValidationCode;
  subject?: string;
  location: number;
}

const keySet = (...k: string[]): ReadonlySet<string> => new Set(k);

const K = {
  SelectStmt: keySet(
    'distinctClause', 'intoClause', 'targetList', 'fromClause', 'whereClause', 'groupClause', 'groupDistinct',
    'havingClause', 'windowClause', 'valuesLists', 'sortClause', 'limitOffset', 'limitCount', 'limitOption',
    'lockingClause', 'withClause', 'op', 'all', 'larg', 'rarg',
  ),
  WithClause: keySet('ctes', 'recursive', 'location'),
  CommonTableExpr: keySet(
    'ctename', 'aliascolnames', 'ctematerialized', 'ctequery', 'search_clause', 'cycle_clause', 'location',
  ),
  CTESearchClause: keySet('search_col_list', 'search_breadth_first', 'search_seq_column', 'location'),
  CTECycleClause: keySet(
    'cycle_col_list', 'cycle_mark_column', 'cycle_mark_value', 'cycle_mark_default', 'cycle_path_column', 'location',
  ),
  ResTarget: keySet('name', 'val', 'location'),
  RangeVar: keySet('catalogname', 'schemaname', 'relname', 'inh', 'relpersistence', 'alias', 'location'),
  Alias: keySet('aliasname', 'colnames'),
  RangeSubselect: keySet('lateral', 'subquery', 'alias'),
  RangeFunction: keySet('lateral', 'ordinality', 'is_rowsfrom', 'functions', 'alias', 'coldeflist'),
  ColumnDef: keySet('colname', 'typeName', 'is_local', 'collClause', 'location'),
  JoinExpr: keySet(
    'jointype', 'isNatural', 'larg', 'rarg', 'usingClause', 'join_using_alias', 'quals', 'alias', 'rtindex',
  ),
  RangeTableSample: keySet('relation', 'method', 'args', 'repeatable', 'location'),
  A_Const: keySet('ival', 'fval', 'boolval', 'sval', 'bsval', 'isnull', 'location'),
  ColumnRef: keySet('fields', 'location'),
  ParamRef: keySet('number', 'location'),
  A_Expr: keySet('kind', 'name', 'lexpr', 'rexpr', 'rexpr_list_start', 'rexpr_list_end', 'location'),
  BoolExpr: keySet('boolop', 'args', 'location'),
  FuncCall: keySet(
    'funcname', 'args', 'agg_order', 'agg_filter', 'over', 'agg_within_group', 'agg_star', 'agg_distinct',
    'func_variadic', 'funcformat', 'location',
  ),
  NamedArgExpr: keySet('arg', 'name', 'argnumber', 'location'),
  WindowDef: keySet(
    'name', 'refname', 'partitionClause', 'orderClause', 'frameOptions', 'startOffset', 'endOffset', 'location',
  ),
  SortBy: keySet('node', 'sortby_dir', 'sortby_nulls', 'useOp', 'location'),
  TypeCast: keySet('arg', 'typeName', 'location'),
  TypeName: keySet('names', 'typeOid', 'setof', 'pct_type', 'typmods', 'typemod', 'arrayBounds', 'location'),
  CollateClause: keySet('arg', 'collname', 'location'),
  SubLink: keySet('subLinkType', 'testexpr', 'operName', 'subselect', 'location'),
  CaseExpr: keySet('arg', 'args', 'defresult', 'location'),
  CaseWhen: keySet('expr', 'result', 'location'),
  CoalesceExpr: keySet('args', 'location'),
  MinMaxExpr: keySet('op', 'args', 'location'),
  NullTest: keySet('arg', 'nulltesttype', 'argisrow', 'location'),
  BooleanTest: keySet('arg', 'booltesttype', 'location'),
  RowExpr: keySet('args', 'row_format', 'colnames', 'location'),
  A_ArrayExpr: keySet('elements', 'list_start', 'list_end', 'location'),
  A_Indirection: keySet('arg', 'indirection'),
  A_Indices: keySet('is_slice', 'lidx', 'uidx'),
  SQLValueFunction: keySet('op', 'typmod', 'location'),
  GroupingFunc: keySet('args', 'location'),
  GroupingSet: keySet('kind', 'content', 'location'),
  JsonFormat: keySet('format_type', 'encoding', 'location'),
  JsonValueExpr: keySet('raw_expr', 'format'),
  JsonOutput: keySet('typeName', 'returning'),
  JsonReturning: keySet('format', 'typid', 'typmod'),
  JsonKeyValue: keySet('key', 'value'),
  JsonObjectConstructor: keySet('exprs', 'output', 'absent_on_null', 'unique', 'location'),
  JsonArrayConstructor: keySet('exprs', 'output', 'absent_on_null', 'location'),
  JsonArrayQueryConstructor: keySet('query', 'output', 'format', 'absent_on_null', 'location'),
  JsonAggConstructor: keySet('output', 'agg_filter', 'agg_order', 'over', 'location'),
  JsonObjectAgg: keySet('constructor', 'arg', 'absent_on_null', 'unique'),
  JsonArrayAgg: keySet('constructor', 'arg', 'absent_on_null'),
  JsonIsPredicate: keySet('expr', 'format', 'item_type', 'unique_keys', 'location'),
  JsonParseExpr: keySet('expr', 'output', 'unique_keys', 'location'),
  JsonScalarExpr: keySet('expr', 'output', 'location'),
  JsonSerializeExpr: keySet('expr', 'output', 'location'),
  JsonFuncExpr: keySet(
    'op', 'column_name', 'context_item', 'pathspec', 'passing', 'output', 'on_empty', 'on_error', 'wrapper', 'quotes',
    'location',
  ),
  JsonArgument: keySet('val', 'name'),
  JsonBehavior: keySet('btype', 'expr', 'coerce', 'location'),
};

const SET_OPS = keySet('SETOP_UNION', 'SETOP_INTERSECT', 'SETOP_EXCEPT');
const LIMIT_OPTIONS = keySet('LIMIT_OPTION_DEFAULT', 'LIMIT_OPTION_COUNT', 'LIMIT_OPTION_WITH_TIES');
const SUBLINK_TYPES = keySet(
  'EXISTS_SUBLINK', 'ALL_SUBLINK', 'ANY_SUBLINK', 'ROWCOMPARE_SUBLINK', 'EXPR_SUBLINK', 'ARRAY_SUBLINK',
);
const OPERATOR_EXPR_KINDS = keySet('AEXPR_OP', 'AEXPR_OP_ANY', 'AEXPR_OP_ALL');
const GROUPING_SET_KINDS = keySet(
  'GROUPING_SET_EMPTY', 'GROUPING_SET_SIMPLE', 'GROUPING_SET_ROLLUP', 'GROUPING_SET_CUBE', 'GROUPING_SET_SETS',
);
const FUNC_FORMATS = keySet('COERCE_EXPLICIT_CALL', 'COERCE_SQL_SYNTAX');
const XML_OPS: Record<string, string> = {
  IS_XMLCONCAT: 'xmlconcat',
  IS_XMLELEMENT: 'xmlelement',
  IS_XMLFOREST: 'xmlforest',
  IS_XMLPARSE: 'xmlparse',
  IS_XMLPI: 'xmlpi',
  IS_XMLROOT: 'xmlroot',
  IS_XMLSERIALIZE: 'xmlserialize',
  IS_DOCUMENT: 'IS DOCUMENT',
};
const LOCK_STRENGTHS: Record<string, string> = {
  LCS_FORKEYSHARE: 'FOR KEY SHARE',
  LCS_FORSHARE: 'FOR SHARE',
  LCS_FORNOKEYUPDATE: 'FOR NO KEY UPDATE',
  LCS_FORUPDATE: 'FOR UPDATE',
};

function nodeType(node: N): string {
  for (const k in node) return k;
  return '';
}

class Walker {
  best: Violation | null = null;
  readonly relations = new Set<string>();
  private depth = 0;

  constructor(
    private readonly allowed: ReadonlySet<string>,
    private readonly maxDepth: number,
    private readonly allowParameters: boolean,
  ) {}

  fail(code: SqlValidationCode, subject?: string, location = -1): void {
    if (!this.best || RANK[code] < RANK[this.best.code]) this.best = { code, subject, location };
  }

  /** Every field of `body` must be one this walker knows for `type`; fields are omitted by the parser when default. */
  private keys(body: N, allowed: ReadonlySet<string>, type: string): void {
    for (const k in body) {
      if (!allowed.has(k)) this.fail('SQL_UNSUPPORTED_CONSTRUCT', `${type}.${k}`, loc(body));
    }
  }

  private enter(location: number): boolean {
    if (++this.depth > this.maxDepth) {
      this.depth--;
      this.fail('SQL_TOO_COMPLEX', String(this.maxDepth), location);
      return false;
    }
    return true;
  }

  // --- statements ------------------------------------------------------------------------------------------------

  select(s: N, scope: Scope | null): void {
    if (!this.enter(-1)) return;
    this.keys(s, K.SelectStmt, 'SelectStmt');
    if (s.intoClause) this.fail('SQL_SELECT_INTO', s.intoClause.rel?.relname, loc(s.intoClause.rel));
    if (s.lockingClause) {
      const lc = (s.lockingClause as N[])[0]?.LockingClause ?? {};
      this.fail('SQL_LOCKING_CLAUSE', LOCK_STRENGTHS[lc.strength] ?? 'FOR UPDATE', loc(lc.lockedRels?.[0]?.RangeVar));
    }
    if (s.limitOption !== undefined && !LIMIT_OPTIONS.has(s.limitOption)) {
      this.fail('SQL_UNSUPPORTED_CONSTRUCT', `SelectStmt.limitOption=${s.limitOption}`);
    }

    const inner = s.withClause ? this.withClause(s.withClause, scope) : scope;

    if (s.op === undefined || s.op === 'SETOP_NONE') {
      if (s.larg || s.rarg) this.fail('SQL_UNSUPPORTED_CONSTRUCT', 'SelectStmt.larg');
      this.exprList(s.distinctClause, inner, true);
      if (s.targetList) for (const t of s.targetList as N[]) this.resTarget(t, inner);
      if (s.fromClause) for (const f of s.fromClause as N[]) this.fromItem(f, inner);
      this.expr(s.whereClause, inner);
      if (s.groupClause) for (const g of s.groupClause as N[]) this.groupItem(g, inner);
      this.expr(s.havingClause, inner);
      if (s.windowClause) {
        for (const w of s.windowClause as N[]) {
          if (w.WindowDef) this.windowDef(w.WindowDef, inner);
          else this.fail('SQL_UNSUPPORTED_CONSTRUCT', nodeType(w));
        }
      }
      if (s.valuesLists) {
        for (const row of s.valuesLists as N[]) {
          if (row.List) this.exprList(row.List.items, inner);
          else this.fail('SQL_UNSUPPORTED_CONSTRUCT', nodeType(row));
        }
      }
    } else if (SET_OPS.has(s.op)) {
      if (!s.larg || !s.rarg) this.fail('SQL_UNSUPPORTED_CONSTRUCT', String(s.op));
      else {
        this.select(s.larg, inner);
        this.select(s.rarg, inner);
      }
      if (s.targetList || s.fromClause || s.whereClause || s.groupClause || s.havingClause || s.windowClause ||
          s.valuesLists || s.distinctClause) {
        this.fail('SQL_UNSUPPORTED_CONSTRUCT', `SelectStmt(${s.op})`);
      }
    } else {
      this.fail('SQL_UNSUPPORTED_CONSTRUCT', `SelectStmt.op=${s.op}`);
    }
    this.sortList(s.sortClause, inner);
    this.expr(s.limitOffset, inner);
    this.expr(s.limitCount, inner);
    this.depth--;
  }

  /**
   * CTE scoping exactly as PostgreSQL's parse_cte.c: without RECURSIVE, a CTE sees the CTEs before it (not itself:
   * a self-reference means an outer CTE or a table of that name); with RECURSIVE, every CTE of the list sees all of
   * them. The main query sees all. Nothing is visible outside the SELECT that owns the WITH.
   */
  private withClause(w: N, scope: Scope | null): Scope | null {
    this.keys(w, K.WithClause, 'WithClause');
    const ctes: N[] = [];
    for (const item of (w.ctes ?? []) as N[]) {
      const cte = item.CommonTableExpr;
      if (!cte) {
        this.fail('SQL_UNSUPPORTED_CONSTRUCT', nodeType(item));
        continue;
      }
      this.keys(cte, K.CommonTableExpr, 'CommonTableExpr');
      const qtype = nodeType(cte.ctequery ?? {});
      if (qtype !== 'SelectStmt') {
        this.fail('SQL_WRITE_IN_CTE', `${cte.ctename}:${statementKind(qtype, cte.ctequery?.[qtype])}`, loc(cte));
      }
      ctes.push(cte);
    }
    if (w.recursive) {
      const all: Scope = { names: new Set(ctes.map((c) => String(c.ctename))), parent: scope };
      for (const cte of ctes) this.cteBody(cte, all);
      return all;
    }
    let cur = scope;
    for (const cte of ctes) {
      this.cteBody(cte, cur);
      cur = { names: new Set([String(cte.ctename)]), parent: cur };
    }
    return cur;
  }

  private cteBody(cte: N, scope: Scope | null): void {
    this.stringList(cte.aliascolnames, 'CommonTableExpr.aliascolnames');
    if (cte.search_clause) {
      this.keys(cte.search_clause, K.CTESearchClause, 'CTESearchClause');
      this.stringList(cte.search_clause.search_col_list, 'CTESearchClause');
    }
    if (cte.cycle_clause) {
      this.keys(cte.cycle_clause, K.CTECycleClause, 'CTECycleClause');
      this.stringList(cte.cycle_clause.cycle_col_list, 'CTECycleClause');
      this.expr(cte.cycle_clause.cycle_mark_value, scope);
      this.expr(cte.cycle_clause.cycle_mark_default, scope);
    }
    if (cte.ctequery?.SelectStmt) this.select(cte.ctequery.SelectStmt, scope);
  }

  // --- FROM ------------------------------------------------------------------------------------------------------

  private fromItem(node: N, scope: Scope | null): void {
    const type = nodeType(node);
    const b = node[type] as N;
    if (!this.enter(loc(b))) return;
    switch (type) {
      case 'RangeVar':
        this.relation(b, scope);
        break;
      case 'RangeSubselect':
        this.keys(b, K.RangeSubselect, type);
        if (b.subquery?.SelectStmt) this.select(b.subquery.SelectStmt, scope);
        else this.fail('SQL_UNSUPPORTED_CONSTRUCT', `${type}.subquery`);
        this.alias(b.alias);
        break;
      case 'RangeFunction':
        this.rangeFunction(b, scope);
        break;
      case 'JoinExpr':
        this.keys(b, K.JoinExpr, type);
        if (b.larg) this.fromItem(b.larg, scope);
        if (b.rarg) this.fromItem(b.rarg, scope);
        this.stringList(b.usingClause, 'JoinExpr.usingClause');
        this.expr(b.quals, scope);
        this.alias(b.alias);
        this.alias(b.join_using_alias);
        break;
      case 'RangeTableSample': {
        this.keys(b, K.RangeTableSample, type);
        const method = this.stringList(b.method, 'TABLESAMPLE');
        if (method.length !== 1 || !ALLOWED_TABLESAMPLE_METHODS.has(method[0])) {
          this.fail('SQL_UNSUPPORTED_CONSTRUCT', `TABLESAMPLE ${method.join('.')}`, loc(b));
        }
        if (b.relation?.RangeVar) this.relation(b.relation.RangeVar, scope);
        else this.fail('SQL_UNSUPPORTED_CONSTRUCT', `${type}.relation`);
        this.exprList(b.args, scope);
        this.expr(b.repeatable, scope);
        break;
      }
      case 'RangeTableFunc':
        this.fail('SQL_FORBIDDEN_FUNCTION', 'xmltable', loc(b));
        break;
      default:
        this.fail('SQL_UNSUPPORTED_CONSTRUCT', type || 'FROM', loc(b));
    }
    this.depth--;
  }

  /** A table reference: an in-scope CTE, or one of the tenant's own relations, never schema-qualified. */
  private relation(rv: N, scope: Scope | null): void {
    this.keys(rv, K.RangeVar, 'RangeVar');
    const name = String(rv.relname ?? '');
    const location = loc(rv);
    if (rv.relpersistence !== undefined && rv.relpersistence !== 'p') {
      this.fail('SQL_UNSUPPORTED_CONSTRUCT', `RangeVar.relpersistence=${rv.relpersistence}`, location);
    }
    this.alias(rv.alias);
    if (rv.schemaname !== undefined || rv.catalogname !== undefined) {
      const parts = [rv.catalogname, rv.schemaname, name].filter((p) => p !== undefined).map(displayIdent);
      const schema = String(rv.schemaname ?? '');
      this.fail(isSystemSchema(schema) ? 'SQL_SYSTEM_CATALOG' : 'SQL_FOREIGN_SCHEMA', parts.join('.'), location);
      return;
    }
    if (inScope(scope, name)) return;
    if (isSystemSchema(name)) {
      // pg_catalog is searched before the tenant's schema: an unqualified pg_* name is a catalog relation.
      this.fail('SQL_SYSTEM_CATALOG', displayIdent(name), location);
      return;
    }
    if (this.allowed.has(name)) this.relations.add(name);
    else this.fail('SQL_UNKNOWN_RELATION', displayIdent(name), location);
  }

  private rangeFunction(b: N, scope: Scope | null): void {
    this.keys(b, K.RangeFunction, 'RangeFunction');
    for (const item of (b.functions ?? []) as N[]) {
      // each item: List [function expression, column definition list or empty]
      const pair = item.List?.items as N[] | undefined;
      if (!pair || pair.length < 1 || pair.length > 2) {
        this.fail('SQL_UNSUPPORTED_CONSTRUCT', 'RangeFunction.functions');
        continue;
      }
      const fn = pair[0];
      if (!fn.FuncCall && !fn.SQLValueFunction && !fn.CoalesceExpr && !fn.MinMaxExpr && !fn.TypeCast) {
        this.fail('SQL_UNSUPPORTED_CONSTRUCT', `FROM ${nodeType(fn)}`, loc(fn[nodeType(fn)]));
      }
      this.expr(fn, scope);
      const defs = pair[1];
      if (defs && nodeType(defs) !== '') {
        if (defs.List) this.columnDefs(defs.List.items, scope);
        else this.fail('SQL_UNSUPPORTED_CONSTRUCT', 'RangeFunction.coldeflist');
      }
    }
    this.alias(b.alias);
    this.columnDefs(b.coldeflist, scope);
  }

  private columnDefs(list: N[] | undefined, scope: Scope | null): void {
    if (!list) return;
    for (const d of list) {
      const cd = d.ColumnDef;
      if (!cd) {
        this.fail('SQL_UNSUPPORTED_CONSTRUCT', nodeType(d));
        continue;
      }
      this.keys(cd, K.ColumnDef, 'ColumnDef');
      this.typeName(cd.typeName, scope);
      if (cd.collClause) this.collation(cd.collClause.collname, loc(cd.collClause));
    }
  }

  private alias(a: N | undefined): void {
    if (!a) return;
    this.keys(a, K.Alias, 'Alias');
    this.stringList(a.colnames, 'Alias.colnames');
  }

  // --- select-list, grouping, ordering, windows ------------------------------------------------------------------

  private resTarget(t: N, scope: Scope | null): void {
    const rt = t.ResTarget;
    if (!rt) {
      this.fail('SQL_UNSUPPORTED_CONSTRUCT', nodeType(t));
      return;
    }
    this.keys(rt, K.ResTarget, 'ResTarget');
    this.expr(rt.val, scope);
  }

  private groupItem(g: N, scope: Scope | null): void {
    const gs = g.GroupingSet;
    if (!gs) {
      this.expr(g, scope);
      return;
    }
    this.keys(gs, K.GroupingSet, 'GroupingSet');
    if (!GROUPING_SET_KINDS.has(gs.kind)) this.fail('SQL_UNSUPPORTED_CONSTRUCT', `GroupingSet.kind=${gs.kind}`);
    if (gs.content) for (const c of gs.content as N[]) this.groupItem(c, scope);
  }

  private sortList(list: N[] | undefined, scope: Scope | null): void {
    if (!list) return;
    for (const item of list) {
      const sb = item.SortBy;
      if (!sb) {
        this.fail('SQL_UNSUPPORTED_CONSTRUCT', nodeType(item));
        continue;
      }
      this.keys(sb, K.SortBy, 'SortBy');
      if (sb.useOp) this.operator(sb.useOp, true, loc(sb));
      this.expr(sb.node, scope);
    }
  }

  private windowDef(w: N, scope: Scope | null): void {
    this.keys(w, K.WindowDef, 'WindowDef');
    this.exprList(w.partitionClause, scope);
    this.sortList(w.orderClause, scope);
    this.expr(w.startOffset, scope);
    this.expr(w.endOffset, scope);
  }

  // --- expressions -----------------------------------------------------------------------------------------------

  private exprList(list: N[] | undefined, scope: Scope | null, allowEmpty = false): void {
    if (!list) return;
    for (const e of list) {
      if (allowEmpty && nodeType(e) === '') continue; // plain DISTINCT is a list holding one empty node
      this.expr(e, scope);
    }
  }

  private expr(node: N | undefined, scope: Scope | null): void {
    if (node === undefined || node === null) return;
    const type = nodeType(node);
    const b = node[type] as N;
    if (!this.enter(loc(b))) return;
    switch (type) {
      case 'A_Const':
        this.keys(b, K.A_Const, type);
        break;
      case 'ColumnRef':
        this.columnRef(b);
        break;
      case 'ParamRef':
        this.keys(b, K.ParamRef, type);
        if (!this.allowParameters) this.fail('SQL_PARAMETER_NOT_ALLOWED', `$${b.number ?? 0}`, loc(b));
        break;
      case 'A_Expr':
        this.aExpr(b, scope);
        break;
      case 'BoolExpr':
        this.keys(b, K.BoolExpr, type);
        this.exprList(b.args, scope);
        break;
      case 'FuncCall':
        this.funcCall(b, scope);
        break;
      case 'NamedArgExpr':
        this.keys(b, K.NamedArgExpr, type);
        this.expr(b.arg, scope);
        break;
      case 'TypeCast':
        this.keys(b, K.TypeCast, type);
        this.expr(b.arg, scope);
        this.typeName(b.typeName, scope);
        break;
      case 'CollateClause':
        this.keys(b, K.CollateClause, type);
        this.expr(b.arg, scope);
        this.collation(b.collname, loc(b));
        break;
      case 'SubLink':
        this.keys(b, K.SubLink, type);
        if (!SUBLINK_TYPES.has(b.subLinkType)) {
          this.fail('SQL_UNSUPPORTED_CONSTRUCT', `SubLink.${b.subLinkType}`, loc(b));
        }
        if (b.operName) this.operator(b.operName, true, loc(b));
        this.expr(b.testexpr, scope);
        if (b.subselect?.SelectStmt) this.select(b.subselect.SelectStmt, scope);
        else this.fail('SQL_UNSUPPORTED_CONSTRUCT', 'SubLink.subselect', loc(b));
        break;
      case 'CaseExpr':
        this.keys(b, K.CaseExpr, type);
        this.expr(b.arg, scope);
        this.exprList(b.args, scope);
        this.expr(b.defresult, scope);
        break;
      case 'CaseWhen':
        this.keys(b, K.CaseWhen, type);
        this.expr(b.expr, scope);
        this.expr(b.result, scope);
        break;
      case 'CoalesceExpr':
        this.keys(b, K.CoalesceExpr, type);
        this.exprList(b.args, scope);
        break;
      case 'MinMaxExpr':
        this.keys(b, K.MinMaxExpr, type);
        this.exprList(b.args, scope);
        break;
      case 'NullTest':
        this.keys(b, K.NullTest, type);
        this.expr(b.arg, scope);
        break;
      case 'BooleanTest':
        this.keys(b, K.BooleanTest, type);
        this.expr(b.arg, scope);
        break;
      case 'RowExpr':
        this.keys(b, K.RowExpr, type);
        this.exprList(b.args, scope);
        this.stringList(b.colnames, 'RowExpr.colnames');
        break;
      case 'A_ArrayExpr':
        this.keys(b, K.A_ArrayExpr, type);
        this.exprList(b.elements, scope);
        break;
      case 'A_Indirection':
        this.keys(b, K.A_Indirection, type);
        this.expr(b.arg, scope);
        for (const ind of (b.indirection ?? []) as N[]) {
          if (ind.A_Indices) {
            this.keys(ind.A_Indices, K.A_Indices, 'A_Indices');
            this.expr(ind.A_Indices.lidx, scope);
            this.expr(ind.A_Indices.uidx, scope);
          } else if (!ind.String && !ind.A_Star) {
            this.fail('SQL_UNSUPPORTED_CONSTRUCT', `A_Indirection ${nodeType(ind)}`);
          }
        }
        break;
      case 'SQLValueFunction':
        this.keys(b, K.SQLValueFunction, type);
        if (!ALLOWED_SQL_VALUE_FUNCTIONS.has(b.op)) {
          this.fail('SQL_FORBIDDEN_FUNCTION', String(b.op).replace(/^SVFOP_/, '').replace(/_N$/, ''), loc(b));
        }
        break;
      case 'GroupingFunc':
        this.keys(b, K.GroupingFunc, type);
        this.exprList(b.args, scope);
        break;
      case 'XmlExpr':
        this.fail('SQL_FORBIDDEN_FUNCTION', XML_OPS[b.op] ?? 'xml', loc(b));
        break;
      case 'XmlSerialize':
        this.fail('SQL_FORBIDDEN_FUNCTION', 'xmlserialize', loc(b));
        break;
      // SQL/JSON (PostgreSQL 16+): constructors, predicates and query functions, all pure.
      case 'JsonValueExpr':
        this.jsonValue(b, scope);
        break;
      case 'JsonKeyValue':
        this.jsonKeyValue(b, scope);
        break;
      case 'JsonArgument':
        this.keys(b, K.JsonArgument, type);
        this.jsonValue(b.val, scope);
        break;
      case 'JsonObjectConstructor':
        this.keys(b, K.JsonObjectConstructor, type);
        this.exprList(b.exprs, scope);
        this.jsonOutput(b.output, scope);
        break;
      case 'JsonArrayConstructor':
        this.keys(b, K.JsonArrayConstructor, type);
        this.exprList(b.exprs, scope);
        this.jsonOutput(b.output, scope);
        break;
      case 'JsonArrayQueryConstructor':
        this.keys(b, K.JsonArrayQueryConstructor, type);
        if (b.query?.SelectStmt) this.select(b.query.SelectStmt, scope);
        else this.fail('SQL_UNSUPPORTED_CONSTRUCT', `${type}.query`, loc(b));
        this.jsonOutput(b.output, scope);
        this.jsonFormat(b.format);
        break;
      case 'JsonObjectAgg':
        this.keys(b, K.JsonObjectAgg, type);
        this.jsonAggConstructor(ownField(b, 'constructor'), scope);
        this.jsonKeyValue(b.arg, scope);
        break;
      case 'JsonArrayAgg':
        this.keys(b, K.JsonArrayAgg, type);
        this.jsonAggConstructor(ownField(b, 'constructor'), scope);
        this.jsonValue(b.arg, scope);
        break;
      case 'JsonIsPredicate':
        this.keys(b, K.JsonIsPredicate, type);
        this.expr(b.expr, scope);
        this.jsonFormat(b.format);
        break;
      case 'JsonParseExpr':
        this.keys(b, K.JsonParseExpr, type);
        this.jsonValue(b.expr, scope);
        this.jsonOutput(b.output, scope);
        break;
      case 'JsonScalarExpr':
        this.keys(b, K.JsonScalarExpr, type);
        this.expr(b.expr, scope);
        this.jsonOutput(b.output, scope);
        break;
      case 'JsonSerializeExpr':
        this.keys(b, K.JsonSerializeExpr, type);
        this.jsonValue(b.expr, scope);
        this.jsonOutput(b.output, scope);
        break;
      case 'JsonFuncExpr':
        this.keys(b, K.JsonFuncExpr, type);
        this.jsonValue(b.context_item, scope);
        this.expr(b.pathspec, scope);
        this.exprList(b.passing, scope);
        this.jsonOutput(b.output, scope);
        this.jsonBehavior(b.on_empty, scope);
        this.jsonBehavior(b.on_error, scope);
        break;
      default:
        this.fail('SQL_UNSUPPORTED_CONSTRUCT', type || 'expressão vazia', loc(b));
    }
    this.depth--;
  }

  /** Column references: `col`, `tbl.col`, `*`, `tbl.*`. Three parts or more would name a schema (or catalog). */
  private columnRef(b: N): void {
    this.keys(b, K.ColumnRef, 'ColumnRef');
    const fields = (b.fields ?? []) as N[];
    const parts: string[] = [];
    fields.forEach((f, i) => {
      if (f.String) parts.push(String(f.String.sval));
      else if (f.A_Star && i === fields.length - 1) parts.push('*');
      else this.fail('SQL_UNSUPPORTED_CONSTRUCT', `ColumnRef ${nodeType(f)}`, loc(b));
    });
    if (parts.length === 0 || parts.length > 2) {
      if (parts.length > 2) {
        const first = parts.length > 3 ? parts[1] : parts[0];
        const code = isSystemSchema(first) || isSystemSchema(parts[0]) ? 'SQL_SYSTEM_CATALOG' : 'SQL_FOREIGN_SCHEMA';
        this.fail(code, parts.map((p) => (p === '*' ? p : displayIdent(p))).join('.'), loc(b));
      } else this.fail('SQL_UNSUPPORTED_CONSTRUCT', 'ColumnRef', loc(b));
    }
  }

  private aExpr(b: N, scope: Scope | null): void {
    this.keys(b, K.A_Expr, 'A_Expr');
    const kind = String(b.kind);
    if (OPERATOR_EXPR_KINDS.has(kind)) {
      this.operator(b.name, b.lexpr !== undefined || kind !== 'AEXPR_OP', loc(b));
    } else {
      const names = GRAMMAR_EXPR_NAMES[kind];
      const n = b.name as N[] | undefined;
      if (!names) this.fail('SQL_UNSUPPORTED_CONSTRUCT', `A_Expr.${kind}`, loc(b));
      else if (!n || n.length !== 1 || !n[0].String || !names.has(n[0].String.sval)) {
        this.fail('SQL_FORBIDDEN_OPERATOR', operatorName(n), loc(b));
      }
    }
    this.expr(b.lexpr, scope);
    const r = b.rexpr as N | undefined;
    if (r?.List) this.exprList(r.List.items, scope); // IN (…) and BETWEEN … AND …
    else this.expr(r, scope);
  }

  /** An operator name list: a bare allowed operator; `OPERATOR(schema.op)` is refused. */
  private operator(name: N[] | undefined, binary: boolean, location: number): void {
    if (!name || name.length === 0 || name.some((p) => !p.String)) {
      this.fail('SQL_UNSUPPORTED_CONSTRUCT', 'operador', location);
      return;
    }
    if (name.length > 1) {
      const schema = String(name[0].String.sval);
      const display = `OPERATOR(${name.map((p) => p.String.sval).join('.')})`;
      this.fail(isSystemSchema(schema) ? 'SQL_SYSTEM_CATALOG' : 'SQL_FOREIGN_SCHEMA', display, location);
      return;
    }
    const op = String(name[0].String.sval);
    if (!(binary ? ALLOWED_BINARY_OPERATORS : ALLOWED_PREFIX_OPERATORS).has(op)) {
      this.fail('SQL_FORBIDDEN_OPERATOR', op, location);
    }
  }

  private funcCall(b: N, scope: Scope | null): void {
    this.keys(b, K.FuncCall, 'FuncCall');
    const location = loc(b);
    const parts = ((b.funcname ?? []) as N[]).map((p) => (p.String ? String(p.String.sval) : undefined));
    if (parts.length === 0 || parts.some((p) => p === undefined)) {
      this.fail('SQL_UNSUPPORTED_CONSTRUCT', 'FuncCall.funcname', location);
    } else {
      const name = parts[parts.length - 1] as string;
      if (parts.length === 1) {
        if (!ALLOWED_FUNCTIONS.has(name)) this.fail('SQL_FORBIDDEN_FUNCTION', displayIdent(name), location);
      } else {
        const schema = parts[parts.length - 2] as string;
        const display = (parts as string[]).map(displayIdent).join('.');
        if (parts.length === 2 && schema === 'pg_catalog') {
          // The grammar spells EXTRACT, TRIM, AT TIME ZONE… as pg_catalog.<fn>; a hand-qualified pg_catalog call of
          // a forbidden function is still, first of all, a forbidden function (PG_CATALOG."pg_read_file"(…)).
          if (!ALLOWED_FUNCTIONS.has(name)) this.fail('SQL_FORBIDDEN_FUNCTION', displayIdent(name), location);
          else if (!GRAMMAR_QUALIFIED_FUNCTIONS.has(name)) this.fail('SQL_SYSTEM_CATALOG', display, location);
        } else {
          const sys = isSystemSchema(schema) || (parts.length > 2 && isSystemSchema(parts[parts.length - 3] ?? ''));
          this.fail(sys ? 'SQL_SYSTEM_CATALOG' : 'SQL_FOREIGN_SCHEMA', display, location);
        }
      }
    }
    if (b.funcformat !== undefined && !FUNC_FORMATS.has(b.funcformat)) {
      this.fail('SQL_UNSUPPORTED_CONSTRUCT', `FuncCall.funcformat=${b.funcformat}`, location);
    }
    this.exprList(b.args, scope);
    this.sortList(b.agg_order, scope);
    this.expr(b.agg_filter, scope);
    if (b.over) this.windowDef(b.over, scope);
  }

  /** Cast targets (and column definition types): no reg*, xml, pseudo-types; no other schema. */
  private typeName(t: N | undefined, scope: Scope | null): void {
    if (!t) {
      this.fail('SQL_UNSUPPORTED_CONSTRUCT', 'TypeName');
      return;
    }
    this.keys(t, K.TypeName, 'TypeName');
    const location = loc(t);
    if (t.setof) this.fail('SQL_UNSUPPORTED_CONSTRUCT', 'SETOF', location);
    if (t.pct_type) this.fail('SQL_UNSUPPORTED_CONSTRUCT', '%TYPE', location);
    const parts = ((t.names ?? []) as N[]).map((p) => (p.String ? String(p.String.sval) : undefined));
    if (parts.length === 0 || parts.some((p) => p === undefined)) {
      this.fail('SQL_UNSUPPORTED_CONSTRUCT', 'TypeName.names', location);
    } else {
      const name = parts[parts.length - 1] as string;
      const base = name.startsWith('_') ? name.slice(1) : name;
      if (FORBIDDEN_TYPES.has(base)) this.fail('SQL_FORBIDDEN_CAST', displayIdent(name), location);
      if (parts.length > 1) {
        const schema = parts[parts.length - 2] as string;
        // The grammar itself qualifies SQL-standard types (INT → pg_catalog.int4, NUMERIC(14,2), INTERVAL…).
        if (parts.length > 2 || schema !== 'pg_catalog') {
          const display = (parts as string[]).map(displayIdent).join('.');
          this.fail(isSystemSchema(schema) ? 'SQL_SYSTEM_CATALOG' : 'SQL_FOREIGN_SCHEMA', display, location);
        }
      }
    }
    this.exprList(t.typmods, scope);
    for (const ab of (t.arrayBounds ?? []) as N[]) {
      if (!ab.Integer) this.fail('SQL_UNSUPPORTED_CONSTRUCT', 'TypeName.arrayBounds', location);
    }
  }

  private collation(collname: N[] | undefined, location: number): void {
    const parts = this.stringList(collname, 'COLLATE');
    if (parts.length === 1) return;
    const schema = parts[0] ?? '';
    const display = parts.map(displayIdent).join('.');
    this.fail(isSystemSchema(schema) ? 'SQL_SYSTEM_CATALOG' : 'SQL_FOREIGN_SCHEMA', `COLLATE ${display}`, location);
  }

  private jsonValue(v: N | undefined, scope: Scope | null): void {
    if (!v) return;
    this.keys(v, K.JsonValueExpr, 'JsonValueExpr');
    this.expr(v.raw_expr, scope);
    this.jsonFormat(v.format);
  }

  private jsonKeyValue(kv: N | undefined, scope: Scope | null): void {
    if (!kv) return;
    this.keys(kv, K.JsonKeyValue, 'JsonKeyValue');
    this.expr(kv.key, scope);
    this.jsonValue(kv.value, scope);
  }

  private jsonFormat(f: N | undefined): void {
    if (f) this.keys(f, K.JsonFormat, 'JsonFormat');
  }

  private jsonOutput(o: N | undefined, scope: Scope | null): void {
    if (!o) return;
    this.keys(o, K.JsonOutput, 'JsonOutput');
    if (o.typeName) this.typeName(o.typeName, scope);
    if (o.returning) {
      this.keys(o.returning, K.JsonReturning, 'JsonReturning');
      this.jsonFormat(o.returning.format);
    }
  }

  private jsonAggConstructor(c: N | undefined, scope: Scope | null): void {
    if (!c) return;
    this.keys(c, K.JsonAggConstructor, 'JsonAggConstructor');
    this.jsonOutput(c.output, scope);
    this.expr(c.agg_filter, scope);
    this.sortList(c.agg_order, scope);
    if (c.over) this.windowDef(c.over, scope);
  }

  private jsonBehavior(jb: N | undefined, scope: Scope | null): void {
    if (!jb) return;
    this.keys(jb, K.JsonBehavior, 'JsonBehavior');
    this.expr(jb.expr, scope);
  }

  /** A list of String nodes (column names, USING lists…); anything else is refused. */
  private stringList(list: N[] | undefined, what: string): string[] {
    if (!list) return [];
    const out: string[] = [];
    for (const item of list) {
      if (item.String) out.push(String(item.String.sval ?? ''));
      else this.fail('SQL_UNSUPPORTED_CONSTRUCT', `${what} ${nodeType(item)}`);
    }
    return out;
  }
}

function inScope(scope: Scope | null, name: string): boolean {
  for (let s = scope; s; s = s.parent) if (s.names.has(name)) return true;
  return false;
}

/** A field that is the node's own (`constructor` would otherwise be Object's). */
function ownField(b: N, field: string): N | undefined {
  return Object.prototype.hasOwnProperty.call(b, field) ? b[field] : undefined;
}

function loc(b: N | undefined): number {
  return b && typeof b.location === 'number' ? b.location : -1;
}

function operatorName(name: N[] | undefined): string {
  return (name ?? []).map((p) => (p.String ? p.String.sval : '?')).join('.') || '?';
}

/** An identifier as it would have to be written: plain when it is a plain lower-case name, else double-quoted. */
function displayIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Statement kinds, errors, messages

const STATEMENT_KINDS: Record<string, string> = {
  InsertStmt: 'INSERT',
  UpdateStmt: 'UPDATE',
  DeleteStmt: 'DELETE',
  MergeStmt: 'MERGE',
  CopyStmt: 'COPY',
  LockStmt: 'LOCK',
  PrepareStmt: 'PREPARE',
  ExecuteStmt: 'EXECUTE',
  DeallocateStmt: 'DEALLOCATE',
  ListenStmt: 'LISTEN',
  UnlistenStmt: 'UNLISTEN',
  NotifyStmt: 'NOTIFY',
  DiscardStmt: 'DISCARD',
  DoStmt: 'DO',
  CallStmt: 'CALL',
  ExplainStmt: 'EXPLAIN',
  VariableShowStmt: 'SHOW',
  DeclareCursorStmt: 'DECLARE',
  FetchStmt: 'FETCH',
  ClosePortalStmt: 'CLOSE',
  TruncateStmt: 'TRUNCATE',
  CreateStmt: 'CREATE TABLE',
  ViewStmt: 'CREATE VIEW',
  AlterRoleSetStmt: 'ALTER ROLE',
  CheckPointStmt: 'CHECKPOINT',
  LoadStmt: 'LOAD',
};

/** The SQL keyword(s) of a statement node type, for messages: DeleteStmt → DELETE, VariableSetStmt → SET/RESET… */
export function statementKind(type: string, body: N | undefined): string {
  if (STATEMENT_KINDS[type]) return STATEMENT_KINDS[type];
  switch (type) {
    case 'VariableSetStmt':
      return String(body?.kind ?? '').startsWith('VAR_RESET') ? 'RESET' : 'SET';
    case 'TransactionStmt':
      return String(body?.kind ?? 'TRANS_STMT_BEGIN').replace(/^TRANS_STMT_/, '').replace(/_/g, ' ');
    case 'CreateTableAsStmt':
      return body?.objtype === 'OBJECT_MATVIEW' ? 'CREATE MATERIALIZED VIEW' : 'CREATE TABLE AS';
    case 'CreateFunctionStmt':
      return body?.is_procedure ? 'CREATE PROCEDURE' : 'CREATE FUNCTION';
    case 'VacuumStmt':
      return body?.is_vacuumcmd ? 'VACUUM' : 'ANALYZE';
    case 'GrantStmt':
      return body?.is_grant ? 'GRANT' : 'REVOKE';
    case '':
      return 'comando vazio';
    default:
      return type
        .replace(/Stmt$/, '')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toUpperCase();
  }
}

/** First index of a NUL or of an unpaired surrogate: text the parser (a C string) and the server could read apart. */
function invalidCharacterIndex(sql: string): number {
  const wellFormed = (sql as unknown as { isWellFormed?: () => boolean }).isWellFormed;
  if (sql.indexOf('\0') < 0 && wellFormed && wellFormed.call(sql)) return -1; // fast path (Node ≥ 20)
  for (let i = 0; i < sql.length; i++) {
    const c = sql.charCodeAt(i);
    if (c === 0) return i;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < sql.length ? sql.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      else return i;
    } else if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

function syntaxFailure(sql: string, raw: string, cursor: number): ValidationFailure {
  const index = cursor >= 0 ? indexOfCodePointOffset(sql, cursor) : -1;
  if (/^memory exhausted/.test(raw)) return failure('SQL_TOO_COMPLEX', sql, undefined, -1, undefined, index);
  return failure('SQL_SYNTAX_ERROR', sql, raw, -1, undefined, index);
}

function failure(
  code: SqlValidationCode,
  sql: string,
  subject?: string,
  utf8Location = -1,
  detail?: string,
  jsIndex = -1,
): ValidationFailure {
  let position: SourcePosition | undefined;
  if (jsIndex >= 0) position = positionAt(sql, jsIndex);
  else if (utf8Location >= 0) position = positionAt(sql, indexOfUtf8Offset(sql, utf8Location));
  const out: ValidationFailure = { ok: false, code, message: message(code, subject, detail, position) };
  if (subject !== undefined && code !== 'SQL_SYNTAX_ERROR') out.subject = subject;
  if (position) out.position = position;
  return out;
}

function translateParserMessage(m: string): string {
  return m
    .replace(/^syntax error at or near (.*)$/, 'erro de sintaxe em ou perto de $1')
    .replace(/^syntax error at end of input$/, 'erro de sintaxe: a consulta termina antes do esperado')
    .replace(/^unterminated quoted string at or near (.*)$/, 'texto entre aspas sem fechamento em $1')
    .replace(/^unterminated quoted identifier at or near (.*)$/, 'identificador entre aspas sem fechamento em $1')
    .replace(/^unterminated dollar-quoted string at or near (.*)$/, 'texto entre $$ sem fechamento em $1')
    .replace(/^unterminated \/\* comment at or near (.*)$/, 'comentário /* sem fechamento em $1');
}

function message(code: SqlValidationCode, subject?: string, detail?: string, pos?: SourcePosition): string {
  const where = pos ? ` (linha ${pos.line}, coluna ${pos.column})` : '';
  switch (code) {
    case 'SQL_TOO_LONG':
      return `A consulta é longa demais (${detail} caracteres).`;
    case 'SQL_EMPTY_QUERY':
      return 'A consulta está vazia.';
    case 'SQL_INVALID_CHARACTER':
      return `A consulta contém um caractere inválido${where}.`;
    case 'SQL_SYNTAX_ERROR':
      return `Erro de sintaxe${where}: ${translateParserMessage(subject ?? '')}.`;
    case 'SQL_TOO_COMPLEX':
      return `A consulta é aninhada demais para ser analisada${where}.`;
    case 'SQL_PARSER_UNAVAILABLE':
      return 'O analisador de SQL está sendo reiniciado; tente novamente em instantes.';
    case 'SQL_MULTIPLE_STATEMENTS':
      return `Envie um único comando SELECT; foram encontrados ${subject} comandos${where}.`;
    case 'SQL_NOT_SELECT':
      return `Somente consultas SELECT são permitidas: ${subject} não é permitido.`;
    case 'SQL_WRITE_IN_CTE': {
      const [cte, kind] = String(subject).split(/:(.*)/s);
      return `A cláusula WITH "${cte}" contém ${kind}: só SELECT é permitido dentro de WITH${where}.`;
    }
    case 'SQL_SELECT_INTO':
      return `SELECT … INTO${subject ? ` ${subject}` : ''} cria uma tabela e não é permitido${where}.`;
    case 'SQL_LOCKING_CLAUSE':
      return `Cláusulas de bloqueio de linhas (${subject}) não são permitidas${where}.`;
    case 'SQL_FORBIDDEN_FUNCTION':
      return `A função ${subject} não é permitida${where}.`;
    case 'SQL_FOREIGN_SCHEMA':
      return `Nomes qualificados por esquema não são permitidos: ${subject}${where}. Use apenas os objetos do seu ambiente, sem prefixo.`;
    case 'SQL_SYSTEM_CATALOG':
      return `O catálogo do sistema não pode ser consultado: ${subject}${where}.`;
    case 'SQL_FORBIDDEN_CAST':
      return `Conversão para o tipo ${subject} não é permitida${where}.`;
    case 'SQL_FORBIDDEN_OPERATOR':
      return `O operador ${subject} não é permitido${where}.`;
    case 'SQL_PARAMETER_NOT_ALLOWED':
      return `Parâmetros (${subject}) não são permitidos nesta consulta${where}.`;
    case 'SQL_UNKNOWN_RELATION':
      return `A tabela ou consulta ${subject} não existe ou não está disponível${where}.`;
    case 'SQL_UNSUPPORTED_CONSTRUCT':
      return `Construção SQL não suportada: ${subject}${where}.`;
  }
}
