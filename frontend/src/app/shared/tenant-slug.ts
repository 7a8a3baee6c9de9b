/** A tenant's identifier, as the API validates it (backend/src/tenancy/slug.ts). */
export const TENANT_SLUG_PATTERN = /^[a-z][a-z0-9_]{2,39}$/;

/** A slug suggested from a company name: "Padaria São João" → "padaria_sao_joao". */
export function slugFromName(name: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '');
  return base.slice(0, 40).replace(/_+$/, '');
}
