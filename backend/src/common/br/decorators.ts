/**
 * class-validator / class-transformer helpers for Brazilian documents.
 *
 *   @NormalizeCnpj() @IsCnpj() cnpj: string;
 *
 * Normalize* runs first (plainToInstance) and rewrites only *valid* input to its canonical
 * form, so the validator still sees — and reports — invalid input as the client sent it.
 * Messages are pt-BR and name the field: "cnpj: CNPJ inválido (dígitos verificadores)".
 */
import { Transform } from 'class-transformer';
import { ValidateBy, ValidationArguments, ValidationOptions, buildMessage } from 'class-validator';
import { normalizeCep, isValidCep } from './cep';
import { normalizeCnpj, isValidCnpj } from './cnpj';
import { normalizeCpf, isValidCpf } from './cpf';
import { normalizePhoneBR } from './phone';

function explainCpf(value: unknown): string | null {
  if (typeof value !== 'string') return 'CPF deve ser um texto';
  const n = normalizeCpf(value);
  if (!n) return 'CPF inválido (formato: 11 dígitos, ex. 123.456.789-09)';
  if (/^(\d)\1{10}$/.test(n)) return 'CPF inválido (dígitos todos iguais)';
  if (!isValidCpf(n)) return 'CPF inválido (dígitos verificadores)';
  return null;
}

function explainCnpj(value: unknown): string | null {
  if (typeof value !== 'string') return 'CNPJ deve ser um texto';
  const n = normalizeCnpj(value);
  if (!n) return 'CNPJ inválido (formato: 12 caracteres alfanuméricos + 2 dígitos, ex. 12.ABC.345/01DE-35)';
  if (/^(.)\1{13}$/.test(n)) return 'CNPJ inválido (caracteres todos iguais)';
  if (!isValidCnpj(n)) return 'CNPJ inválido (dígitos verificadores)';
  return null;
}

function explainCep(value: unknown): string | null {
  if (typeof value !== 'string') return 'CEP deve ser um texto';
  if (!isValidCep(value)) return 'CEP inválido (formato: 8 dígitos, ex. 01310-100)';
  return null;
}

function explainPhone(value: unknown): string | null {
  if (typeof value !== 'string') return 'telefone deve ser um texto';
  if (!normalizePhoneBR(value)) {
    return 'telefone inválido (DDD válido + 8 dígitos fixo ou 9 dígitos celular iniciando com 9, ex. (11) 98765-4321)';
  }
  return null;
}

function firstProblem(explain: (v: unknown) => string | null, value: unknown): string | null {
  if (Array.isArray(value)) {
    for (const item of value) {
      const p = explain(item);
      if (p) return p;
    }
    return null;
  }
  return explain(value);
}

function brValidator(name: string, explain: (v: unknown) => string | null, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown) => explain(value) === null,
        defaultMessage: buildMessage(
          (eachPrefix: string, args?: ValidationArguments) =>
            `${eachPrefix}$property: ${firstProblem(explain, args?.value) ?? 'valor inválido'}`,
          options,
        ),
      },
    },
    options,
  );
}

/** CPF with valid check digits (formatted or 11 digits). */
export function IsCpf(options?: ValidationOptions): PropertyDecorator {
  return brValidator('isCpf', explainCpf, options);
}

/** CNPJ, numeric or alphanumeric (July 2026), with valid check digits. */
export function IsCnpj(options?: ValidationOptions): PropertyDecorator {
  return brValidator('isCnpj', explainCnpj, options);
}

/** CEP: 8 digits (formatted or not). */
export function IsCep(options?: ValidationOptions): PropertyDecorator {
  return brValidator('isCep', explainCep, options);
}

/** Brazilian phone, any usual format; see normalizePhoneBR. */
export function IsPhoneBR(options?: ValidationOptions): PropertyDecorator {
  return brValidator('isPhoneBR', explainPhone, options);
}

function normalizeWith(fn: (s: string) => string | null, valid: (s: string) => boolean) {
  const one = (v: unknown) => (typeof v === 'string' && valid(v) ? (fn(v) ?? v) : v);
  return Transform(({ value }) => (Array.isArray(value) ? value.map(one) : one(value)));
}

/** Valid CPFs become 11 digits; anything else is left as-is for @IsCpf to report. Arrays are mapped. */
export function NormalizeCpf(): PropertyDecorator {
  return normalizeWith(normalizeCpf, isValidCpf);
}

/** Valid CNPJs become 14 uppercase characters; anything else is left as-is. */
export function NormalizeCnpj(): PropertyDecorator {
  return normalizeWith(normalizeCnpj, isValidCnpj);
}

/** Valid CEPs become 8 digits; anything else is left as-is. */
export function NormalizeCep(): PropertyDecorator {
  return normalizeWith(normalizeCep, isValidCep);
}

/** Valid phones become E.164 (+55…); anything else is left as-is. */
export function NormalizePhoneBR(): PropertyDecorator {
  return normalizeWith(normalizePhoneBR, (s) => normalizePhoneBR(s) !== null);
}
