import { registerLocaleData } from '@angular/common';
import localePt from '@angular/common/locales/pt';
import {
  EnvironmentProviders,
  inject,
  LOCALE_ID,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { TitleStrategy } from '@angular/router';

import { DEFAULT_LANGUAGE, I18n } from './i18n';
import { TranslatedTitleStrategy } from './translated-title-strategy';

/**
 * pt-BR formats (Angular's built-in en-US serves English), the language chosen before on this browser,
 * and translated page titles.
 */
export function provideI18n(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(() => {
      registerLocaleData(localePt, 'pt-BR');
      return inject(I18n).restore();
    }),
    { provide: LOCALE_ID, useValue: DEFAULT_LANGUAGE },
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
  ]);
}
