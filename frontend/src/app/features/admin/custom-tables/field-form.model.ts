import {
  AbstractControl,
  FormControl,
  FormGroup,
  ValidationErrors,
  Validators,
} from '@angular/forms';

import { CreateFieldDto } from '../../../core/api/generated/models/create-field-dto';
import { FieldDto } from '../../../core/api/generated/models/field-dto';
import { SelectOptionDto } from '../../../core/api/generated/models/select-option-dto';
import { UpdateFieldDto } from '../../../core/api/generated/models/update-field-dto';
import { MessageKey } from '../../../core/i18n/messages.pt-br';
import { apiNameValidator } from '../shared/api-name';

export type CreatableType = CreateFieldDto['type'];

/** The types a new field may have (the API's CREATABLE_FIELD_TYPES), with their labels, in menu order. */
export const FIELD_TYPE_LABELS: Record<CreatableType, MessageKey> = {
  text: 'fieldType.text',
  long_text: 'fieldType.long_text',
  integer: 'fieldType.integer',
  decimal: 'fieldType.decimal',
  currency_brl: 'fieldType.currency_brl',
  percent: 'fieldType.percent',
  date: 'fieldType.date',
  datetime: 'fieldType.datetime',
  boolean: 'fieldType.boolean',
  select: 'fieldType.select',
  multi_select: 'fieldType.multi_select',
  email: 'fieldType.email',
  phone: 'fieldType.phone',
  cpf: 'fieldType.cpf',
  cnpj: 'fieldType.cnpj',
  cep: 'fieldType.cep',
  url: 'fieldType.url',
  lookup: 'fieldType.lookup',
};
export const FIELD_TYPES = Object.keys(FIELD_TYPE_LABELS) as CreatableType[];

const MAX_OPTIONS = 200;
const MAX_OPTION_LENGTH = 100;
const NUMERIC: readonly string[] = ['integer', 'decimal', 'currency_brl', 'percent'];

export const hasOptions = (type: string): boolean => type === 'select' || type === 'multi_select';
/** Types whose default is typed in the form (lists and references have none here). */
export const takesDefault = (type: string): boolean =>
  !hasOptions(type) && type !== 'lookup' && type !== 'long_text';

export type FieldForm = FormGroup<{
  labelPt: FormControl<string>;
  labelEn: FormControl<string>;
  apiName: FormControl<string>;
  type: FormControl<CreatableType>;
  required: FormControl<boolean>;
  unique: FormControl<boolean>;
  defaultValue: FormControl<string>;
  /** One option per line. */
  options: FormControl<string>;
  target: FormControl<string>;
}>;

/** One option per line, blank lines ignored; "valor" is also the label. */
export function parseOptions(text: string): SelectOptionDto[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((value) => ({ value, label: value }));
}

/**
 * The rules the API applies across fields: options for select types (1 to 200, unique, short), a target
 * for lookups, a default that fits a number type. Errors go on the control they are about.
 */
function fieldRules(group: AbstractControl): ValidationErrors | null {
  const form = group as FieldForm;
  const { type, options, target, defaultValue } = form.getRawValue();
  const set = (control: AbstractControl, key: string, on: boolean) => {
    const errors = { ...(control.errors ?? {}) };
    if (on) errors[key] = true;
    else delete errors[key];
    control.setErrors(Object.keys(errors).length ? errors : null);
  };
  const list = parseOptions(options);
  const values = list.map((o) => o.value);
  set(form.controls.options, 'optionsRequired', hasOptions(type) && list.length === 0);
  set(form.controls.options, 'optionsTooMany', hasOptions(type) && list.length > MAX_OPTIONS);
  set(
    form.controls.options,
    'optionsDuplicate',
    hasOptions(type) && new Set(values).size !== values.length,
  );
  set(
    form.controls.options,
    'optionTooLong',
    hasOptions(type) && values.some((v) => v.length > MAX_OPTION_LENGTH),
  );
  set(form.controls.target, 'targetRequired', type === 'lookup' && !target);
  set(
    form.controls.defaultValue,
    'number',
    NUMERIC.includes(type) &&
      defaultValue.trim() !== '' &&
      !Number.isFinite(Number(defaultValue.replace(',', '.'))),
  );
  return null;
}

export function createFieldForm(field?: FieldDto): FieldForm {
  const form: FieldForm = new FormGroup(
    {
      labelPt: new FormControl(field?.labelPt ?? '', {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(120)],
      }),
      labelEn: new FormControl(field && field.labelEn !== field.labelPt ? field.labelEn : '', {
        nonNullable: true,
        validators: [Validators.maxLength(120)],
      }),
      apiName: new FormControl(field?.apiName ?? '', {
        nonNullable: true,
        validators: [Validators.required, apiNameValidator('field')],
      }),
      type: new FormControl<CreatableType>((field?.type as CreatableType) ?? 'text', {
        nonNullable: true,
      }),
      required: new FormControl(field?.required ?? false, { nonNullable: true }),
      unique: new FormControl(field?.unique ?? false, { nonNullable: true }),
      defaultValue: new FormControl(
        field?.default === null || field?.default === undefined ? '' : String(field.default),
        { nonNullable: true },
      ),
      options: new FormControl((field?.options ?? []).map((o) => o.value).join('\n'), {
        nonNullable: true,
      }),
      target: new FormControl(field?.target ?? '', { nonNullable: true }),
    },
    { validators: fieldRules },
  );
  return form;
}

function typedDefault(type: string, text: string): unknown {
  const v = text.trim();
  if (v === '') return undefined;
  if (NUMERIC.includes(type)) return Number(v.replace(',', '.'));
  if (type === 'boolean') return v === 'true';
  return v;
}

/** The POST body of a new field. */
export function createFieldRequest(form: FieldForm): CreateFieldDto {
  const v = form.getRawValue();
  const value = takesDefault(v.type) ? typedDefault(v.type, v.defaultValue) : undefined;
  return {
    apiName: v.apiName,
    labelPt: v.labelPt.trim(),
    ...(v.labelEn.trim() ? { labelEn: v.labelEn.trim() } : {}),
    type: v.type,
    required: v.required,
    unique: v.unique,
    ...(value !== undefined ? { default: value as unknown as CreateFieldDto['default'] } : {}),
    ...(hasOptions(v.type) ? { options: parseOptions(v.options) } : {}),
    ...(v.type === 'lookup' ? { target: v.target } : {}),
  };
}

/** The PATCH body of a field: only what changed (null default removes it). */
export function updateFieldRequest(form: FieldForm, field: FieldDto): UpdateFieldDto {
  const v = form.getRawValue();
  const body: UpdateFieldDto = {};
  if (v.apiName !== field.apiName) body.apiName = v.apiName;
  if (v.labelPt.trim() !== field.labelPt) body.labelPt = v.labelPt.trim();
  const labelEn = v.labelEn.trim() || v.labelPt.trim();
  if (labelEn !== field.labelEn) body.labelEn = labelEn;
  if (v.type !== field.type) body.type = v.type as UpdateFieldDto['type'];
  if (v.required !== field.required) body.required = v.required;
  if (v.unique !== field.unique) body.unique = v.unique;
  if (hasOptions(v.type)) {
    const options = parseOptions(v.options);
    const before = (field.options ?? []).map((o) => o.value);
    if (options.map((o) => o.value).join('\n') !== before.join('\n')) body.options = options;
  }
  if (takesDefault(v.type)) {
    const now = typedDefault(v.type, v.defaultValue);
    const was = field.default ?? undefined;
    if (now !== was && String(now) !== String(was)) {
      body.default = (now === undefined ? null : now) as unknown as UpdateFieldDto['default'];
    }
  }
  return body;
}
