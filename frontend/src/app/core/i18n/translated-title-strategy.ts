import { inject, Injectable } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';

import { I18n } from './i18n';
import { MessageKey } from './messages.pt-br';

/** Routes declare `title` as a message key; the browser tab shows "Page · Product". */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18n);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const key = this.buildTitle(snapshot) as MessageKey | undefined;
    const product = this.i18n.t('app.name');
    this.title.setTitle(key ? `${this.i18n.t(key)} · ${product}` : product);
  }
}
