import { DestroyRef } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/**
 * The API's naming rules for objects and fields (backend/src/metadata/names.ts and metadata.constants.ts),
 * checked while typing so the form says what is wrong before the server does. The server checks again.
 */
export const API_NAME_PATTERN = /^[a-z][a-z0-9_]{1,40}$/;
export const RESERVED_PREFIXES = ['tb_', 'cx_', 'cf_', 'pg_', 'tenant_', 'sql_', 'meta_'];
/** Standard columns of every custom table and the list endpoints' parameters: no field may take them. */
const FIELD_NAMES_TAKEN = [
  'id',
  'tenant_id',
  'owner_id',
  'criado_em',
  'atualizado_em',
  'versao',
  'excluido_em',
  'limit',
  'cursor',
  'sort',
  'fields',
  'q',
  'include_total',
  'deleted',
  'owner',
  'offset',
  'version',
];
// SQL key words and system names the API refuses (the same list as the server's RESERVED_WORDS).
const RESERVED_WORDS = new Set(
  (
    'all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean both case ' +
    'cast char character check coalesce collate collation column concurrently constraint create cross ' +
    'current_catalog current_date current_role current_schema current_time current_timestamp current_user dec ' +
    'decimal default deferrable delete desc distinct do drop else end except exists extract false fetch float for ' +
    'foreign freeze from full grant greatest group grouping having ilike in initially inner inout insert int integer ' +
    'intersect interval into is isnull join lateral leading least left like limit localtime localtimestamp national ' +
    'natural nchar none normalize not notnull null nullif numeric offset on only or order out outer overlaps overlay ' +
    'placing position precision primary real references returning right row select session_user setof similar ' +
    'smallint some substring symmetric system_user table tablesample then time timestamp to trailing treat trim ' +
    'true truncate union unique update user using values varchar variadic verbose when where window with ' +
    'xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize ' +
    'xmltable oid tableoid xmin xmax cmin cmax ctid public tenant_admin extensions information_schema'
  ).split(' '),
);

export type ApiNameProblem = 'pattern' | 'reserved' | 'prefix' | 'underscores' | 'taken';

/** "Visitas às lojas" → "visitas_as_lojas": lower-case ASCII snake case, at most 41 characters. */
export function suggestApiName(label: string): string {
  let name = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, 41)
    .replace(/_+$/, '');
  const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
  if (prefix) name = name.slice(prefix.length);
  return name;
}

/**
 * Keeps `apiName` on the suggestion for `label` (suggestApiName) until the person edits the API name. Returns a
 * switch: `follow(true)` follows again (after a form reset), `follow(false)` stops (an existing name). Subscriptions
 * end with the component: pass its DestroyRef when called outside an injection context.
 */
export function apiNameFollowsLabel(
  label: AbstractControl<string>,
  apiName: AbstractControl<string>,
  destroyRef?: DestroyRef,
): (follow: boolean) => void {
  let following = true;
  label.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe((text) => {
    if (following) apiName.setValue(suggestApiName(text));
  });
  apiName.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe((name) => {
    if (name !== suggestApiName(label.value)) following = false;
  });
  return (follow) => (following = follow);
}

/** What is wrong with an API name, or null. Fields have a few more rules than objects. */
export function apiNameProblem(name: string, kind: 'object' | 'field'): ApiNameProblem | null {
  if (!API_NAME_PATTERN.test(name)) return 'pattern';
  if (RESERVED_WORDS.has(name)) return 'reserved';
  if (RESERVED_PREFIXES.some((p) => name.startsWith(p))) return 'prefix';
  if (kind === 'field') {
    if (name.includes('__') || name.endsWith('_')) return 'underscores';
    if (FIELD_NAMES_TAKEN.includes(name)) return 'taken';
  }
  return null;
}

/** Form validator: `{ apiName: problem }` when the name breaks a rule (empty is left to `required`). */
export function apiNameValidator(kind: 'object' | 'field'): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const value = control.value ?? '';
    if (!value) return null;
    const problem = apiNameProblem(value, kind);
    return problem ? { apiName: problem } : null;
  };
}
