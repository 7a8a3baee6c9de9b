import { FieldValues } from './record-sql';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields the client sent (undefined = left out), limited to the writable ones. */
export function sentFields(input: object, writable: readonly string[]): FieldValues {
  const out: FieldValues = {};
  for (const name of writable) {
    const v = (input as Record<string, unknown>)[name];
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/** The sent fields whose value differs from the record's (API representation on both sides). */
export function changedFields(current: object, sent: FieldValues): FieldValues {
  const out: FieldValues = {};
  for (const [name, v] of Object.entries(sent)) if (!same((current as Record<string, unknown>)[name], v)) out[name] = v;
  return out;
}

/** Same tag names, ignoring order and case. */
export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  const norm = (l: readonly string[]) => [...new Set(l.map((t) => t.toLowerCase()))].sort().join('\n');
  return norm(a) === norm(b);
}

/** Fields empty on the target and set on the source: what a merge fills. */
export function fillsFrom(target: object, source: object, fields: readonly string[]): FieldValues {
  const out: FieldValues = {};
  const t = target as Record<string, unknown>;
  const s = source as Record<string, unknown>;
  for (const f of fields) if ((t[f] === null || t[f] === undefined) && s[f] !== null && s[f] !== undefined) out[f] = s[f];
  return out;
}
