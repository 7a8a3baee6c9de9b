import { Language } from '../../core/i18n/i18n';
import { formatLocalCurrency, formatLocalDate } from '../../core/i18n/locale-format';
import { GridFormat } from './grid-query';

/** The text of a grid cell in the user's language (`R$ 1.234,56`, `07/03/2025`). */
export function formatCell(
  value: unknown,
  format: GridFormat | undefined,
  language: Language,
): string {
  if (value === null || value === undefined || value === '') return '';
  switch (format) {
    case 'date':
      return formatLocalDate(value as string, language);
    case 'dateTime':
      return formatLocalDate(value as string, language, 'dateTime');
    case 'currency':
      return formatLocalCurrency(Number(value), language);
    case 'number':
      return new Intl.NumberFormat(language).format(Number(value));
    case 'percent':
      return `${value}%`;
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}
