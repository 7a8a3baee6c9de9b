import { DomainError } from '../common/domain-error';
import {
  API_NAME,
  CUSTOM_COLUMN_PREFIX,
  CUSTOM_TABLE_PREFIX,
  RESERVED_PARAM_NAMES,
  RESERVED_PREFIXES,
  RESERVED_WORDS,
  STANDARD_COLUMNS,
} from './metadata.constants';

/**
 * The only gate between a client-chosen name and DDL: every object and field API name passes here before it can
 * become a table or column name (which ident() then quotes anyway).
 */
function checkName(kind: 'object' | 'field', value: unknown, field: string): string {
  const what = kind === 'object' ? 'objeto' : 'campo';
  if (typeof value !== 'string' || !API_NAME.test(value)) {
    throw new DomainError(
      'INVALID_API_NAME',
      `Nome de API de ${what} inválido: use de 2 a 41 caracteres minúsculos, dígitos ou _, começando por letra (ex. visita_loja).`,
      400,
      { field, pattern: API_NAME.source },
    );
  }
  if (RESERVED_WORDS.has(value)) {
    throw new DomainError('RESERVED_API_NAME', `"${value}" é uma palavra reservada; escolha outro nome de ${what}.`, 400, { field, name: value });
  }
  const prefix = RESERVED_PREFIXES.find((p) => value.startsWith(p));
  if (prefix) {
    throw new DomainError('RESERVED_API_NAME', `Nomes de ${what} não podem começar por "${prefix}" (reservado).`, 400, { field, name: value, prefix });
  }
  return value;
}

export function validateObjectApiName(value: unknown, field = 'apiName'): string {
  return checkName('object', value, field);
}

/** A new field's API name; standard columns and the list endpoints' parameters are refused too. */
export function validateFieldApiName(value: unknown, field = 'apiName'): string {
  const name = checkName('field', value, field);
  if (name.includes('__') || name.endsWith('_')) {
    throw new DomainError('INVALID_API_NAME', 'Nome de API de campo não pode ter "__" nem terminar em "_".', 400, { field, name });
  }
  if ((STANDARD_COLUMNS as readonly string[]).includes(name) || RESERVED_PARAM_NAMES.includes(name)) {
    throw new DomainError('RESERVED_API_NAME', `"${name}" é um campo padrão ou um parâmetro das listas; escolha outro nome.`, 400, { field, name });
  }
  return name;
}

export const customTableName = (apiName: string): string => `${CUSTOM_TABLE_PREFIX}${apiName}`;

export const customColumnName = (apiName: string): string => `${CUSTOM_COLUMN_PREFIX}${apiName}`;
