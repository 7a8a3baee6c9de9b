import type { ObjectSummaryDto } from '../../core/api/generated/models/object-summary-dto';
import type { Language } from '../../core/i18n/i18n';
import type { MessageKey } from '../../core/i18n/messages.pt-br';

export type ObjectKind = ObjectSummaryDto['kind'];
export type KindFilter = ObjectKind | 'all';

export const KINDS: readonly ObjectKind[] = ['base', 'tabela', 'consulta'];

export const KIND_LABELS: Record<ObjectKind, MessageKey> = {
  base: 'data.kind.base',
  tabela: 'data.kind.tabela',
  consulta: 'data.kind.consulta',
};

/** One object's kind, as a badge. */
export const KIND_LABEL_ONE: Record<ObjectKind, MessageKey> = {
  base: 'data.kindOne.base',
  tabela: 'data.kindOne.tabela',
  consulta: 'data.kindOne.consulta',
};

export interface ObjectGroup {
  kind: ObjectKind;
  objects: ObjectSummaryDto[];
}

/** The label of an object in the user's language. */
export function objectLabel(
  object: Pick<ObjectSummaryDto, 'labelPt' | 'labelEn'>,
  language: Language,
): string {
  return language === 'en' ? object.labelEn : object.labelPt;
}

/**
 * The objects shown, by kind (CRM objects, custom tables, saved queries), each group sorted by label: only the
 * chosen kind, and only those whose label, apiName or table contains the search text (accents and case ignored).
 */
export function groupObjects(
  objects: readonly ObjectSummaryDto[],
  kind: KindFilter,
  search: string,
  language: Language,
): ObjectGroup[] {
  const words = fold(search).split(/\s+/).filter(Boolean);
  const matches = (o: ObjectSummaryDto) => {
    const text = fold(`${o.labelPt} ${o.labelEn} ${o.apiName} ${o.table ?? ''}`);
    return words.every((w) => text.includes(w));
  };
  return KINDS.filter((k) => kind === 'all' || k === kind)
    .map((k) => ({
      kind: k,
      objects: objects
        .filter((o) => o.kind === k && matches(o))
        .sort((a, b) => objectLabel(a, language).localeCompare(objectLabel(b, language), language)),
    }))
    .filter((g) => g.objects.length > 0);
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
