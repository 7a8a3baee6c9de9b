import type { DataColumnDto } from '../../core/api/generated/models/data-column-dto';
import type { SqlColumnDto } from '../../core/api/generated/models/sql-column-dto';
import type { GridFormat, GridText } from '../data-grid/grid-query';

/** A column of a result held in the browser (the SQL executor's capped answer, a designer preview). */
export interface ResultColumn {
  name: string;
  header: GridText;
  format?: GridFormat;
  /** Numbers are aligned right. */
  numeric?: boolean;
}

/** Columns and rows (one array per row, values in column order), as the executor and the previews answer. */
export interface ObjectResult {
  columns: readonly ResultColumn[];
  rows: readonly (readonly unknown[])[];
}

// PostgreSQL types (as pg_typeof() writes them) shown with a format; numeric stays as the server's text, which
// keeps every digit.
const SQL_FORMATS: Record<string, GridFormat> = {
  smallint: 'number',
  integer: 'number',
  bigint: 'number',
  real: 'number',
  'double precision': 'number',
  date: 'date',
  'timestamp with time zone': 'dateTime',
};
const SQL_NUMERIC = new Set([
  'smallint',
  'integer',
  'bigint',
  'real',
  'double precision',
  'numeric',
]);

/** The executor's columns: the names the query gave, formatted by type. */
export function sqlResultColumns(columns: readonly SqlColumnDto[]): ResultColumn[] {
  return columns.map((c) => ({
    name: c.name,
    header: { pt: c.name, en: c.name },
    ...(SQL_FORMATS[c.type] ? { format: SQL_FORMATS[c.type] } : {}),
    ...(SQL_NUMERIC.has(c.type) ? { numeric: true } : {}),
  }));
}

const FIELD_FORMATS: Partial<Record<DataColumnDto['type'], GridFormat>> = {
  integer: 'number',
  decimal: 'number',
  currency_brl: 'currency',
  percent: 'percent',
  date: 'date',
  datetime: 'dateTime',
};

const FIELD_NUMERIC = new Set<string>(['integer', 'decimal', 'currency_brl', 'percent']);

/** Columns described by metadata (the data endpoint, the designer's preview): labels and field types. */
export function fieldResultColumns(
  columns: readonly Pick<DataColumnDto, 'name' | 'labelPt' | 'labelEn' | 'type'>[],
): ResultColumn[] {
  return columns.map((c) => ({
    name: c.name,
    header: { pt: c.labelPt, en: c.labelEn },
    ...(FIELD_FORMATS[c.type] ? { format: FIELD_FORMATS[c.type] } : {}),
    ...(FIELD_NUMERIC.has(c.type) ? { numeric: true } : {}),
  }));
}
