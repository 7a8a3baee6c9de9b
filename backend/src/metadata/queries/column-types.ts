import { COLUMN_TYPE, FieldType } from '../metadata.constants';
import { MetaField } from '../metadata.types';

/** Field type of a result column, from the PostgreSQL type name the executor reports (`pg_typeof` spelling). */
export function fieldTypeOfPg(pgType: string): FieldType {
  const t = pgType.toLowerCase();
  if (t.endsWith('[]')) return 'multi_select';
  if (t === 'smallint' || t === 'integer' || t === 'bigint') return 'integer';
  if (t === 'numeric' || t === 'real' || t === 'double precision' || t.startsWith('numeric(')) return 'decimal';
  if (t === 'boolean') return 'boolean';
  if (t === 'date') return 'date';
  if (t.startsWith('timestamp')) return 'datetime';
  if (t === 'uuid') return 'uuid';
  if (t === 'json' || t === 'jsonb') return 'json';
  return 'text';
}

/** Same storage family: a result column keeps the richer type of the field it comes from (valor → currency_brl). */
function sameFamily(field: MetaField, pgType: string): boolean {
  const inferred = fieldTypeOfPg(pgType);
  if (field.type === 'lookup') return inferred === 'uuid';
  const col = COLUMN_TYPE[field.type];
  const pg = pgType.toLowerCase();
  if (col.startsWith('numeric')) return pg.startsWith('numeric');
  if (col === 'text') return pg === 'text' || pg.startsWith('character');
  return inferred === field.type;
}

/**
 * Metadata of a result column: named like the column; type from the PostgreSQL type, refined (with labels and
 * options) from a field of the objects the query reads when exactly one such field has that name and type family.
 */
export function inferColumn(name: string, pgType: string, candidates: MetaField[]): Pick<MetaField, 'type' | 'labelPt' | 'labelEn' | 'options' | 'targetObjectId'> {
  const matches = candidates.filter((f) => (f.apiName === name || f.column === name) && sameFamily(f, pgType));
  const distinct = new Map(matches.map((f) => [`${f.type}|${f.targetObjectId ?? ''}`, f]));
  if (distinct.size === 1) {
    const f = [...distinct.values()][0];
    return { type: f.type, labelPt: f.labelPt, labelEn: f.labelEn, options: f.options, targetObjectId: f.targetObjectId };
  }
  const label = humanize(name);
  return { type: fieldTypeOfPg(pgType), labelPt: label, labelEn: label, options: null, targetObjectId: null };
}

export function humanize(name: string): string {
  const s = name.replace(/_/g, ' ').trim() || name;
  return (s.charAt(0).toUpperCase() + s.slice(1)).slice(0, 120) || '?';
}
