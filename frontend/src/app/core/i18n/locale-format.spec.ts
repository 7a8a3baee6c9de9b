import { TestBed } from '@angular/core/testing';

import { I18n } from './i18n';
import { provideI18n } from './provide-i18n';
import {
  formatLocalCurrency,
  formatLocalDate,
  LocalCurrencyPipe,
  LocalDatePipe,
} from './locale-format';

describe('locale formats', () => {
  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideI18n(), LocalDatePipe, LocalCurrencyPipe],
    });
    await TestBed.inject(I18n).use('pt-BR');
  });

  // The date is built in local time, so the assertions do not depend on the machine's time zone.
  const date = new Date(2025, 2, 7, 14, 5);

  it('writes dates as dd/MM/yyyy and money as R$ 1.234,56 in pt-BR', () => {
    expect(formatLocalDate(date, 'pt-BR')).toBe('07/03/2025');
    expect(formatLocalDate(date, 'pt-BR', 'dateTime')).toBe('07/03/2025 14:05');
    expect(formatLocalCurrency(1234.56, 'pt-BR').replace(/\s/g, ' ')).toBe('R$ 1.234,56');
  });

  it('writes them the English way in English', () => {
    expect(formatLocalDate(date, 'en')).toBe('03/07/2025');
    expect(formatLocalDate(date, 'en', 'dateTime')).toBe('03/07/2025 2:05 PM');
    expect(formatLocalCurrency(1234.56, 'en')).toBe('R$1,234.56');
  });

  it('leaves missing values empty', () => {
    expect(formatLocalDate(null, 'pt-BR')).toBe('');
    expect(formatLocalCurrency(undefined, 'pt-BR')).toBe('');
  });

  it('follows the language the user picks', async () => {
    const pipe = TestBed.inject(LocalDatePipe);
    const money = TestBed.inject(LocalCurrencyPipe);
    expect(pipe.transform(date)).toBe('07/03/2025');
    await TestBed.inject(I18n).use('en');
    expect(pipe.transform(date)).toBe('03/07/2025');
    expect(money.transform(10)).toBe('R$10.00');
    await TestBed.inject(I18n).use('pt-BR');
  });

  it('fills placeholders in texts', () => {
    expect(TestBed.inject(I18n).t('home.greeting', { name: 'Ana' })).toBe('Olá, Ana.');
  });
});
