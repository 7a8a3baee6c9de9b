/**
 * CPF (Cadastro de Pessoas Físicas): 9 base digits + 2 mod-11 check digits.
 * Accepts the usual formatting (`123.456.789-09`), stored normalized as 11 digits.
 */

const CPF_SEPARATORS = /[.\-\s]/g;

/** Strips `.`, `-` and whitespace; returns the 11 digits or `null` when the shape is wrong. Does not check digits. */
export function normalizeCpf(input: string): string | null {
  if (typeof input !== 'string') return null;
  const s = input.replace(CPF_SEPARATORS, '');
  return /^\d{11}$/.test(s) ? s : null;
}

function cpfDigit(digits: string): number {
  // weights start at len+1 and go down to 2
  let sum = 0;
  const w0 = digits.length + 1;
  for (let i = 0; i < digits.length; i++) sum += (digits.charCodeAt(i) - 48) * (w0 - i);
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

/** The two check digits for a 9-digit base. Throws on a base that is not 9 digits. */
export function cpfCheckDigits(base9: string): string {
  if (typeof base9 !== 'string' || !/^\d{9}$/.test(base9)) {
    throw new RangeError(`CPF base must be 9 digits, got ${JSON.stringify(base9)}`);
  }
  const d1 = cpfDigit(base9);
  const d2 = cpfDigit(base9 + d1);
  return `${d1}${d2}`;
}

/** Valid shape, correct check digits, and not all digits equal (e.g. 111.111.111-11). */
export function isValidCpf(input: string): boolean {
  const cpf = normalizeCpf(input);
  if (!cpf) return false;
  if (/^(\d)\1{10}$/.test(cpf)) return false;
  return cpfCheckDigits(cpf.slice(0, 9)) === cpf.slice(9);
}

/** `12345678909` → `123.456.789-09` (returns the input unchanged when it is not a normalizable CPF). */
export function formatCpf(input: string): string {
  const cpf = normalizeCpf(input);
  if (!cpf) return input;
  return `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`;
}
