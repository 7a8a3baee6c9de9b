import { Transform } from 'class-transformer';
import { IsOptional, Validate, ValidateIf, ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';

/**
 * Write-DTO conventions: a property left out is not touched; `null` clears a nullable field; `null` on a
 * required field (name, lifecycleStage…) is a validation error, never a NOT NULL violation from the database.
 */

/** Optional, and may be null (clears the field). */
export const Nullable = () => IsOptional();

/** Optional, but validated when present: null is refused by the next validators. */
export const NotNullWhenPresent = () => ValidateIf((_: unknown, v: unknown) => v !== undefined);

/** Trims strings; an empty string becomes null (cleared). */
export const TrimToNull = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const t = value.trim();
    return t.length ? t : null;
  });

/** Trims and lower-cases (e-mails). */
export const LowerTrim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

@ValidatorConstraint({ name: 'isCalendarDate' })
class IsCalendarDateConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property}: data inválida (use AAAA-MM-DD)`;
  }
}

/** A real calendar date written YYYY-MM-DD. */
export const IsCalendarDate = () => Validate(IsCalendarDateConstraint);

/** Date → ISO string for response DTOs; keeps null, and undefined (a field not selected with ?fields=). */
export const iso = <T extends Date | null | undefined>(d: T) => (d instanceof Date ? d.toISOString() : d) as string;

/** Trims strings (required text fields: an empty result then fails their length check). */
export const Trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Trims and upper-cases (UF). */
export const UpperTrim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));
