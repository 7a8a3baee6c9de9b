/**
 * CNPJ (Cadastro Nacional da Pessoa Jurídica), including the alphanumeric format
 * in force from July 2026 (IN RFB 2.229/2024): 12 characters `[0-9A-Z]`
 * (8 of root + 4 of branch order) followed by 2 numeric check digits.
 * Check digits: mod 11 over (charCode − 48), weights 5..2,9..2 and 6..2,9..2.
 * Purely numeric CNPJs are the special case where every character is a digit.
 */

const CNPJ_SEPARATORS = /[.\/\-\s]/g;
const CNPJ_SHAPE = /^[0-9A-Z]{12}[0-9]{2}$/;
const CNPJ_BASE_SHAPE = /^[0-9A-Z]{12}$/;
const W1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const W2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/** Strips `.`, `/`, `-` and whitespace, uppercases; returns the 14 chars or `null` when the shape is wrong. Does not check digits. */
export function normalizeCnpj(input: string): string | null {
  if (typeof input !== 'string') return null;
  const s = input.replace(CNPJ_SEPARATORS, '').toUpperCase();
  return CNPJ_SHAPE.test(s) ? s : null;
}

function cnpjDigit(chars: string, weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < chars.length; i++) sum += (chars.charCodeAt(i) - 48) * weights[i];
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

/** The two numeric check digits for a 12-character base (`[0-9A-Z]`, case-insensitive). Throws on a bad base. */
export function cnpjCheckDigits(base12: string): string {
  const base = typeof base12 === 'string' ? base12.toUpperCase() : base12;
  if (typeof base !== 'string' || !CNPJ_BASE_SHAPE.test(base)) {
    throw new RangeError(`CNPJ base must be 12 characters [0-9A-Z], got ${JSON.stringify(base12)}`);
  }
  const d1 = cnpjDigit(base, W1);
  const d2 = cnpjDigit(base + d1, W2);
  return `${d1}${d2}`;
}

/** Valid shape, correct check digits, and not all characters equal (e.g. 00.000.000/0000-00). */
export function isValidCnpj(input: string): boolean {
  const cnpj = normalizeCnpj(input);
  if (!cnpj) return false;
  if (/^(.)\1{13}$/.test(cnpj)) return false;
  return cnpjCheckDigits(cnpj.slice(0, 12)) === cnpj.slice(12);
}

/** `12ABC34501DE35` → `12.ABC.345/01DE-35` (returns the input unchanged when it is not a normalizable CNPJ). */
export function formatCnpj(input: string): string {
  const c = normalizeCnpj(input);
  if (!c) return input;
  return `${c.slice(0, 2)}.${c.slice(2, 5)}.${c.slice(5, 8)}/${c.slice(8, 12)}-${c.slice(12)}`;
}
