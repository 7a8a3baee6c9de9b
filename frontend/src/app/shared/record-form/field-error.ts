import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { AbstractControl, ValidationErrors } from '@angular/forms';

import { I18n } from '../../core/i18n/i18n';
import { MessageKey } from '../../core/i18n/messages.pt-br';
import { FormFieldSpec } from './form-spec';

const MESSAGES: Record<string, MessageKey> = {
  required: 'form.error.required',
  email: 'form.error.email',
  pattern: 'form.error.url',
  maxlength: 'form.error.maxLength',
  min: 'form.error.min',
  cpf: 'form.error.cpf',
  cnpj: 'form.error.cnpj',
  cep: 'form.error.cep',
  phone: 'form.error.phone',
};

/** The first error of a control in words; `server` errors carry the API's own message. */
@Component({
  selector: 'app-field-error',
  template: `{{ message() }}`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FieldError {
  private readonly i18n = inject(I18n);
  readonly control = input.required<AbstractControl>();
  readonly field = input.required<FormFieldSpec>();

  // Form controls are not signals: their errors are copied here on every change of the control.
  private readonly errors = signal<ValidationErrors | null>(null);

  protected readonly message = computed(() => {
    const errors = this.errors();
    if (!errors) return '';
    if (typeof errors['server'] === 'string') return errors['server'];
    const key = Object.keys(errors).find((k) => MESSAGES[k]);
    return key ? this.i18n.t(MESSAGES[key], { max: this.field().maxLength ?? '' }) : '';
  });

  constructor() {
    effect((onCleanup) => {
      const control = this.control();
      this.errors.set(control.errors);
      const events = control.events.subscribe(() => this.errors.set(control.errors));
      onCleanup(() => events.unsubscribe());
    });
  }
}
