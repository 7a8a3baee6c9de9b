import { DomainError } from '../../common/domain-error';
import { ownerFilter } from '../../crm/shared/list/common-filters';
import { defineList, FieldSpec, FieldType as ListFieldType, FilterOp, ListSpec } from '../../crm/shared/list/list-definition';
import { RawQuery } from '../../crm/shared/list/list-plan';
import { FieldType } from '../metadata.constants';
import { MetaField, MetaObject } from '../metadata.types';

/**
 * Generic record lists on the CRM list engine (crm/shared/list): the engine's allow-list is built from the
 * object's field metadata. The engine names fields and parameters in camelCase (`dataVisita`, `valorMin`); objects
 * speak their API names (`data_visita`, `valor_min`), so this adapter maps query parameters in and row keys out.
 * Field API names are snake case without `__`, leading or trailing `_`, so the mapping is one-to-one per object
 * (two names that would collide, e.g. `campo_1` and `campo1`, are refused when the field is created).
 */

export const engineKey = (apiName: string): string => apiName.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());

/** The PostgreSQL type a value for this column is bound with (exact, so comparisons stay leakproof under RLS). */
export function bindType(columnType: string): string {
  const t = columnType.toLowerCase();
  const array = t.endsWith('[]');
  const base = array ? t.slice(0, -2) : t;
  const name =
    base === 'text' ? 'text'
    : base.startsWith('character varying') ? 'varchar'
    : base.startsWith('character(') || base === 'character' ? 'bpchar'
    : base === 'smallint' ? 'int2'
    : base === 'integer' ? 'int4'
    : base === 'bigint' ? 'int8'
    : base.startsWith('numeric') ? 'numeric'
    : base === 'real' ? 'float4'
    : base === 'double precision' ? 'float8'
    : base === 'boolean' ? 'bool'
    : base === 'date' ? 'date'
    : base === 'timestamp with time zone' ? 'timestamptz'
    : base === 'timestamp without time zone' ? 'timestamp'
    : base === 'uuid' ? 'uuid'
    : base === 'jsonb' ? 'jsonb'
    : base === 'json' ? 'json'
    : 'text';
  return array ? `${name}[]` : name;
}

interface EngineShape {
  type: ListFieldType;
  filter: FilterOp[];
  sort: boolean;
}

function engineShape(type: FieldType): EngineShape {
  switch (type) {
    case 'text': case 'email': case 'phone': case 'cpf': case 'cnpj': case 'cep': case 'url':
      return { type: 'text', filter: ['in'], sort: true };
    case 'long_text': case 'multi_select': case 'json':
      return { type: 'text', filter: [], sort: false };
    case 'select':
      return { type: 'enum', filter: ['in'], sort: true };
    case 'integer':
      return { type: 'integer', filter: ['in', 'range'], sort: true };
    case 'decimal': case 'currency_brl': case 'percent':
      return { type: 'number', filter: ['range'], sort: true };
    case 'date':
      return { type: 'date', filter: ['in', 'range'], sort: true };
    case 'datetime':
      return { type: 'timestamp', filter: ['range'], sort: true };
    case 'boolean':
      return { type: 'boolean', filter: ['eq'], sort: true };
    case 'lookup': case 'uuid':
      return { type: 'uuid', filter: ['in'], sort: false };
  }
}

export interface RecordList {
  spec: ListSpec;
  /** public parameter → engine parameter */
  paramsIn: Map<string, string>;
  /** engine key → API name (row keys, messages) */
  keysOut: Map<string, string>;
  /** API name → engine key (sort, fields) */
  keysIn: Map<string, string>;
  fields: MetaField[];
}

/** Standard columns NOT NULL in every base and custom table (data-model conventions). */
const NOT_NULL_STANDARD = ['id', 'criado_em', 'atualizado_em', 'versao'];

const PASS_THROUGH: Record<string, string> = { limit: 'limit', cursor: 'cursor', sort: 'sort', fields: 'fields', deleted: 'deleted', include_total: 'includeTotal', owner: 'owner' };

export function buildRecordList(object: MetaObject, fields: MetaField[]): RecordList {
  const defFields: Record<string, FieldSpec> = {};
  const paramsIn = new Map<string, string>();
  const keysOut = new Map<string, string>();
  const keysIn = new Map<string, string>();
  for (const f of fields) {
    const key = engineKey(f.apiName);
    if (!/^[a-z][A-Za-z0-9]*$/.test(key) || defFields[key]) continue; // not addressable: left out of lists (never the case for names made by the API)
    const shape = engineShape(f.type);
    const isId = f.column === 'id';
    const rangeParams: [string, string] = shape.type === 'number' || shape.type === 'integer' ? [`${key}Min`, `${key}Max`] : [`${key}From`, `${key}To`];
    defFields[key] = {
      column: f.column,
      type: shape.type,
      nullable: !(NOT_NULL_STANDARD.includes(f.column) || f.required),
      values: shape.type === 'enum' ? (f.options ?? []).map((o) => o.value) : undefined,
      filter: isId ? ['in'] : shape.filter,
      sort: isId || shape.sort,
      pgType: bindType(f.columnType),
      rangeParams: shape.filter.includes('range') ? rangeParams : undefined,
      description: f.labelPt,
    };
    if (shape.type === 'enum' && !(f.options ?? []).length) {
      defFields[key] = { ...defFields[key], type: 'text' };
    }
    keysOut.set(key, f.apiName);
    keysIn.set(f.apiName, key);
    if (defFields[key].filter?.length) {
      if (defFields[key].filter!.some((o) => o === 'eq' || o === 'in')) paramsIn.set(f.apiName, key);
      if (defFields[key].filter!.includes('range')) {
        const [from, to] = shape.type === 'number' || shape.type === 'integer' ? ['min', 'max'] : ['from', 'to'];
        paramsIn.set(`${f.apiName}_${from}`, rangeParams[0]);
        paramsIn.set(`${f.apiName}_${to}`, rangeParams[1]);
      }
    }
  }
  const hasColumn = (c: string) => fields.some((f) => f.column === c);
  const spec = defineList({
    resource: object.apiName,
    table: object.table!,
    fields: defFields,
    filters: hasColumn('owner_id') ? { owner: ownerFilter('owner_id') } : undefined,
    softDelete: hasColumn('excluido_em') ? 'excluido_em' : undefined,
    defaultSort: hasColumn('criado_em') && keysIn.has('criado_em') ? '-criadoEm' : 'id',
  });
  return { spec, paramsIn, keysOut, keysIn, fields };
}

const fail = (code: string, message: string, details: Record<string, unknown>) => new DomainError(code, message, 400, details);

/** Query string in API names → the engine's parameters; unknown parameters refused naming the allowed ones. */
export function translateQuery(list: RecordList, raw: RawQuery): RawQuery {
  const out: RawQuery = {};
  const unknown: string[] = [];
  for (const [k, v] of Object.entries(raw)) {
    if (k === 'owner' && !list.spec.def.filters?.owner) unknown.push(k);
    else if (PASS_THROUGH[k]) out[PASS_THROUGH[k]] = v;
    else if (list.paramsIn.has(k)) out[list.paramsIn.get(k)!] = v;
    else unknown.push(k);
  }
  if (unknown.length) {
    const allowed = [...list.paramsIn.keys(), ...(list.spec.def.filters?.owner ? ['owner'] : [])];
    throw fail('INVALID_FILTER', `Filtro desconhecido em ${list.spec.def.resource}: ${unknown.join(', ')}. Permitidos: ${allowed.join(', ')}.`, { unknown, allowed });
  }
  const map = (text: unknown, kind: 'sort' | 'fields'): unknown => {
    if (typeof text !== 'string') return text;
    return text
      .split(',')
      .map((part) => {
        const p = part.trim();
        const sign = kind === 'sort' && (p.startsWith('-') || p.startsWith('+')) ? p[0] : '';
        const name = p.slice(sign.length);
        const key = list.keysIn.get(name);
        if (!key) {
          const allowed = kind === 'sort'
            ? list.spec.sortFields.map((s) => list.keysOut.get(s) ?? s)
            : list.spec.selectableFields.map((s) => list.keysOut.get(s) ?? s);
          throw fail(kind === 'sort' ? 'INVALID_SORT' : 'INVALID_FIELDS', `Campo desconhecido em ${kind}: ${name || '(vazio)'}. Permitidos: ${allowed.join(', ')}.`, {
            [kind]: text,
            allowed,
          });
        }
        return `${sign === '+' ? '' : sign}${key}`;
      })
      .join(',');
  };
  if (out.sort !== undefined) out.sort = map(out.sort, 'sort');
  if (out.fields !== undefined) out.fields = map(out.fields, 'fields');
  return out;
}

/** Engine errors name engine keys; give them back in API names. */
export function translateError(list: RecordList, err: unknown): unknown {
  if (!(err instanceof DomainError)) return err;
  const names = new Map<string, string>();
  for (const [k, api] of list.keysOut) names.set(k, api);
  for (const [pub, eng] of list.paramsIn) names.set(eng, pub);
  names.set('includeTotal', 'include_total');
  const rename = (s: string) => s.replace(/[A-Za-z0-9]+/g, (w) => names.get(w) ?? w);
  const details = err.details ? JSON.parse(JSON.stringify(err.details), (_k, v) => (typeof v === 'string' ? rename(v) : v)) : undefined;
  return new DomainError(err.code, rename(err.message), err.status, details);
}

/** Row with engine keys → row with API names. */
export function rowOut(list: RecordList, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[list.keysOut.get(k) ?? k] = v;
  return out;
}
