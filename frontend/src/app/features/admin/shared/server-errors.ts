import { AbstractControl } from '@angular/forms';

import { apiErrorOf } from '../../../core/api/api-error';

/** Codes the API answers about a name the user typed: shown on that input instead of a snack bar. */
const NAME_CODES = [
  'OBJECT_EXISTS',
  'FIELD_EXISTS',
  'FIELD_NAME_CONFLICT',
  'INVALID_API_NAME',
  'RESERVED_API_NAME',
];

/**
 * Puts an API error about the name on the name control (`{ server: message }`); true when it did, so the
 * caller leaves the other errors to the ErrorHandler.
 */
export function nameErrorOnControl(error: unknown, control: AbstractControl): boolean {
  const api = apiErrorOf(error);
  if (!api || !NAME_CODES.includes(api.code)) return false;
  control.setErrors({ ...(control.errors ?? {}), server: api.message });
  control.markAsTouched();
  return true;
}
