/**
 * Brazilian phone numbers, normalized to E.164: `+55` + DDD (2) + number
 * (9 digits for mobiles, always starting with 9; 8 digits for landlines, starting with 2–5).
 *
 * Accepted input: `(11) 98765-4321`, `11987654321`, `+55 11 98765-4321`, `5511987654321`,
 * `0055 11 98765-4321`, `011 98765-4321`, `0xx11 98765-4321`, `0 21 11 98765-4321`
 * (long-distance prefix 0 + carrier code), landlines `(11) 3456-7890`.
 */

/** All DDDs (códigos de área) in use in Brazil (Anatel). */
export const VALID_DDDS: ReadonlySet<string> = new Set(
  [
    11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38, 41, 42, 43, 44, 45, 46,
    47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69, 71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85,
    86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99,
  ].map(String),
);

export function isValidDdd(ddd: string): boolean {
  return VALID_DDDS.has(ddd);
}

/** Returns `+55DDNNNNNNNNN` (mobile) / `+55DDNNNNNNNN` (landline) or `null`. */
export function normalizePhoneBR(input: string): string | null {
  if (typeof input !== 'string') return null;
  let s = input.trim();
  let plus = false;
  if (s.startsWith('+')) {
    plus = true;
    s = s.slice(1);
  }
  if (!/^[0-9xX\s().\-]+$/.test(s)) return null;
  // "0xx11 …": 0 + placeholder carrier code + DDD
  s = s.replace(/^\(?0\s*[xX]{2}\s*/, '0');
  if (/[xX]/.test(s)) return null;
  let d = s.replace(/\D/g, '');

  if (plus) {
    if (!d.startsWith('55')) return null; // another country
    d = d.slice(2);
  } else if (d.startsWith('00')) {
    if (!d.startsWith('0055')) return null; // international prefix to another country
    d = d.slice(4);
  } else if (d.startsWith('0')) {
    d = d.slice(1); // trunk prefix
    if (d.length === 12 || d.length === 13) d = d.slice(2); // carrier code (operadora)
  } else if ((d.length === 12 || d.length === 13) && d.startsWith('55')) {
    d = d.slice(2); // country code without "+"
  }

  if (d.length !== 10 && d.length !== 11) return null;
  const ddd = d.slice(0, 2);
  const num = d.slice(2);
  if (!VALID_DDDS.has(ddd)) return null;
  if (num.length === 9 && num[0] !== '9') return null; // mobiles: 9 digits, leading 9
  if (num.length === 8 && !/^[2-5]/.test(num)) return null; // landlines: 8 digits, 2–5
  return `+55${ddd}${num}`;
}

export function isValidPhoneBR(input: string): boolean {
  return normalizePhoneBR(input) !== null;
}

/** `+5511987654321` → `(11) 98765-4321`; `+551134567890` → `(11) 3456-7890` (input unchanged when invalid). */
export function formatPhoneBR(input: string): string {
  const e164 = normalizePhoneBR(input);
  if (!e164) return input;
  const ddd = e164.slice(3, 5);
  const num = e164.slice(5);
  const cut = num.length - 4;
  return `(${ddd}) ${num.slice(0, cut)}-${num.slice(cut)}`;
}

/** True for a normalized E.164 Brazilian mobile number. */
export function isMobilePhoneBR(input: string): boolean {
  const e164 = normalizePhoneBR(input);
  return e164 !== null && e164.length === 14;
}
