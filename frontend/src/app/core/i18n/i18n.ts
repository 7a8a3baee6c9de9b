import { DOCUMENT } from '@angular/common';
import { inject, Injectable, signal } from '@angular/core';

import { Messages, MessageKey, ptBR } from './messages.pt-br';

export type Language = 'pt-BR' | 'en';

export const DEFAULT_LANGUAGE: Language = 'pt-BR';

// Only the default dictionary is in the initial bundle; the others load when chosen.
const DICTIONARIES: Record<Language, () => Promise<Messages>> = {
  'pt-BR': async () => ptBR,
  en: async () => (await import('./messages.en')).en,
};

/** UI texts by key; templates that call `t()` re-render when the language changes. */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Language>(DEFAULT_LANGUAGE);
  private readonly messages = signal<Messages>(ptBR);

  readonly language = this.current.asReadonly();

  t(key: MessageKey): string {
    return this.messages()[key];
  }

  async use(language: Language): Promise<void> {
    this.messages.set(await DICTIONARIES[language]());
    this.current.set(language);
    this.document.documentElement.lang = language;
  }
}
