import { validateSlug } from './slug';

describe('tenant slug', () => {
  it.each(['supermercado_lima', 'abc', 'a1_2', 'x'.repeat(40)])('accepts %s', (s) => expect(validateSlug(s)).toBe(s));
  it.each([['ab'], ['Abc'], ['1abc'], ['a-b'], ['x'.repeat(41)], ['á_b']])('refuses %s as invalid', (s) =>
    expect(() => validateSlug(s)).toThrow(expect.objectContaining({ code: 'TENANT_SLUG_INVALID' })),
  );
  it.each(['tenant_admin', 'public', 'pg_x', 'extensions', 'loja_rw'])('refuses reserved %s', (s) =>
    expect(() => validateSlug(s)).toThrow(expect.objectContaining({ code: 'TENANT_SLUG_RESERVED' })),
  );
});
