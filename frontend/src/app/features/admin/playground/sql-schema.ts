import type { Completion } from '@codemirror/autocomplete';
import type { SQLNamespace } from '@codemirror/lang-sql';

import type { FieldDto } from '../../../core/api/generated/models/field-dto';
import type { ObjectSummaryDto } from '../../../core/api/generated/models/object-summary-dto';
import type { Language } from '../../../core/i18n/i18n';

/** The columns known so far, by SQL name of their object (loaded on demand). */
export type ColumnsByObject = ReadonlyMap<
  string,
  readonly Pick<FieldDto, 'apiName' | 'labelPt' | 'labelEn' | 'type'>[]
>;

/** The name an object has in SQL: its table (CRM objects, custom tables `cx_…`), or the apiName of a saved query. */
export function sqlName(object: Pick<ObjectSummaryDto, 'table' | 'apiName'>): string {
  return object.table ?? object.apiName;
}

/**
 * The completion schema of CodeMirror's SQL language: one entry per object the user may query, labelled in the
 * user's language (tables as `type`, saved queries as `class` so their icons differ), with the columns that are
 * known (after `tabela.` and for the tables of the statement).
 */
export function completionSchema(
  objects: readonly ObjectSummaryDto[],
  columns: ColumnsByObject,
  language: Language,
): SQLNamespace {
  const schema: Record<string, SQLNamespace> = {};
  for (const object of objects) {
    const name = sqlName(object);
    const self: Completion = {
      label: name,
      type: object.kind === 'consulta' ? 'class' : 'type',
      detail: language === 'en' ? object.labelEn : object.labelPt,
      // Custom tables and saved queries are what the tenant made: offer them first.
      boost: object.kind === 'base' ? 0 : 1,
    };
    const children = (columns.get(name) ?? []).map((f): Completion => ({
      label: f.apiName,
      type: 'property',
      detail: language === 'en' ? f.labelEn : f.labelPt,
    }));
    schema[name] = { self, children };
  }
  return schema;
}

/** The known object names that the statement mentions (whose columns completion needs). */
export function mentionedObjects(sql: string, known: ReadonlySet<string>): string[] {
  const words = new Set(sql.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
  return [...words].filter((w) => known.has(w));
}
