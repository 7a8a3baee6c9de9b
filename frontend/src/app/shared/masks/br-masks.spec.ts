import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';

import {
  applyMask,
  isValidCep,
  isValidCnpj,
  isValidCpf,
  isValidPhone,
  maskValidator,
} from './br-masks';
import { caretAfter, MaskDirective } from './mask.directive';

describe('Brazilian masks', () => {
  it('formats CPF progressively and in full', () => {
    expect(applyMask('cpf', '529')).toBe('529');
    expect(applyMask('cpf', '5299')).toBe('529.9');
    expect(applyMask('cpf', '5299822')).toBe('529.982.2');
    expect(applyMask('cpf', '52998224725')).toBe('529.982.247-25');
    expect(applyMask('cpf', '529.982.247-2599')).toBe('529.982.247-25');
  });

  it('formats CNPJ, numeric and alphanumeric (letters uppercased, check digits numeric)', () => {
    expect(applyMask('cnpj', '11222333000181')).toBe('11.222.333/0001-81');
    expect(applyMask('cnpj', '12abc34501de35')).toBe('12.ABC.345/01DE-35');
    expect(applyMask('cnpj', '12ABC34501DEXY')).toBe('12.ABC.345/01DE');
    expect(applyMask('cnpj', '11.2')).toBe('11.2');
  });

  it('formats CEP', () => {
    expect(applyMask('cep', '01310')).toBe('01310');
    expect(applyMask('cep', '013101')).toBe('01310-1');
    expect(applyMask('cep', '01310100')).toBe('01310-100');
  });

  it('formats landlines, mobiles and E.164 values from the API', () => {
    expect(applyMask('phone', '11')).toBe('(11');
    expect(applyMask('phone', '113')).toBe('(11) 3');
    expect(applyMask('phone', '1134567890')).toBe('(11) 3456-7890');
    expect(applyMask('phone', '11987654321')).toBe('(11) 98765-4321');
    expect(applyMask('phone', '+5511987654321')).toBe('(11) 98765-4321');
    expect(applyMask('phone', '+551134567890')).toBe('(11) 3456-7890');
    expect(applyMask('phone', null)).toBe('');
  });

  it('checks CPF digits', () => {
    expect(isValidCpf('529.982.247-25')).toBe(true);
    expect(isValidCpf('52998224725')).toBe(true);
    expect(isValidCpf('529.982.247-24')).toBe(false);
    expect(isValidCpf('111.111.111-11')).toBe(false);
    expect(isValidCpf('5299822')).toBe(false);
  });

  it('checks CNPJ digits, including the alphanumeric format', () => {
    expect(isValidCnpj('11.222.333/0001-81')).toBe(true);
    expect(isValidCnpj('11.222.333/0001-82')).toBe(false);
    expect(isValidCnpj('12.ABC.345/01DE-35')).toBe(true);
    expect(isValidCnpj('12abc34501de35')).toBe(true);
    expect(isValidCnpj('12.ABC.345/01DE-36')).toBe(false);
    expect(isValidCnpj('00.000.000/0000-00')).toBe(false);
  });

  it('checks CEP and phones', () => {
    expect(isValidCep('01310-100')).toBe(true);
    expect(isValidCep('01310-10')).toBe(false);
    expect(isValidPhone('(11) 98765-4321')).toBe(true);
    expect(isValidPhone('(11) 3456-7890')).toBe(true);
    expect(isValidPhone('(11) 88765-4321')).toBe(false); // 11 digits must start with 9
    expect(isValidPhone('(20) 3456-7890')).toBe(false); // no DDD 20
    expect(isValidPhone('(11) 1456-7890')).toBe(false); // landlines start 2–5
  });

  it('validators pass empty values and name the failing mask', () => {
    const cpf = maskValidator('cpf');
    expect(cpf(new FormControl(''))).toBeNull();
    expect(cpf(new FormControl(null))).toBeNull();
    expect(cpf(new FormControl('529.982.247-25'))).toBeNull();
    expect(cpf(new FormControl('529.982.247-2'))).toEqual({ cpf: true });
  });

  it('puts the caret after the same typed character', () => {
    expect(caretAfter('cpf', '529.982.2', 4)).toBe(5);
    expect(caretAfter('cpf', '529.982.2', 3)).toBe(3);
    expect(caretAfter('phone', '(11) 9', 3)).toBe(6);
    expect(caretAfter('cpf', '529', 0)).toBe(0);
  });
});

@Component({
  imports: [ReactiveFormsModule, MaskDirective],
  template: `<input appMask="phone" [formControl]="phone" />`,
})
class PhoneHost {
  readonly phone = new FormControl<string | null>('+5511987654321');
}

describe('MaskDirective', () => {
  it('shows API values formatted and writes the formatted text to the control', async () => {
    const fixture = TestBed.createComponent(PhoneHost);
    await fixture.whenStable();
    const input = fixture.nativeElement.querySelector('input') as HTMLInputElement;
    expect(input.value).toBe('(11) 98765-4321');
    expect(input.getAttribute('inputmode')).toBe('tel');

    input.value = '1134567890';
    input.dispatchEvent(new Event('input'));
    expect(input.value).toBe('(11) 3456-7890');
    expect(fixture.componentInstance.phone.value).toBe('(11) 3456-7890');

    fixture.componentInstance.phone.setValue('21987654321');
    expect(input.value).toBe('(21) 98765-4321');
  });
});
