import { FieldDto } from '../../../core/api/generated/models/field-dto';
import { ObjectDto } from '../../../core/api/generated/models/object-dto';
import { QueryModelDto } from '../../../core/api/generated/models/query-model-dto';

/**
 * The designer's choices and how they become the API's query model (backend/src/metadata/query-model). Pure
 * functions: the store keeps the choices, these turn them into the request.
 */

export type FieldType = FieldDto['type'];
export type Aggregate = NonNullable<QueryModelDto['columns'][number]['aggregate']>;
export type FilterOp = NonNullable<QueryModelDto['filters']>[number]['op'];
export type SortDir = 'asc' | 'desc';

export const AGGREGATES: readonly Aggregate[] = ['count', 'sum', 'avg', 'min', 'max'];

/** An object in the model: the base (no join) or one joined through a lookup. */
export interface DesignerSource {
  /** How the model names it: its apiName, or an alias when the object is there twice. */
  readonly ref: string;
  readonly object: ObjectDto;
  readonly join?: { readonly via: string; readonly from: string; readonly alias?: string };
}

/** A related object that can be joined: a lookup of an object already in the model. */
export interface Relation {
  readonly from: string;
  readonly via: FieldDto;
  readonly target: string;
}

export interface DesignerColumn {
  readonly ref: string;
  /** A field's apiName, or `*` for the record count. */
  readonly field: string;
  readonly aggregate?: Aggregate;
}

export interface DesignerFilter {
  readonly ref: string;
  readonly field: string;
  readonly op: FilterOp;
  /** As typed; converted to the field's type in the model. For isnull: 'true' (empty) or 'false'. */
  readonly value: string;
}

export interface DesignerSort {
  readonly column: string;
  readonly dir: SortDir;
}

export interface DesignerChoices {
  readonly sources: readonly DesignerSource[];
  readonly columns: readonly DesignerColumn[];
  readonly filters: readonly DesignerFilter[];
  readonly sort: readonly DesignerSort[];
}

const NUMERIC: readonly FieldType[] = ['integer', 'decimal', 'currency_brl', 'percent'];
const TEXTUAL: readonly FieldType[] = ['text', 'email', 'phone', 'cpf', 'cnpj', 'cep', 'url'];
const ORDERED: readonly FieldType[] = [...NUMERIC, 'date', 'datetime', 'text', 'select'];

export const isNumeric = (type: FieldType): boolean => NUMERIC.includes(type);

/** The operators the compiler accepts for a field type (its filterSql), in menu order. */
export function operatorsFor(type: FieldType): readonly FilterOp[] {
  if (type === 'json') return ['isnull'];
  if (type === 'long_text') return ['like', 'isnull'];
  if (type === 'multi_select') return ['eq', 'in'];
  if (type === 'boolean') return ['eq', 'isnull'];
  if (type === 'lookup' || type === 'uuid') return ['eq', 'ne', 'isnull'];
  if (type === 'select') return ['eq', 'ne', 'in', 'isnull'];
  if (TEXTUAL.includes(type)) return ['like', 'eq', 'ne', 'in', 'isnull'];
  if (ORDERED.includes(type)) return ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'isnull'];
  return ['eq', 'ne', 'isnull'];
}

/** The aggregates that apply to a field type (sum and avg need numbers; min and max an order). */
export function aggregatesFor(type: FieldType): readonly Aggregate[] {
  if (NUMERIC.includes(type)) return AGGREGATES;
  if ([...ORDERED, 'boolean', 'lookup', 'uuid'].includes(type)) return ['count', 'min', 'max'];
  return ['count'];
}

/** Lookups of the model's objects that lead to another object with records (forward joins). */
export function relationsOf(
  sources: readonly DesignerSource[],
  joinable: (apiName: string) => boolean,
): Relation[] {
  const used = new Set(sources.map((s) => (s.join ? `${s.join.from}.${s.join.via}` : '')));
  return sources.flatMap((s) =>
    s.object.fields
      .filter(
        (f) =>
          f.type === 'lookup' &&
          !!f.target &&
          // A lookup to its own object reads both ways and the API refuses it as ambiguous.
          f.target !== s.object.apiName &&
          joinable(f.target) &&
          !used.has(`${s.ref}.${f.apiName}`),
      )
      .map((f) => ({ from: s.ref, via: f, target: f.target! })),
  );
}

/** The ref a newly joined object gets: its apiName, or `<name>_<n>` when that is taken. */
export function refFor(target: string, sources: readonly DesignerSource[]): string {
  const taken = new Set(sources.map((s) => s.ref));
  if (!taken.has(target)) return target;
  const stem = target.replace(/^(tb|cx)_/, '').slice(0, 56);
  let n = 2;
  while (taken.has(`${stem}_${n}`)) n++;
  return `${stem}_${n}`;
}

const naturalName = (c: DesignerColumn): string =>
  c.field === '*' ? 'count' : c.aggregate ? `${c.aggregate}_${c.field}` : c.field;

const cleanName = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, 63) || 'coluna';

/**
 * The output name of each column, as the API will name it. Names are unique: a column whose natural name
 * (field, or aggregate_field) is taken gets its object's short name in front, then a number.
 */
export function columnNames(columns: readonly DesignerColumn[], baseRef: string): string[] {
  const names: string[] = [];
  for (const c of columns) {
    let name = naturalName(c);
    if (names.includes(name)) {
      const stem = cleanName(
        `${c.ref === baseRef ? '' : c.ref.replace(/^(tb|cx)_/, '') + '_'}${name}`,
      );
      name = stem;
      let n = 2;
      while (names.includes(name)) name = `${stem.slice(0, 58)}_${n++}`;
    }
    names.push(name);
  }
  return names;
}

export type FilterProblem = 'value' | 'number';

/** What is wrong with a filter as typed, or null. */
export function filterProblem(f: DesignerFilter, type: FieldType): FilterProblem | null {
  if (f.op === 'isnull') return null;
  const parts = f.op === 'in' ? f.value.split(',').map((v) => v.trim()) : [f.value.trim()];
  if (parts.some((p) => p === '')) return 'value';
  if (isNumeric(type) && parts.some((p) => !Number.isFinite(Number(p.replace(',', '.'))))) {
    return 'number';
  }
  return null;
}

function valueOf(f: DesignerFilter, type: FieldType): unknown {
  const one = (text: string): string | number | boolean => {
    const v = text.trim();
    if (isNumeric(type)) return Number(v.replace(',', '.'));
    if (type === 'boolean') return v === 'true';
    return v;
  };
  switch (f.op) {
    case 'isnull':
      return f.value !== 'false';
    case 'in':
      return f.value.split(',').map(one);
    case 'like':
      // "contains" unless the person wrote a pattern of their own.
      return /[%_]/.test(f.value) ? f.value.trim() : `%${f.value.trim()}%`;
    default:
      return one(f.value);
  }
}

/**
 * The query model for the choices, or null while there is nothing to ask (no base or no column). Filters
 * with a problem are left out (the form shows why); with an aggregate, every plain column is grouped.
 */
export function buildModel(choices: DesignerChoices): QueryModelDto | null {
  const [base, ...joined] = choices.sources;
  if (!base || !choices.columns.length) return null;
  const objectOf = (ref: string) => (ref === base.ref ? undefined : ref);
  const fieldType = (ref: string, field: string): FieldType | undefined =>
    choices.sources.find((s) => s.ref === ref)?.object.fields.find((f) => f.apiName === field)
      ?.type;

  const names = columnNames(choices.columns, base.ref);
  const columns = choices.columns.map((c, i) => {
    const object = c.field === '*' ? undefined : objectOf(c.ref);
    return {
      ...(object ? { object } : {}),
      field: c.field,
      ...(c.aggregate ? { aggregate: c.aggregate } : {}),
      ...(names[i] !== naturalName(c) ? { alias: names[i] } : {}),
    };
  });
  const grouped = choices.columns.some((c) => c.aggregate);
  const groupBy = grouped
    ? choices.columns
        .filter((c) => !c.aggregate)
        .map((c) => ({ ...(objectOf(c.ref) ? { object: c.ref } : {}), field: c.field }))
    : [];
  const filters = choices.filters.flatMap((f) => {
    const type = fieldType(f.ref, f.field);
    if (!type || filterProblem(f, type)) return [];
    return [
      {
        ...(objectOf(f.ref) ? { object: f.ref } : {}),
        field: f.field,
        op: f.op,
        value: valueOf(f, type),
      },
    ];
  });
  const sort = choices.sort
    .filter((s) => names.includes(s.column))
    .map((s) => ({ column: s.column, dir: s.dir }));

  return {
    base: base.object.apiName,
    ...(joined.length
      ? {
          joins: joined.map((s) => ({
            object: s.object.apiName,
            via: s.join!.via,
            from: s.join!.from,
            ...(s.join!.alias ? { alias: s.join!.alias } : {}),
            type: 'left' as const,
          })),
        }
      : {}),
    columns,
    ...(filters.length ? { filters } : {}),
    ...(groupBy.length ? { groupBy } : {}),
    ...(sort.length ? { sort } : {}),
  };
}
