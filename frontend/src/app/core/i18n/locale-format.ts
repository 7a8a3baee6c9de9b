import { formatCurrency, formatDate } from '@angular/common';
import { inject, Pipe, PipeTransform } from '@angular/core';

import { I18n, Language } from './i18n';

export type DateStyle = 'date' | 'dateTime';

// Written out rather than Angular's 'shortDate', which gives two-digit years.
const DATE_FORMATS: Record<Language, Record<DateStyle, string>> = {
  'pt-BR': { date: 'dd/MM/yyyy', dateTime: 'dd/MM/yyyy HH:mm' },
  en: { date: 'MM/dd/yyyy', dateTime: 'MM/dd/yyyy h:mm a' },
};

type DateInput = string | number | Date | null | undefined;

/** `dd/MM/yyyy` in pt-BR, `MM/dd/yyyy` in English; empty for no date. */
export function formatLocalDate(
  value: DateInput,
  language: Language,
  style: DateStyle = 'date',
): string {
  if (value === null || value === undefined || value === '') return '';
  const locale = language === 'pt-BR' ? 'pt-BR' : 'en-US';
  return formatDate(value, DATE_FORMATS[language][style], locale);
}

/** `R$ 1.234,56` in pt-BR, `R$1,234.56` in English. */
export function formatLocalCurrency(
  value: number | null | undefined,
  language: Language,
  currency = 'BRL',
): string {
  if (value === null || value === undefined) return '';
  const locale = language === 'pt-BR' ? 'pt-BR' : 'en-US';
  const symbol = currency === 'BRL' ? 'R$' : currency;
  return formatCurrency(value, locale, symbol, currency);
}

// Impure: the language is a signal, not an argument, so the value must be formatted again when it changes.
@Pipe({ name: 'localDate', pure: false })
export class LocalDatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: DateInput, style: DateStyle = 'date'): string {
    return formatLocalDate(value, this.i18n.language(), style);
  }
}

@Pipe({ name: 'localCurrency', pure: false })
export class LocalCurrencyPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: number | null | undefined, currency = 'BRL'): string {
    return formatLocalCurrency(value, this.i18n.language(), currency);
  }
}
