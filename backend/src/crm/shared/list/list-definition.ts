import { ident } from '../../../database/sql';

/**
 * How a resource declares its list: the allow-list of what clients may filter, sort, select and search.
 * Everything the list engine puts into SQL comes from here (identifiers quoted by ident()); values from the
 * query string are always bound ($n). See docs/api.md, "Lists", for the wire format.
 */

/** Field types the engine knows how to parse, bind, compare and print. */
export type FieldType = 'text' | 'enum' | 'uuid' | 'date' | 'timestamp' | 'number' | 'integer' | 'boolean';

/** `eq` → `?status=a`; `in` → `?status=a,b` or repeated; `range` → `createdFrom/createdTo`, `amountMin/amountMax`. */
export type FilterOp = 'eq' | 'in' | 'range';

export interface FieldSpec {
  /** The real column (unqualified; quoted by the engine). */
  column: string;
  type: FieldType;
  /** The column may hold NULL: sorting and the keyset then handle NULLs explicitly. Default true. */
  nullable?: boolean;
  /** Allowed values of an `enum` (stored values, e.g. 'lead', 'cliente'). */
  values?: readonly string[];
  /** Filter operators offered (none when absent). */
  filter?: readonly FilterOp[];
  sort?: boolean;
  /** Returned in items and offered by `?fields=` (default true). */
  select?: boolean;
  /** The exact PostgreSQL type to bind values with (default from `type`; e.g. 'bpchar' for char(n), 'int2'). */
  pgType?: string;
  /** Names of the range parameters when the default (createdAt → createdFrom/createdTo, amount → amountMin/amountMax) does not fit. */
  rangeParams?: readonly [string, string];
  /** Canonical form of an eq/in value (e.g. lower-case e-mail, CPF digits); null → the value is invalid. */
  normalize?: (value: string) => string | null;
  description?: string;
}

/** A read-only value computed per row (e.g. tag names from a join table). `table` is the quoted table name. */
export interface ComputedField {
  sql: (table: string) => string;
  description?: string;
}

/** What a custom filter may use to build its condition. */
export interface FilterContext {
  /** The quoted table name, to correlate sub-queries (`EXISTS (… WHERE x.contato_id = ${table}.id)`). */
  table: string;
  /** Binds a value and returns its placeholder with a cast, e.g. `$3::uuid`. */
  bind: (value: unknown, pgType: string) => string;
  /** The caller's user id (null for API tokens without a user). */
  userId: string | null;
}

/** A filter parameter that is not a plain column comparison (owner=me, tag by name, a city in the address…). */
export interface CustomFilter {
  description: string;
  example?: string;
  /** Split each occurrence on commas (default false). */
  splitCommas?: boolean;
  /** Checks the raw values; returns a pt-BR message when they are invalid. */
  validate?: (values: string[], userId: string | null) => string | null;
  /** The SQL condition, with every value bound through ctx.bind. */
  build: (values: string[], ctx: FilterContext) => string;
}

export interface SearchSpec {
  /** A generated, unaccented, lower-cased text column with a trigram GIN index (`busca` in the base model). */
  column: string;
  description: string;
  /** Rewrites the term before it is unaccented/lower-cased (e.g. a formatted CNPJ → its 14 characters). */
  normalize?: (q: string) => string;
}

export interface ListDefinition {
  /** Plural resource name, for messages ('contacts'). */
  resource: string;
  table: string;
  /** API name (camelCase English) → column. Must contain `id` (uuid, not null). */
  fields: Record<string, FieldSpec>;
  computed?: Record<string, ComputedField>;
  filters?: Record<string, CustomFilter>;
  search?: SearchSpec;
  /** Soft-delete column (`excluido_em`): rows with a value are hidden unless ?deleted=only|include. */
  softDelete?: string;
  /** Sort when ?sort is absent, in the ?sort syntax ('createdAt', '-amount,name'). */
  defaultSort: string;
}

/** One query-string parameter and what it does. */
export type ParamHandler =
  | { kind: 'eq'; field: string; multi: boolean }
  | { kind: 'from' | 'to'; field: string }
  | { kind: 'custom'; filter: string };

export const RESERVED_PARAMS = ['limit', 'cursor', 'sort', 'fields', 'q', 'includeTotal', 'deleted'] as const;

const PG_TYPES: Record<FieldType, string> = {
  text: 'text',
  enum: 'text',
  uuid: 'uuid',
  date: 'date',
  timestamp: 'timestamptz',
  number: 'numeric',
  integer: 'int4',
  boolean: 'bool',
};

const API_NAME = /^[a-z][A-Za-z0-9]*$/;

/** A validated list definition with its parameter table: what the parser, compiler and OpenAPI decorator read. */
export class ListSpec {
  readonly table: string;
  readonly params = new Map<string, ParamHandler>();

  constructor(readonly def: ListDefinition) {
    this.table = ident(def.table);
    const id = def.fields.id;
    if (!id || id.type !== 'uuid' || id.nullable !== false) throw new Error(`${def.resource}: field id must be a non-null uuid`);
    for (const [name, f] of Object.entries(def.fields)) {
      if (!API_NAME.test(name)) throw new Error(`${def.resource}: bad field name ${name}`);
      ident(f.column);
      if (f.type === 'enum' && !f.values?.length) throw new Error(`${def.resource}.${name}: enum without values`);
      for (const op of f.filter ?? []) {
        if (op === 'range') {
          const [from, to] = f.rangeParams ?? defaultRangeParams(name, f.type);
          this.addParam(from, { kind: 'from', field: name });
          this.addParam(to, { kind: 'to', field: name });
        }
      }
      if (f.filter?.includes('eq') || f.filter?.includes('in')) this.addParam(name, { kind: 'eq', field: name, multi: f.filter.includes('in') });
    }
    for (const name of Object.keys(def.computed ?? {})) {
      if (!API_NAME.test(name) || def.fields[name]) throw new Error(`${def.resource}: bad computed field ${name}`);
    }
    for (const name of Object.keys(def.filters ?? {})) this.addParam(name, { kind: 'custom', filter: name });
    if (def.search) ident(def.search.column);
    if (def.softDelete) ident(def.softDelete);
  }

  private addParam(name: string, handler: ParamHandler): void {
    if (!API_NAME.test(name)) throw new Error(`${this.def.resource}: bad parameter name ${name}`);
    if (this.params.has(name) || (RESERVED_PARAMS as readonly string[]).includes(name)) {
      throw new Error(`${this.def.resource}: parameter ${name} declared twice or reserved`);
    }
    this.params.set(name, handler);
  }

  field(name: string): FieldSpec {
    return this.def.fields[name];
  }

  pgType(name: string): string {
    const f = this.def.fields[name];
    return f.pgType ?? PG_TYPES[f.type];
  }

  get filterParams(): string[] {
    return [...this.params.keys()];
  }

  get sortFields(): string[] {
    return Object.entries(this.def.fields).filter(([, f]) => f.sort).map(([n]) => n);
  }

  get selectableFields(): string[] {
    const plain = Object.entries(this.def.fields).filter(([, f]) => f.select !== false).map(([n]) => n);
    return [...plain, ...Object.keys(this.def.computed ?? {})];
  }

  /** The select-list expression of one field, as returned to clients (dates as YYYY-MM-DD, numbers as numbers). */
  selectExpression(name: string): string {
    const computed = this.def.computed?.[name];
    if (computed) return computed.sql(this.table);
    const f = this.def.fields[name];
    const col = ident(f.column);
    if (f.type === 'date') return `to_char(${col}, 'YYYY-MM-DD')`;
    if (f.type === 'number') return `${col}::float8`;
    return col;
  }

  /** `expr AS "name", …` for these fields (all selectable ones by default): SELECT and RETURNING lists. */
  selectList(names: readonly string[] = this.selectableFields): string {
    return names.map((n) => `${this.selectExpression(n)} AS ${ident(n)}`).join(', ');
  }
}

/** Declares a resource's list; throws at startup when the declaration is inconsistent. */
export function defineList(def: ListDefinition): ListSpec {
  return new ListSpec(def);
}

export function defaultRangeParams(name: string, type: FieldType): [string, string] {
  if (type === 'number' || type === 'integer') return [`${name}Min`, `${name}Max`];
  const base = name.endsWith('At') ? name.slice(0, -2) : name;
  return [`${base}From`, `${base}To`];
}
