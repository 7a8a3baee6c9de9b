/**
 * BRL amounts, stored as PostgreSQL `numeric(14,2)`: at most 12 integer digits + 2 decimals.
 * Arithmetic is done on integer centavos (BigInt) so there is no binary floating-point drift.
 */

export const BRL_PRECISION = 14;
export const BRL_SCALE = 2;
/** Largest absolute amount in centavos that fits numeric(14,2): 999 999 999 999,99. */
export const BRL_MAX_CENTS = 10n ** BigInt(BRL_PRECISION) - 1n;

/**
 * Parses a number or a string into integer centavos, rounding half away from zero at 2 decimals.
 * Strings: plain decimals (`1234.5`, `-0.99`) or pt-BR formatting (`R$ 1.234,56`, `1234,5`):
 * a string containing a comma is read as pt-BR (dots = thousands, comma = decimals).
 * Returns `null` on NaN/Infinity, garbage, or more than 14 digits in total.
 */
export function parseBrlCents(value: number | string): bigint | null {
  let s: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    if (Math.abs(value) >= 1e15) return null;
    s = String(value);
    if (/e/i.test(s)) s = value.toFixed(20); // tiny values such as 1e-7
  } else if (typeof value === 'string') {
    s = value.trim().replace(/^R\$\s*/i, '').replace(/\s/g, '');
    let neg = false;
    if (s.startsWith('-')) {
      neg = true;
      s = s.slice(1).replace(/^R\$/i, '');
    }
    if (s.includes(',')) {
      if (!/^\d{1,3}(\.\d{3})*(,\d*)?$|^\d+(,\d*)?$/.test(s)) return null;
      s = s.replace(/\./g, '').replace(',', '.');
    }
    if (neg) s = '-' + s;
  } else {
    return null;
  }
  const m = /^([+-])?(\d+)(?:\.(\d*))?$|^([+-])?\.(\d+)$/.exec(s);
  if (!m) return null;
  const sign = (m[1] ?? m[4]) === '-' ? -1n : 1n;
  const intPart = (m[2] ?? '0').replace(/^0+(?=\d)/, '');
  const frac = m[3] ?? m[5] ?? '';
  if (intPart.length > BRL_PRECISION) return null;
  let cents = BigInt(intPart) * 100n + BigInt((frac + '00').slice(0, 2));
  if (frac.length > 2 && frac.charCodeAt(2) - 48 >= 5) cents += 1n; // half away from zero
  if (cents > BRL_MAX_CENTS) return null;
  return cents === 0n ? 0n : sign * cents;
}

/** Canonical numeric(14,2) text from integer centavos (`123456n` → `"1234.56"`). */
export function centsToBrlNumeric(cents: bigint | number): string {
  let c = BigInt(cents);
  if (c > BRL_MAX_CENTS || c < -BRL_MAX_CENTS) throw new RangeError('Valor excede numeric(14,2)');
  const neg = c < 0n;
  if (neg) c = -c;
  const int = c / 100n;
  const frac = (c % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${int}.${frac}`;
}

/**
 * Canonical numeric(14,2) text for a BRL amount (`1234.5` → `"1234.50"`, `"R$ 1.234,56"` → `"1234.56"`).
 * Throws a RangeError on NaN, garbage or amounts that do not fit 14 digits.
 */
export function toBrlNumeric(value: number | string): string {
  const cents = parseBrlCents(value);
  if (cents === null) throw new RangeError(`Valor monetário inválido para numeric(14,2): ${JSON.stringify(value)}`);
  return centsToBrlNumeric(cents);
}

/** Same as toBrlNumeric but returns `null` instead of throwing. */
export function tryToBrlNumeric(value: number | string): string | null {
  const cents = parseBrlCents(value);
  return cents === null ? null : centsToBrlNumeric(cents);
}

export function isValidBrlAmount(value: number | string): boolean {
  return parseBrlCents(value) !== null;
}

const brlFormatter = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });

/** Display formatting: `1234.5` → `"R$ 1.234,50"` (uses a non-breaking space as Intl does). */
export function formatBrl(value: number | string): string {
  return brlFormatter.format(Number(toBrlNumeric(value)));
}

/** The default tenant time zone. */
export const DEFAULT_TIME_ZONE = 'America/Sao_Paulo';
