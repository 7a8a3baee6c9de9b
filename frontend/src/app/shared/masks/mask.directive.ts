import { Directive, ElementRef, forwardRef, inject, input } from '@angular/core';
import { ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';

import { applyMask, maskChars, MaskKind } from './br-masks';

/**
 * `<input matInput appMask="cpf" formControlName="cpf">`: formats while typing and keeps the caret after
 * the same character. The control holds the formatted text, which the API accepts as it is (it
 * normalizes CPF, CNPJ, CEP and phones); values that come from the API (`52998224725`,
 * `+5511987654321`) are shown formatted.
 */
@Directive({
  selector: 'input[appMask]',
  host: {
    '(input)': 'onInput()',
    '(blur)': 'onTouched()',
    '[attr.inputmode]': 'inputMode()',
    autocomplete: 'off',
  },
  providers: [
    { provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => MaskDirective), multi: true },
  ],
})
export class MaskDirective implements ControlValueAccessor {
  readonly appMask = input.required<MaskKind>();

  private readonly input = inject<ElementRef<HTMLInputElement>>(ElementRef).nativeElement;
  private onChange: (value: string) => void = () => {};
  protected onTouched: () => void = () => {};

  // CNPJ may carry letters (alphanumeric format), so it keeps the full keyboard.
  protected inputMode(): string {
    return this.appMask() === 'cnpj' ? 'text' : this.appMask() === 'phone' ? 'tel' : 'numeric';
  }

  writeValue(value: unknown): void {
    this.input.value = applyMask(this.appMask(), typeof value === 'string' ? value : '');
  }

  registerOnChange(fn: (value: string) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.input.disabled = disabled;
  }

  protected onInput(): void {
    const kind = this.appMask();
    const typed = this.input.value;
    const caret = this.input.selectionStart ?? typed.length;
    const kept = maskChars(kind, typed.slice(0, caret)).length;
    const formatted = applyMask(kind, typed);
    this.input.value = formatted;
    const position = caretAfter(kind, formatted, kept);
    if (this.input.ownerDocument.activeElement === this.input) {
      this.input.setSelectionRange(position, position);
    }
    this.onChange(formatted);
  }
}

/** The index just after the `count`-th kept character of `formatted`. */
export function caretAfter(kind: MaskKind, formatted: string, count: number): number {
  if (count <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < formatted.length; i++) {
    if (maskChars(kind, formatted[i]).length) seen++;
    if (seen === count) return i + 1;
  }
  return formatted.length;
}
