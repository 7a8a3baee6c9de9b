import { DomainError } from '../../../common/domain-error';
import { decodeCursor } from './cursor';
import { FieldSpec, FieldType, ListSpec, RESERVED_PARAMS } from './list-definition';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
const MAX_SORT_KEYS = 4;
const MAX_TEXT = 200;

export type SortDirection = 'asc' | 'desc';

export interface SortKey {
  field: string;
  dir: SortDirection;
}

export type FilterClause =
  | { kind: 'in'; field: string; values: string[] }
  | { kind: 'from' | 'to'; field: string; value: string }
  | { kind: 'custom'; filter: string; values: string[] };

/** A parsed, validated list request: what the compiler turns into SQL. */
export interface ListPlan {
  filters: FilterClause[];
  /** Sort keys, always ending with the id tiebreaker. */
  sort: SortKey[];
  limit: number;
  /** Sort-key values of the last row of the previous page. */
  after: (string | null)[] | null;
  /** Fields to return (always with id). */
  fields: string[];
  q: string | null;
  includeTotal: boolean;
  deleted: 'exclude' | 'only' | 'include';
  userId: string | null;
}

export type RawQuery = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;
const NUMBER = /^-?\d{1,15}(\.\d{1,6})?$/;
const INTEGER = /^-?\d{1,9}$/;

const validDate = (v: string) => DATE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** Value checks per type; a failing value gets this pt-BR hint. */
const VALUE_RULES: Record<FieldType, { ok: (v: string) => boolean; hint: string }> = {
  text: { ok: (v) => v.length > 0 && v.length <= MAX_TEXT, hint: `texto de 1 a ${MAX_TEXT} caracteres` },
  enum: { ok: () => true, hint: '' },
  uuid: { ok: (v) => UUID.test(v), hint: 'um UUID' },
  date: { ok: validDate, hint: 'uma data AAAA-MM-DD' },
  timestamp: {
    ok: (v) => validDate(v) || (DATE_TIME.test(v) && validDate(v.slice(0, 10)) && !Number.isNaN(Date.parse(v))),
    hint: 'uma data AAAA-MM-DD ou data-hora ISO 8601 com fuso (ex. 2025-01-31T14:00:00-03:00)',
  },
  number: { ok: (v) => NUMBER.test(v), hint: 'um número (ponto decimal)' },
  integer: { ok: (v) => INTEGER.test(v), hint: 'um número inteiro' },
  boolean: { ok: (v) => v === 'true' || v === 'false', hint: 'true ou false' },
};

const fail = (code: string, message: string, details: Record<string, unknown>) => new DomainError(code, message, 400, details);

/**
 * Parses the query string of a list endpoint (camelCase English parameters) against the resource's allow-list.
 * Unknown parameters, sort fields or selected fields are refused with 400, naming the allowed ones.
 */
export function parseListQuery(spec: ListSpec, raw: RawQuery, userId: string | null): ListPlan {
  const def = spec.def;
  const unknown = Object.keys(raw).filter((k) => !spec.params.has(k) && !isReserved(k));
  if (unknown.length) {
    throw fail('INVALID_FILTER', `Filtro desconhecido em ${def.resource}: ${unknown.join(', ')}. Permitidos: ${spec.filterParams.join(', ')}.`, {
      unknown,
      allowed: spec.filterParams,
    });
  }

  const filters: FilterClause[] = [];
  for (const [param, handler] of spec.params) {
    const values = valuesOf(raw, param);
    if (!values) continue;
    if (handler.kind === 'custom') {
      const filter = def.filters![handler.filter];
      const list = filter.splitCommas ? splitCommas(values) : values;
      const problem = list.some((v) => v.length === 0 || v.length > MAX_TEXT) ? 'valor vazio ou longo demais' : filter.validate?.(list, userId);
      if (problem) throw badValue(param, problem);
      filters.push({ kind: 'custom', filter: handler.filter, values: list });
      continue;
    }
    const field = spec.field(handler.field);
    if (handler.kind === 'eq') {
      const list = handler.multi && field.type !== 'text' ? splitCommas(values) : values;
      if (!handler.multi && list.length > 1) throw badValue(param, 'informe um único valor');
      filters.push({ kind: 'in', field: handler.field, values: list.map((v) => checkValue(param, field, v)) });
    } else {
      if (values.length > 1) throw badValue(param, 'informe um único valor');
      filters.push({ kind: handler.kind, field: handler.field, value: checkValue(param, field, values[0]) });
    }
  }

  const sort = parseSort(spec, single(raw, 'sort') ?? def.defaultSort);
  const cursor = single(raw, 'cursor');
  const after = cursor
    ? decodeCursor(cursor, sortSignature(sort), sort.map((k) => ({ type: spec.field(k.field).type, nullable: spec.field(k.field).nullable !== false })))
    : null;

  return {
    filters,
    sort,
    limit: parseLimit(single(raw, 'limit')),
    after,
    fields: parseFields(spec, single(raw, 'fields')),
    q: parseSearch(spec, single(raw, 'q')),
    includeTotal: parseBoolean('includeTotal', single(raw, 'includeTotal')),
    deleted: parseDeleted(spec, single(raw, 'deleted')),
    userId,
  };
}

/** `-createdAt,id` style: what a cursor is bound to. */
export function sortSignature(sort: SortKey[]): string {
  return sort.map((k) => (k.dir === 'desc' ? `-${k.field}` : k.field)).join(',');
}

export function parseSort(spec: ListSpec, text: string): SortKey[] {
  const allowed = spec.sortFields;
  const invalid = (why: string) =>
    fail('INVALID_SORT', `Ordenação inválida (${why}). Campos permitidos: ${allowed.join(', ')}; prefixe com - para decrescente.`, {
      sort: text,
      allowed,
    });
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length > MAX_SORT_KEYS) throw invalid(`no máximo ${MAX_SORT_KEYS} campos`);
  const keys: SortKey[] = [];
  for (const part of parts) {
    const desc = part.startsWith('-');
    const name = desc || part.startsWith('+') ? part.slice(1) : part;
    if (!allowed.includes(name)) throw invalid(name ? `campo desconhecido: ${name}` : 'campo vazio');
    if (keys.some((k) => k.field === name)) throw invalid(`campo repetido: ${name}`);
    if (keys.some((k) => k.field === 'id')) throw invalid('id só pode ser o último campo');
    keys.push({ field: name, dir: desc ? 'desc' : 'asc' });
  }
  // id makes the order total, so the keyset never skips or repeats a row among ties.
  if (keys[keys.length - 1].field !== 'id') keys.push({ field: 'id', dir: keys[keys.length - 1].dir });
  return keys;
}

function parseFields(spec: ListSpec, text: string | undefined): string[] {
  const allowed = spec.selectableFields;
  if (text === undefined) return allowed;
  const names = text.split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !allowed.includes(n));
  if (unknown.length || !names.length) {
    throw fail('INVALID_FIELDS', `Campo desconhecido em fields: ${unknown.join(', ') || '(vazio)'}. Permitidos: ${allowed.join(', ')}.`, {
      unknown,
      allowed,
    });
  }
  return [...new Set(['id', ...names])];
}

function parseLimit(text: string | undefined): number {
  if (text === undefined) return DEFAULT_LIMIT;
  const n = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= MAX_LIMIT)) {
    throw fail('INVALID_LIMIT', `limit deve ser um inteiro de 1 a ${MAX_LIMIT}.`, { parameter: 'limit', max: MAX_LIMIT });
  }
  return n;
}

function parseSearch(spec: ListSpec, text: string | undefined): string | null {
  if (text === undefined) return null;
  if (!spec.def.search) throw fail('INVALID_FILTER', `${spec.def.resource} não oferece busca por ?q=.`, { unknown: ['q'], allowed: spec.filterParams });
  const q = text.trim();
  if (q.length > MAX_TEXT) throw badValue('q', `no máximo ${MAX_TEXT} caracteres`);
  return q.length ? q : null;
}

function parseBoolean(param: string, text: string | undefined): boolean {
  if (text === undefined || text === 'false') return false;
  if (text === 'true') return true;
  throw badValue(param, 'true ou false');
}

function parseDeleted(spec: ListSpec, text: string | undefined): ListPlan['deleted'] {
  if (text === undefined) return 'exclude';
  if (!spec.def.softDelete) throw fail('INVALID_FILTER', `${spec.def.resource} não tem exclusão lógica.`, { unknown: ['deleted'], allowed: spec.filterParams });
  if (text === 'only' || text === 'include' || text === 'exclude') return text;
  throw badValue('deleted', 'only, include ou exclude');
}

function checkValue(param: string, field: FieldSpec, value: string): string {
  if (field.type === 'enum') {
    if (!field.values!.includes(value)) throw badValue(param, `valores permitidos: ${field.values!.join(', ')}`, { allowedValues: field.values });
    return value;
  }
  const rule = VALUE_RULES[field.type];
  if (!rule.ok(value)) throw badValue(param, rule.hint);
  if (!field.normalize) return value;
  const normalized = field.normalize(value);
  if (normalized === null) throw badValue(param, 'valor inválido');
  return normalized;
}

function badValue(param: string, hint: string, extra: Record<string, unknown> = {}): DomainError {
  return fail('INVALID_FILTER_VALUE', `Valor inválido para ${param}: ${hint}.`, { parameter: param, ...extra });
}

function isReserved(key: string): boolean {
  return (RESERVED_PARAMS as readonly string[]).includes(key);
}

/** All occurrences of a parameter (repeated or not), or null when absent. */
function valuesOf(raw: RawQuery, param: string): string[] | null {
  const v = raw[param];
  if (v === undefined) return null;
  const list = Array.isArray(v) ? v : [v];
  if (!list.every((x) => typeof x === 'string')) throw badValue(param, 'texto simples');
  return list as string[];
}

function single(raw: RawQuery, param: string): string | undefined {
  const v = valuesOf(raw, param);
  if (!v) return undefined;
  if (v.length > 1) throw badValue(param, 'informe um único valor');
  return v[0];
}

function splitCommas(values: string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((v) => v.trim());
}
