import { Observable } from 'rxjs';

import type { I18n } from '../../core/i18n/i18n';
import type { MessageKey } from '../../core/i18n/messages.pt-br';

/**
 * What the server-side grid asks a data source, and what it needs back. Any list of the API fits
 * (`{items, nextCursor, total}`); an offset-paged source reads `startRow` and ignores `cursor`.
 */
export interface GridPageRequest {
  /** Rows wanted (the grid's block size). */
  limit: number;
  /** Index of the first row wanted (offset-paged sources). */
  startRow: number;
  /** `nextCursor` of the previous page; undefined for the first page (cursor-paged sources). */
  cursor?: string;
  /** Sort in the API's syntax (`-amount,title`); undefined keeps the source's default. */
  sort?: string;
  /** Column filters, external filters and the quick search (`q`), as query parameters. */
  params: Record<string, string>;
  /** Only the first page asks for the total. */
  includeTotal: boolean;
  /** `fields=` selection: the visible columns' fields, or `id` alone while skipping pages. */
  fields?: string;
}

export interface GridPage<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

export type GridFetch<T> = (request: GridPageRequest) => Observable<GridPage<T>>;

/** How a column's filter maps to query parameters of the API. */
export type GridFilter =
  /** Exact value (e-mail, CPF…): `?param=value`. */
  | { kind: 'text'; param: string }
  /** Some of a fixed set of values: `?param=a,b` (one only when `single`, for `eq` parameters). */
  | { kind: 'choice'; param: string; options: readonly GridChoice<GridText>[]; single?: boolean }
  /** A date range: `?from=AAAA-MM-DD&to=AAAA-MM-DD`. */
  | { kind: 'date'; from: string; to: string }
  /** A number range: `?min=1&max=2`. */
  | { kind: 'number'; min: string; max: string };

/** A text the grid shows: a message key, or labels that come with the data (object metadata) per language. */
export type GridText = MessageKey | { readonly pt: string; readonly en: string };

/** The text of `text` in the user's language. */
export function gridText(i18n: I18n, text: GridText): string {
  if (typeof text === 'string') return i18n.t(text);
  return i18n.language() === 'en' ? text.en : text.pt;
}

/** A value and its label: a message key by default; grids over metadata label with the data's own texts. */
export interface GridChoice<L extends GridText = MessageKey> {
  value: string;
  label: L;
}

export type GridFormat = 'text' | 'date' | 'dateTime' | 'currency' | 'number' | 'percent';

/** A column of the server-side grid (turned into an AG Grid ColDef by the grid). */
export interface GridColumn<T> {
  /** Column id and, by default, the API field it shows. */
  field: string;
  header: GridText;
  /** The API field to sort by (the column's field when true); absent = not sortable. */
  sort?: true | string;
  filter?: GridFilter;
  /** Fields to request for this column (default: [field]). */
  fields?: readonly string[];
  /** The text shown (default: the field's value, formatted by `format`). */
  value?: (row: T) => unknown;
  format?: GridFormat;
  /** Labels of stored values ('ativo' → "Ativo"); a choice filter's options serve by default. */
  labels?: readonly GridChoice<GridText>[];
  /** Renders the value as a link to this route (the grid navigates without reloading). */
  link?: (row: T) => string;
  /** Kept on phones; the other columns start hidden there (the column chooser can show them). */
  essential?: boolean;
  /** Starts hidden on every screen (offered by the column chooser). */
  hidden?: boolean;
  width?: number;
  flex?: number;
}

/** `[{colId:'amount', sort:'desc'}, {colId:'title', sort:'asc'}]` → `-amount,title` (API field names). */
export function sortParam<T>(
  sortModel: readonly { colId: string; sort: 'asc' | 'desc' }[],
  columns: readonly GridColumn<T>[],
): string | undefined {
  const keys = sortModel
    .map(({ colId, sort }) => {
      const column = columns.find((c) => c.field === colId);
      if (!column?.sort) return null;
      const field = column.sort === true ? column.field : column.sort;
      return sort === 'desc' ? `-${field}` : field;
    })
    .filter((k): k is string => k !== null);
  return keys.length ? keys.join(',') : undefined;
}

/** AG Grid's filter model (text, number, date and our choice filter) → the API's filter parameters. */
export function filterParams<T>(
  filterModel: Record<string, unknown> | null | undefined,
  columns: readonly GridColumn<T>[],
): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [colId, model] of Object.entries(filterModel ?? {})) {
    const filter = columns.find((c) => c.field === colId)?.filter;
    if (!filter || !model || typeof model !== 'object') continue;
    Object.assign(params, paramsOf(filter, model as FilterModel));
  }
  return params;
}

interface FilterModel {
  type?: string;
  filter?: string | number | null;
  filterTo?: number | null;
  dateFrom?: string | null;
  dateTo?: string | null;
  values?: string[];
}

function paramsOf(filter: GridFilter, model: FilterModel): Record<string, string> {
  switch (filter.kind) {
    case 'text': {
      const value = String(model.filter ?? '').trim();
      return value ? { [filter.param]: value } : {};
    }
    case 'choice':
      return model.values?.length ? { [filter.param]: model.values.join(',') } : {};
    case 'date': {
      // The API's bounds are inclusive days: "after D" starts the next day, "before D" ends the day before.
      const from = day(model.dateFrom);
      if (model.type === 'greaterThan' && from) return { [filter.from]: addDays(from, 1) };
      if (model.type === 'lessThan' && from) return { [filter.to]: addDays(from, -1) };
      return range(filter.from, filter.to, model.type, from, day(model.dateTo));
    }
    case 'number':
      return range(filter.min, filter.max, model.type, num(model.filter), num(model.filterTo));
  }
}

// One bound for "≥"/"≤", both for "between" and "equals" (a whole day, or one exact number).
function range(
  fromParam: string,
  toParam: string,
  type: string | undefined,
  from: string | null,
  to: string | null,
): Record<string, string> {
  if (from === null) return {};
  switch (type) {
    case 'greaterThanOrEqual':
      return { [fromParam]: from };
    case 'lessThanOrEqual':
      return { [toParam]: from };
    case 'inRange':
      return to === null ? { [fromParam]: from } : { [fromParam]: from, [toParam]: to };
    default:
      return { [fromParam]: from, [toParam]: from };
  }
}

// AG Grid gives dates as 'YYYY-MM-DD HH:mm:ss'; the API takes the day (whole day in the tenant's zone).
function day(value: string | null | undefined): string | null {
  return value ? value.slice(0, 10) : null;
}

function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function num(value: string | number | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : String(value);
}
