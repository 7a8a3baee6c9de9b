import { FieldType } from '../metadata.constants';

/**
 * Which field type changes keep every value, and how to check that first. For a change the plan gives:
 *  - `bad`: a condition true for a value that would be lost or refused (checked with a COUNT before the ALTER);
 *  - `using`: the conversion expression of ALTER … TYPE … USING.
 * `c` stands for the quoted column. Options of select fields are bound ($1), never embedded. Changes outside this
 * table are refused with a reason (lookups, lists to text, date-times to dates with a time…).
 */
export type TypeChangePlan =
  | { ok: true; bad: ((c: string) => string) | null; using: (c: string) => string; needsOptions?: boolean }
  | { ok: false; reason: string };

const TEXTUAL: FieldType[] = ['text', 'long_text', 'email', 'phone', 'cpf', 'cnpj', 'cep', 'url', 'select'];
const NUMERIC: FieldType[] = ['integer', 'decimal', 'currency_brl', 'percent'];
const TZ = `'America/Sao_Paulo'`;

/** Values a text must match to become this text-like type (the formats the record API stores). */
const TEXT_FORMATS: Partial<Record<FieldType, string>> = {
  email: `'^[^@[:space:]]+@[^@[:space:]]+$'`,
  phone: `'^\\+[1-9][0-9]{7,14}$'`,
  cpf: `'^[0-9]{11}$'`,
  cnpj: `'^[0-9A-Z]{12}[0-9]{2}$'`,
  cep: `'^[0-9]{8}$'`,
  url: `'^https?://[^[:space:]]+$'`,
};

const NUMBER_FORMATS: Record<string, { pattern: string; cast: string }> = {
  integer: { pattern: `'^[-+]?[0-9]{1,10}$'`, cast: 'integer' },
  decimal: { pattern: `'^[-+]?[0-9]{1,30}([.][0-9]{1,20})?$'`, cast: 'numeric' },
  currency_brl: { pattern: `'^[-+]?[0-9]{1,12}([.][0-9]{1,2})?$'`, cast: 'numeric(14,2)' },
  percent: { pattern: `'^[-+]?[0-9]{1,5}([.][0-9]{1,2})?$'`, cast: 'numeric(7,2)' },
};

const TRUE_WORDS = `('true', 't', 'yes', 'y', 'on', '1', 'sim', 's')`;
const BOOL_WORDS = `('true', 't', 'yes', 'y', 'on', '1', 'sim', 's', 'false', 'f', 'no', 'n', 'off', '0', 'não', 'nao')`;

/** Limits (exclusive) of each numeric type's absolute value. */
const NUMERIC_LIMIT: Record<string, string> = { integer: '2147483648', currency_brl: '1000000000000', percent: '100000' };
const SCALE: Record<string, number> = { currency_brl: 2, percent: 2, integer: 0 };

const refuse = (reason: string): TypeChangePlan => ({ ok: false, reason });

export function planTypeChange(from: FieldType, to: FieldType): TypeChangePlan {
  if (from === to) return { ok: true, bad: null, using: (c) => c };
  if (from === 'lookup' || to === 'lookup') return refuse('campos de referência (lookup) não mudam de tipo; crie outro campo');
  if (from === 'json' || to === 'json' || from === 'uuid' || to === 'uuid') return refuse(`${from} → ${to} não é suportado`);

  // text-like → text-like: same column type, values must fit the new format (select: one of the options)
  if (TEXTUAL.includes(from) && TEXTUAL.includes(to)) {
    if (to === 'select') return { ok: true, bad: (c) => `NOT (${c} = ANY ($1::text[]))`, using: (c) => c, needsOptions: true };
    const format = TEXT_FORMATS[to];
    return { ok: true, bad: format ? (c) => `${c} !~ ${format}` : null, using: (c) => c };
  }
  if (TEXTUAL.includes(from)) {
    if (NUMERIC.includes(to)) {
      const f = NUMBER_FORMATS[to];
      const outOfRange = (c: string) => (to === 'integer' ? `btrim(${c})::numeric NOT BETWEEN -2147483648 AND 2147483647` : 'false');
      return {
        ok: true,
        bad: (c) => `CASE WHEN btrim(${c}) ~ ${f.pattern} THEN ${outOfRange(c)} ELSE true END`,
        using: (c) => `btrim(${c})::${f.cast}`,
      };
    }
    if (to === 'date') return { ok: true, bad: (c) => `btrim(${c}) !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`, using: (c) => `btrim(${c})::date` };
    if (to === 'datetime') {
      return {
        ok: true,
        bad: (c) =>
          `btrim(${c}) !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,6})?)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?$'`,
        using: (c) => `btrim(${c})::timestamptz`,
      };
    }
    if (to === 'boolean') {
      return {
        ok: true,
        bad: (c) => `lower(btrim(${c})) NOT IN ${BOOL_WORDS}`,
        using: (c) => `CASE WHEN ${c} IS NULL THEN NULL ELSE lower(btrim(${c})) IN ${TRUE_WORDS} END`,
      };
    }
    if (to === 'multi_select') {
      return { ok: true, bad: (c) => `NOT (${c} = ANY ($1::text[]))`, using: (c) => `CASE WHEN ${c} IS NULL THEN NULL ELSE ARRAY[${c}] END`, needsOptions: true };
    }
  }
  if (NUMERIC.includes(from)) {
    if (to === 'text' || to === 'long_text') return { ok: true, bad: null, using: (c) => `${c}::text` };
    if (to === 'select') return { ok: true, bad: (c) => `NOT (${c}::text = ANY ($1::text[]))`, using: (c) => `${c}::text`, needsOptions: true };
    if (NUMERIC.includes(to)) {
      const checks: string[] = [];
      const scale = SCALE[to];
      if (scale !== undefined && from !== 'integer' && !(SCALE[from] !== undefined && SCALE[from] <= scale)) {
        checks.push(`%c% <> round(%c%, ${scale})`);
      }
      const limit = NUMERIC_LIMIT[to];
      if (limit && !(NUMERIC_LIMIT[from] && BigInt(NUMERIC_LIMIT[from]) <= BigInt(limit))) checks.push(`abs(%c%) >= ${limit}`);
      return {
        ok: true,
        bad: checks.length ? (c) => checks.map((x) => x.replaceAll('%c%', c)).join(' OR ') : null,
        using: (c) => `${c}::${NUMBER_FORMATS[to].cast}`,
      };
    }
    if (to === 'boolean' && from === 'integer') return { ok: true, bad: (c) => `${c} NOT IN (0, 1)`, using: (c) => `${c} <> 0` };
    return refuse(`um número não vira ${to}`);
  }
  if (from === 'date') {
    if (to === 'datetime') return { ok: true, bad: null, using: (c) => `${c}::timestamp AT TIME ZONE ${TZ}` };
    if (to === 'text' || to === 'long_text') return { ok: true, bad: null, using: (c) => `to_char(${c}, 'YYYY-MM-DD')` };
    return refuse(`uma data não vira ${to}`);
  }
  if (from === 'datetime') {
    if (to === 'date') {
      return {
        ok: true,
        bad: (c) => `(${c} AT TIME ZONE ${TZ})::time <> '00:00'`,
        using: (c) => `(${c} AT TIME ZONE ${TZ})::date`,
      };
    }
    // ISO text in the transaction's time zone (America/Sao_Paulo, DateStyle ISO: set by the DDL runner)
    if (to === 'text' || to === 'long_text') return { ok: true, bad: null, using: (c) => `${c}::text` };
    return refuse(`uma data-hora não vira ${to}`);
  }
  if (from === 'boolean') {
    if (to === 'text' || to === 'long_text') return { ok: true, bad: null, using: (c) => `${c}::text` };
    if (to === 'integer') return { ok: true, bad: null, using: (c) => `${c}::integer` };
    return refuse(`um sim/não não vira ${to}`);
  }
  if (from === 'multi_select') {
    if (to === 'select') return { ok: true, bad: (c) => `cardinality(${c}) > 1`, using: (c) => `${c}[1]` };
    return refuse('uma lista de opções só vira uma opção única (select), quando nenhum registro tem mais de uma');
  }
  return refuse(`${from} → ${to} não é suportado`);
}
