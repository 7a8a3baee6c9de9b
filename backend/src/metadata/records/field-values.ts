import {
  isValidCep,
  isValidCnpj,
  isValidCpf,
  normalizeCep,
  normalizeCnpj,
  normalizeCpf,
  normalizePhoneBR,
  tryToBrlNumeric,
} from '../../common/br';
import { FieldType } from '../metadata.constants';
import { MetaField, SelectOption } from '../metadata.types';

/**
 * Checks one value sent for a field against its metadata and returns the value to bind (canonical form: CPF
 * digits, E.164 phones, lower-case e-mails, numeric text with the exact scale…), or a pt-BR problem.
 */
export type Coerced = { ok: true; value: unknown } | { ok: false; problem: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const E164 = /^\+[1-9]\d{7,14}$/;
const MAX_TEXT = 2_000;
const MAX_LONG_TEXT = 100_000;

const ok = (value: unknown): Coerced => ({ ok: true, value });
const bad = (problem: string): Coerced => ({ ok: false, problem });

const validDate = (v: string) => DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

function numeric(value: unknown, max: { intDigits: number; scale: number | null }, label: string): Coerced {
  let text: string;
  if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else if (typeof value === 'string' && value.trim() !== '') text = value.trim();
  else return bad(`informe ${label}`);
  if (/e/i.test(text)) text = Number(text).toFixed(max.scale ?? 10);
  const m = /^([+-])?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return bad(`informe ${label}`);
  const int = m[2].replace(/^0+(?=\d)/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (int.length > max.intDigits) return bad(`${label} fora do limite`);
  if (max.scale !== null && frac.length > max.scale) return bad(`no máximo ${max.scale} casas decimais`);
  return ok(`${m[1] === '-' ? '-' : ''}${int}${frac ? `.${frac}` : ''}`);
}

function option(options: SelectOption[] | null, value: unknown): string | null {
  return typeof value === 'string' && (options ?? []).some((o) => o.value === value) ? value : null;
}

export function coerceValue(field: Pick<MetaField, 'type' | 'options'>, value: unknown): Coerced {
  if (value === null) return ok(null);
  const t: FieldType = field.type;
  switch (t) {
    case 'text':
    case 'long_text': {
      if (typeof value !== 'string') return bad('informe um texto');
      const max = t === 'text' ? MAX_TEXT : MAX_LONG_TEXT;
      return value.length <= max ? ok(value) : bad(`no máximo ${max} caracteres`);
    }
    case 'integer': {
      const n = typeof value === 'string' && /^[+-]?\d{1,10}$/.test(value.trim()) ? Number(value) : value;
      return typeof n === 'number' && Number.isInteger(n) && Math.abs(n) <= 2_147_483_647 ? ok(n) : bad('informe um número inteiro');
    }
    case 'decimal':
      return numeric(value, { intDigits: 30, scale: 20 }, 'um número');
    case 'percent':
      return numeric(value, { intDigits: 5, scale: 2 }, 'um percentual (ex. 12.5)');
    case 'currency_brl': {
      if (typeof value !== 'number' && typeof value !== 'string') return bad('informe um valor em reais');
      const v = tryToBrlNumeric(value);
      return v === null ? bad('informe um valor em reais com até 2 casas decimais (até 999.999.999.999,99)') : ok(v);
    }
    case 'date':
      return typeof value === 'string' && validDate(value) ? ok(value) : bad('informe uma data AAAA-MM-DD');
    case 'datetime':
      return typeof value === 'string' && DATE_TIME.test(value) && validDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value))
        ? ok(value)
        : bad('informe data-hora ISO 8601 com fuso (ex. 2025-01-31T14:00:00-03:00)');
    case 'boolean':
      return typeof value === 'boolean' ? ok(value) : bad('informe true ou false');
    case 'select': {
      const v = option(field.options, value);
      return v !== null ? ok(v) : bad(`valores permitidos: ${(field.options ?? []).map((o) => o.value).join(', ')}`);
    }
    case 'multi_select': {
      if (!Array.isArray(value)) return bad('informe uma lista de opções');
      const values = value.map((v) => option(field.options, v));
      if (values.some((v) => v === null)) return bad(`valores permitidos: ${(field.options ?? []).map((o) => o.value).join(', ')}`);
      return ok([...new Set(values)]);
    }
    case 'email':
      return typeof value === 'string' && value.length <= 320 && EMAIL.test(value.trim()) ? ok(value.trim().toLowerCase()) : bad('informe um e-mail válido');
    case 'phone': {
      if (typeof value !== 'string') return bad('informe um telefone');
      const br = normalizePhoneBR(value);
      if (br) return ok(br);
      const intl = value.replace(/[\s().-]/g, '');
      return E164.test(intl) && !intl.startsWith('+55') ? ok(intl) : bad('informe um telefone válido (ex. (11) 98765-4321 ou +5511987654321)');
    }
    case 'cpf':
      return typeof value === 'string' && isValidCpf(value) ? ok(normalizeCpf(value)) : bad('CPF inválido');
    case 'cnpj':
      return typeof value === 'string' && isValidCnpj(value) ? ok(normalizeCnpj(value)) : bad('CNPJ inválido');
    case 'cep':
      return typeof value === 'string' && isValidCep(value) ? ok(normalizeCep(value)) : bad('CEP inválido (8 dígitos)');
    case 'url': {
      if (typeof value !== 'string' || value.length > 2000) return bad('informe uma URL http(s)');
      try {
        const u = new URL(value);
        return u.protocol === 'http:' || u.protocol === 'https:' ? ok(value) : bad('informe uma URL http(s)');
      } catch {
        return bad('informe uma URL http(s)');
      }
    }
    case 'lookup':
    case 'uuid':
      return typeof value === 'string' && UUID.test(value) ? ok(value.toLowerCase()) : bad('informe um id (UUID)');
    case 'json':
      return ok(JSON.stringify(value));
  }
}
