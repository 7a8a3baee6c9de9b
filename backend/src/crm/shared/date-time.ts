import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';

// A date-time with its offset: without one the instant is ambiguous (whose 14:00?).
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Write-DTO date-times (`startAt`, `dueAt`…): ISO 8601 with an offset, normalized to UTC (`…T17:00:00.000Z`),
 * the form responses use, so a value sent back unchanged compares equal to the stored one.
 */
export const ToInstant = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string' || !WITH_OFFSET.test(value.trim())) return value;
    const ms = Date.parse(value.trim());
    return Number.isNaN(ms) ? value : new Date(ms).toISOString();
  });

/** Pairs with ToInstant: anything it could not normalize is refused, naming the field. */
export const IsInstant = () =>
  Matches(INSTANT, { message: '$property: data-hora inválida (ISO 8601 com fuso, ex. 2025-01-31T14:00:00-03:00)' });
