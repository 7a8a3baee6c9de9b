/** CEP (Código de Endereçamento Postal): 8 digits, written `01310-100` (sometimes `01.310-100`). */

/** Strips `.`, `-` and whitespace; returns the 8 digits or `null`. */
export function normalizeCep(input: string): string | null {
  if (typeof input !== 'string') return null;
  const s = input.replace(/[.\-\s]/g, '');
  return /^\d{8}$/.test(s) ? s : null;
}

/** 8 digits (formatted or not) and not `00000000` (CEPs start at 01000-000). */
export function isValidCep(input: string): boolean {
  const cep = normalizeCep(input);
  return cep !== null && cep !== '00000000';
}

/** `01310100` → `01310-100` (input unchanged when not normalizable). */
export function formatCep(input: string): string {
  const cep = normalizeCep(input);
  return cep ? `${cep.slice(0, 5)}-${cep.slice(5)}` : input;
}
