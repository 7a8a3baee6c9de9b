import { DOCUMENT } from '@angular/common';
import { computed, inject, Injectable, signal } from '@angular/core';

import { Messages, MessageKey, ptBR } from './messages.pt-br';

export type Language = 'pt-BR' | 'en';

export const DEFAULT_LANGUAGE: Language = 'pt-BR';
export const LANGUAGES: readonly Language[] = ['pt-BR', 'en'];

// The locale that formats dates, numbers and currency in each language (their data is registered in provideI18n).
const LOCALES: Record<Language, string> = { 'pt-BR': 'pt-BR', en: 'en-US' };

const STORAGE_KEY = 'crm.language';

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
  readonly locale = computed(() => LOCALES[this.current()]);

  /** The text of `key`, with `{name}` placeholders filled from `params`. */
  t(key: MessageKey, params?: Record<string, string | number>): string {
    const text = this.messages()[key];
    return params
      ? text.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match))
      : text;
  }

  async use(language: Language): Promise<void> {
    this.messages.set(await DICTIONARIES[language]());
    this.current.set(language);
    this.document.documentElement.lang = language;
    this.remember(language);
  }

  /** The language chosen on this browser before, if any. */
  async restore(): Promise<void> {
    const saved = this.storage()?.getItem(STORAGE_KEY);
    if (saved && saved !== this.current() && LANGUAGES.includes(saved as Language)) {
      await this.use(saved as Language);
    }
  }

  private remember(language: Language): void {
    try {
      this.storage()?.setItem(STORAGE_KEY, language);
    } catch {
      // Private modes may refuse storage: the choice then lasts until the page closes.
    }
  }

  private storage(): Storage | null {
    return this.document.defaultView?.localStorage ?? null;
  }
}
