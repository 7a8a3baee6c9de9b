import type { ObjectsControllerDataOf$Params } from '../../core/api/generated/fn/objects/objects-controller-data-of';
import type { FieldDto } from '../../core/api/generated/models/field-dto';
import type { ObjectDataDto } from '../../core/api/generated/models/object-data-dto';
import type {
  GridChoice,
  GridColumn,
  GridFilter,
  GridFormat,
  GridPage,
  GridPageRequest,
} from '../data-grid/grid-query';

/**
 * Query building of the object grid: an object's fields (metadata) become grid columns, and the grid's requests
 * (sort, column filters, offset paging) become the parameters of GET /api/objects/{id}/data
 * (backend/src/metadata/data/object-data.service.ts):
 *   sort=-campo,outro · limit · offset · fields=a,b · include_total=true on the first page
 *   filters by field apiName: ?campo=v (repeated for several values), ?campo_min/_max (numbers), ?campo_from/_to (dates)
 */

/** A row of an object: its values by column name, and a key for the grid (the `id` column, or the row's position). */
export type ObjectRow = { id: string } & Record<string, unknown>;

type FieldType = FieldDto['type'];

/** The data API refuses filters on these types, and sorting on the last two. */
const NO_FILTER: readonly FieldType[] = ['json', 'long_text', 'multi_select'];
const NO_SORT: readonly FieldType[] = ['json', 'multi_select'];
const NUMBERS: readonly FieldType[] = ['integer', 'decimal', 'currency_brl', 'percent'];
/** Columns kept out of the default view (the column chooser offers them). */
const HIDDEN_NAMES = ['id', 'versao', 'excluido_em', 'atualizado_em', 'owner_id'];
const HIDDEN_TYPES: readonly FieldType[] = ['json', 'uuid', 'lookup', 'long_text'];
/** At most this many columns start visible (wide base tables have dozens). */
const MAX_VISIBLE = 8;
/** On phones, the first few visible columns. */
const PHONE_COLUMNS = 2;

const BOOLEAN_CHOICES: readonly GridChoice[] = [
  { value: 'true', label: 'common.yes' },
  { value: 'false', label: 'common.no' },
];

const FORMATS: Partial<Record<FieldType, GridFormat>> = {
  integer: 'number',
  decimal: 'number',
  currency_brl: 'currency',
  percent: 'percent',
  date: 'date',
  datetime: 'dateTime',
};

/** The columns of an object's grid, in field order, from its metadata. */
export function objectColumns(fields: readonly FieldDto[]): GridColumn<ObjectRow>[] {
  const ordered = [...fields].sort((a, b) => a.order - b.order);
  let shown = 0;
  return ordered.map((field) => {
    const hidden =
      HIDDEN_NAMES.includes(field.apiName) ||
      HIDDEN_TYPES.includes(field.type) ||
      shown >= MAX_VISIBLE;
    if (!hidden) shown++;
    return {
      field: field.apiName,
      header: { pt: field.labelPt, en: field.labelEn },
      ...(NO_SORT.includes(field.type) ? {} : { sort: true as const }),
      ...filterOf(field),
      ...(FORMATS[field.type] ? { format: FORMATS[field.type] } : {}),
      ...(field.type === 'boolean'
        ? { value: (row: ObjectRow) => boolText(row[field.apiName]), labels: BOOLEAN_CHOICES }
        : {}),
      ...(field.type === 'json' ? { value: (row: ObjectRow) => jsonText(row[field.apiName]) } : {}),
      hidden,
      essential: !hidden && shown <= PHONE_COLUMNS,
    };
  });
}

function filterOf(field: FieldDto): { filter?: GridFilter } {
  const name = field.apiName;
  if (NO_FILTER.includes(field.type)) return {};
  if (NUMBERS.includes(field.type))
    return { filter: { kind: 'number', min: `${name}_min`, max: `${name}_max` } };
  if (field.type === 'date' || field.type === 'datetime')
    return { filter: { kind: 'date', from: `${name}_from`, to: `${name}_to` } };
  if (field.type === 'boolean')
    return { filter: { kind: 'choice', param: name, options: BOOLEAN_CHOICES, single: true } };
  if (field.type === 'select' && field.options?.length) {
    const options = field.options.map((o) => ({
      value: o.value,
      label: { pt: o.label ?? o.value, en: o.label ?? o.value },
    }));
    return { filter: { kind: 'choice', param: name, options } };
  }
  return { filter: { kind: 'text', param: name } };
}

/** Parameters whose value is a list (`a,b` from the choice filter → `?p=a&p=b`): the select columns' filters. */
export function listParams(columns: readonly GridColumn<ObjectRow>[]): ReadonlySet<string> {
  return new Set(
    columns.flatMap((c) =>
      c.filter?.kind === 'choice' && !c.filter.single ? [c.filter.param] : [],
    ),
  );
}

export interface ObjectDataQuery {
  /** The parameters the generated client knows. */
  params: ObjectsControllerDataOf$Params;
  /** The per-field filters, which the OpenAPI document cannot list (each may repeat). */
  filters: Record<string, string[]>;
}

/** One grid block → the data endpoint's request. */
export function objectDataQuery(
  objectId: string,
  request: GridPageRequest,
  lists: ReadonlySet<string> = new Set(),
): ObjectDataQuery {
  const filters: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(request.params)) {
    filters[name] = lists.has(name) ? value.split(',').filter(Boolean) : [value];
  }
  return {
    params: {
      id: objectId,
      limit: request.limit,
      offset: request.startRow,
      ...(request.sort ? { sort: request.sort } : {}),
      ...(request.fields ? { fields: request.fields } : {}),
      ...(request.includeTotal ? { include_total: true } : {}),
    },
    filters,
  };
}

/** The data endpoint's answer → a grid page (rows as objects; the next offset as the cursor). */
export function objectDataPage(data: ObjectDataDto): GridPage<ObjectRow> {
  const names = data.columns.map((c) => c.name);
  const items = data.rows.map((values, i) => {
    const row: ObjectRow = { id: `#${data.offset + i}` };
    names.forEach((name, j) => (row[name] = values[j]));
    if (row['id'] === null || row['id'] === undefined) row['id'] = `#${data.offset + i}`;
    else row['id'] = String(row['id']);
    return row;
  });
  return {
    items,
    nextCursor: data.nextOffset === null ? null : String(data.nextOffset),
    ...(data.total !== undefined ? { total: data.total } : {}),
  };
}

function boolText(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function jsonText(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value);
}
