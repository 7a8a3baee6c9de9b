import { I18n } from '../../../core/i18n/i18n';

/** The label of an object, field or column in the user's language (metadata carries both). */
export function localLabel(i18n: I18n, item: { labelPt: string; labelEn: string }): string {
  return i18n.language() === 'en' ? item.labelEn : item.labelPt;
}
