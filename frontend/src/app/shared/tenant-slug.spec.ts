import { slugFromName, TENANT_SLUG_PATTERN } from './tenant-slug';

describe('tenant slug', () => {
  it('suggests a valid slug from a Brazilian company name', () => {
    expect(slugFromName('Padaria São João Ltda.')).toBe('padaria_sao_joao_ltda');
    expect(slugFromName('  Açougue & Cia  ')).toBe('acougue_cia');
    expect(slugFromName('123 Lojas')).toBe('lojas');
    expect(TENANT_SLUG_PATTERN.test(slugFromName('Supermercado Lima'))).toBe(true);
  });

  it('keeps within 40 characters without a trailing underscore', () => {
    const slug = slugFromName('Distribuidora de Alimentos do Vale do Paraíba Limitada');
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith('_')).toBe(false);
    expect(TENANT_SLUG_PATTERN.test(slug)).toBe(true);
  });

  it('accepts what the API accepts', () => {
    for (const ok of ['abc', 'supermercado_lima', 'a'.repeat(40), 'loja_2']) {
      expect(TENANT_SLUG_PATTERN.test(ok)).toBe(true);
    }
    for (const bad of ['ab', '9abc', '_abc', 'Loja', 'loja-x', 'a'.repeat(41), 'loja x']) {
      expect(TENANT_SLUG_PATTERN.test(bad)).toBe(false);
    }
  });
});
