import { FieldDto } from '../../../core/api/generated/models/field-dto';
import {
  createFieldForm,
  createFieldRequest,
  parseOptions,
  updateFieldRequest,
} from './field-form.model';

const fill = (
  form: ReturnType<typeof createFieldForm>,
  value: Partial<ReturnType<typeof form.getRawValue>>,
) => {
  form.patchValue(value);
  form.updateValueAndValidity();
};

describe('custom field form', () => {
  it('needs a label and a valid API name', () => {
    const form = createFieldForm();
    expect(form.valid).toBe(false);
    expect(form.controls.labelPt.hasError('required')).toBe(true);

    fill(form, { labelPt: 'Data da visita', apiName: 'Data Visita' });
    expect(form.controls.apiName.errors).toEqual({ apiName: 'pattern' });
    fill(form, { apiName: 'owner_id' });
    expect(form.controls.apiName.errors).toEqual({ apiName: 'taken' });
    fill(form, { apiName: 'data_visita_' });
    expect(form.controls.apiName.errors).toEqual({ apiName: 'underscores' });
    fill(form, { apiName: 'data_visita' });
    expect(form.valid).toBe(true);
  });

  it('needs options for picklists: at least one, no repeats, short', () => {
    const form = createFieldForm();
    fill(form, { labelPt: 'Nível', apiName: 'nivel', type: 'select' });
    expect(form.controls.options.hasError('optionsRequired')).toBe(true);
    fill(form, { options: 'ouro\nprata\nouro' });
    expect(form.controls.options.hasError('optionsDuplicate')).toBe(true);
    fill(form, { options: `ouro\n${'x'.repeat(101)}` });
    expect(form.controls.options.hasError('optionTooLong')).toBe(true);
    fill(form, { options: 'ouro\n\n prata \nbronze' });
    expect(form.valid).toBe(true);
    expect(parseOptions(form.controls.options.value).map((o) => o.value)).toEqual([
      'ouro',
      'prata',
      'bronze',
    ]);

    // Other types do not care about options.
    fill(form, { type: 'text', options: '' });
    expect(form.valid).toBe(true);
  });

  it('needs a target for a reference, and a number as the default of a number field', () => {
    const form = createFieldForm();
    fill(form, { labelPt: 'Loja', apiName: 'loja', type: 'lookup' });
    expect(form.controls.target.hasError('targetRequired')).toBe(true);
    fill(form, { target: 'tb_empresa' });
    expect(form.valid).toBe(true);

    fill(form, { type: 'integer', defaultValue: 'dez' });
    expect(form.controls.defaultValue.hasError('number')).toBe(true);
    fill(form, { defaultValue: '10' });
    expect(form.valid).toBe(true);
  });

  it('builds the POST body with typed default, options and target only where they apply', () => {
    const form = createFieldForm();
    fill(form, {
      labelPt: ' Valor ',
      apiName: 'valor',
      type: 'currency_brl',
      required: true,
      defaultValue: '12,50',
    });
    expect(createFieldRequest(form)).toEqual({
      apiName: 'valor',
      labelPt: 'Valor',
      type: 'currency_brl',
      required: true,
      unique: false,
      default: 12.5,
    });
    fill(form, { type: 'multi_select', options: 'a\nb', defaultValue: '' });
    expect(createFieldRequest(form)).toEqual(
      expect.objectContaining({
        type: 'multi_select',
        options: [
          { value: 'a', label: 'a' },
          { value: 'b', label: 'b' },
        ],
      }),
    );
  });

  it('sends only what changed when editing', () => {
    const field: FieldDto = {
      id: 'f1',
      apiName: 'nivel',
      labelPt: 'Nível',
      labelEn: 'Nível',
      type: 'select',
      columnType: 'text',
      required: false,
      unique: false,
      default: null,
      options: [{ value: 'ouro', label: 'ouro' }],
      order: 1,
      custom: true,
      system: false,
      readOnly: false,
    };
    const form = createFieldForm(field);
    form.updateValueAndValidity();
    expect(form.valid).toBe(true);
    expect(updateFieldRequest(form, field)).toEqual({});
    fill(form, { labelPt: 'Nível do cliente', options: 'ouro\nprata', unique: true });
    expect(updateFieldRequest(form, field)).toEqual({
      labelPt: 'Nível do cliente',
      labelEn: 'Nível do cliente',
      unique: true,
      options: [
        { value: 'ouro', label: 'ouro' },
        { value: 'prata', label: 'prata' },
      ],
    });
  });
});
