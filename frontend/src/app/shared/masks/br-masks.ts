import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/**
 * Brazilian document and contact masks: formatting while typing, and the same checks the API runs
 * (backend/src/common/br), so a form refuses a wrong check digit before the request.
 */
export type MaskKind = 'cpf' | 'cnpj' | 'cep' | 'phone';

/** The characters a mask keeps (digits; for CNPJ also the letters of the alphanumeric format). */
export function maskChars(kind: MaskKind, value: string): string {
  if (kind === 'cnpj') return cnpjChars(value);
  const digits = value.replace(/\D/g, '');
  if (kind === 'phone') return phoneDigits(digits);
  return digits.slice(0, kind === 'cpf' ? 11 : 8);
}

/** Formats what was typed so far: `5299822` → `529.982.2`; full values get the whole pattern. */
export function applyMask(kind: MaskKind, value: string | null | undefined): string {
  if (!value) return '';
  const chars = maskChars(kind, value);
  switch (kind) {
    case 'cpf':
      return fill(chars, '###.###.###-##');
    case 'cnpj':
      return fill(chars, '##.###.###/####-##');
    case 'cep':
      return fill(chars, '#####-###');
    case 'phone':
      return fill(chars, chars.length > 10 ? '(##) #####-####' : '(##) ####-####');
  }
}

/** Puts `chars` into the `#` slots of `pattern`, stopping at the last character typed. */
function fill(chars: string, pattern: string): string {
  let out = '';
  let i = 0;
  for (const slot of pattern) {
    if (i >= chars.length) break;
    if (slot === '#') out += chars[i++];
    else out += slot;
  }
  return out;
}

// CNPJ from July 2026: 12 characters [0-9A-Z] and 2 numeric check digits.
function cnpjChars(value: string): string {
  const raw = value.toUpperCase().replace(/[^0-9A-Z]/g, '');
  let out = '';
  for (const c of raw) {
    if (out.length >= 14) break;
    if (out.length >= 12 && !/\d/.test(c)) continue;
    out += c;
  }
  return out;
}

// The API stores phones in E.164 (+5511987654321): the country code is dropped for display.
function phoneDigits(digits: string): string {
  const national =
    (digits.length === 12 || digits.length === 13) && digits.startsWith('55')
      ? digits.slice(2)
      : digits;
  return national.slice(0, 11);
}

export function isValidCpf(value: string): boolean {
  const cpf = value.replace(/\D/g, '');
  if (cpf.length !== 11 || /^(\d)\1{10}$/.test(cpf)) return false;
  return (
    mod11(cpf.slice(0, 9), [10, 9, 8, 7, 6, 5, 4, 3, 2]) === Number(cpf[9]) &&
    mod11(cpf.slice(0, 10), [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) === Number(cpf[10])
  );
}

export function isValidCnpj(value: string): boolean {
  const cnpj = cnpjChars(value);
  if (!/^[0-9A-Z]{12}\d{2}$/.test(cnpj) || /^(.)\1{13}$/.test(cnpj)) return false;
  const d1 = mod11(cnpj.slice(0, 12), [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const d2 = mod11(cnpj.slice(0, 12) + d1, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return `${d1}${d2}` === cnpj.slice(12);
}

export function isValidCep(value: string): boolean {
  return /^\d{8}$/.test(value.replace(/\D/g, ''));
}

// Area codes in use (Anatel), as the API checks them.
const DDDS = new Set(
  [
    11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38, 41, 42, 43,
    44, 45, 46, 47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69, 71, 73, 74, 75, 77,
    79, 81, 82, 83, 84, 85, 86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99,
  ].map(String),
);

/** A known DDD, then 9 digits starting with 9 (mobile) or 8 starting with 2–5 (landline). */
export function isValidPhone(value: string): boolean {
  const d = maskChars('phone', value);
  if (!DDDS.has(d.slice(0, 2))) return false;
  if (d.length === 11) return d[2] === '9';
  return d.length === 10 && /[2-5]/.test(d[2]);
}

// Check digit over (charCode − 48), so letters of the alphanumeric CNPJ count as 17 (A) and up.
function mod11(chars: string, weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < chars.length; i++) sum += (chars.charCodeAt(i) - 48) * weights[i];
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

const CHECKS: Record<MaskKind, (value: string) => boolean> = {
  cpf: isValidCpf,
  cnpj: isValidCnpj,
  cep: isValidCep,
  phone: isValidPhone,
};

/** `{ cpf: true }` (or cnpj, cep, phone) when a filled control holds an invalid value; empty passes. */
export function maskValidator(kind: MaskKind): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    if (typeof value !== 'string' || value.trim() === '') return null;
    return CHECKS[kind](value) ? null : { [kind]: true };
  };
}
