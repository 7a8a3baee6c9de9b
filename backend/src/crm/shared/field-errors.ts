import { DomainError } from '../../common/domain-error';

/**
 * A business rule about specific fields, in the shape of validation errors (400 VALIDATION_FAILED,
 * details.fields [{field, message}]), so clients handle both the same way.
 */
export function invalidFields(message: string, fields: { field: string; message: string }[]): DomainError {
  return new DomainError('VALIDATION_FAILED', message, 400, { fields });
}

export const invalidField = (field: string, message: string) => invalidFields(`${field}: ${message}`, [{ field, message }]);

/** 400 INVALID_REFERENCE naming the field whose id does not resolve (the shape of ReferencesRepository's errors). */
export const invalidReference = (field: string, message: string) =>
  new DomainError('INVALID_REFERENCE', 'Referência inválida.', 400, { fields: [{ field, message }] });
