import { FormControl, FormGroup, ValidatorFn, Validators } from '@angular/forms';

import type { MessageKey } from '../../core/i18n/messages.pt-br';
import type { GridChoice } from '../data-grid/grid-query';
import { MaskKind, maskValidator } from '../masks/br-masks';

export type FormFieldType =
  | 'text'
  | 'email'
  | 'url'
  | 'date'
  | 'datetime-local'
  | 'number'
  | 'textarea'
  | 'select'
  | 'mask'
  | 'owner'
  | 'company';

/** One field of a generated record form. */
export interface FormFieldSpec {
  /** The API field; `address.city` for a part of a nested object. */
  key: string;
  label: MessageKey;
  type: FormFieldType;
  mask?: MaskKind;
  required?: boolean;
  maxLength?: number;
  /** Values of a select (stored value and label). */
  options?: readonly GridChoice[];
  /** Values of a select that are their own labels (UFs). */
  values?: readonly string[];
  /** A select that may be left empty (sent as null). */
  optional?: boolean;
  hint?: MessageKey;
  /** Spans the whole row on wide screens. */
  wide?: boolean;
  /** Starts a titled group of fields. */
  section?: MessageKey;
}

export type RecordFormGroup = FormGroup<Record<string, FormControl<string | null>>>;

const URL_PATTERN = /^https?:\/\/\S+$/i;

/** A form group with one control per field (keys as given, dots included), with its validators. */
export function buildForm(fields: readonly FormFieldSpec[]): RecordFormGroup {
  const controls: Record<string, FormControl<string | null>> = {};
  for (const field of fields) {
    const validators: ValidatorFn[] = [];
    if (field.required) validators.push(Validators.required);
    if (field.maxLength) validators.push(Validators.maxLength(field.maxLength));
    if (field.type === 'email') validators.push(Validators.email);
    if (field.type === 'url') validators.push(Validators.pattern(URL_PATTERN));
    if (field.type === 'number') validators.push(Validators.min(0));
    if (field.mask) validators.push(maskValidator(field.mask));
    controls[field.key] = new FormControl<string | null>(null, validators);
  }
  return new FormGroup(controls);
}

/** The control values for a record read from the API (`address.city` reads record.address.city). */
export function formValues(
  fields: readonly FormFieldSpec[],
  record: object | null,
): Record<string, string | null> {
  const values: Record<string, string | null> = {};
  for (const field of fields) {
    const value = record ? valueAt(record, field.key) : undefined;
    values[field.key] = value === null || value === undefined ? null : String(value);
  }
  return values;
}

/**
 * The request body: on create every filled field, on update only the fields the user changed (an
 * emptied field is sent as null, which clears it). Nested keys become nested objects.
 */
export function payloadOf(
  fields: readonly FormFieldSpec[],
  form: RecordFormGroup,
  mode: 'create' | 'update',
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const control = form.controls[field.key];
    if (mode === 'update' && !control.dirty) continue;
    const raw = typeof control.value === 'string' ? control.value.trim() : control.value;
    const value = raw === '' || raw === null ? null : field.type === 'number' ? Number(raw) : raw;
    if (mode === 'create' && value === null) continue;
    setAt(body, field.key, value);
  }
  return body;
}

function valueAt(record: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (v, part) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined),
      record,
    );
}

function setAt(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}
