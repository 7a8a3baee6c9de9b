import { registerLocaleData } from '@angular/common';
import localePt from '@angular/common/locales/pt';
import {
  EnvironmentProviders,
  LOCALE_ID,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { TitleStrategy } from '@angular/router';

import { DEFAULT_LANGUAGE } from './i18n';
import { TranslatedTitleStrategy } from './translated-title-strategy';

/** pt-BR formats (dates, numbers, currency) and translated page titles. */
export function provideI18n(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(() => registerLocaleData(localePt)),
    { provide: LOCALE_ID, useValue: DEFAULT_LANGUAGE },
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
  ]);
}
